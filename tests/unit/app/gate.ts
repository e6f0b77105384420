// Holds a client's reads until released, so a test can run a second command while a first one
// is still waiting on the cloud.
import type { ApiClient } from '../../../electron/core/api/types';

export class ReadGate {
  private held: (() => void)[] = [];
  closed = false;

  /** How many reads wait now. */
  get waiting(): number {
    return this.held.length;
  }

  release(): void {
    this.closed = false;
    for (const go of this.held.splice(0)) go();
  }

  private pass(): Promise<void> {
    if (!this.closed) return Promise.resolve();
    return new Promise((resolve) => this.held.push(resolve));
  }

  wrap(client: ApiClient): ApiClient {
    return {
      baseUrl: client.baseUrl,
      getDeployment: async (id, o) => {
        await this.pass();
        return client.getDeployment(id, o);
      },
      listDeployments: async (o) => {
        await this.pass();
        return client.listDeployments(o);
      },
      startDeployment: (id, o) => client.startDeployment(id, o),
      stopDeployment: (id, o) => client.stopDeployment(id, o),
    };
  }
}
