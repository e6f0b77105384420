// Reads the user asks for outside polling still spend the key's hourly budget on the server, so
// they go through the engine's ledger too. A read the budget has no room for is refused here,
// as the server would refuse it, but without spending anything.
import { RateLimitedError } from '../api/errors';
import type { Deployment } from '../api/types';
import type { WatchEngine } from '../watch/types';

export async function countedRead<T>(
  engine: WatchEngine,
  budgetScope: string,
  read: () => Promise<T>,
): Promise<T> {
  const result = await engine.userRead(budgetScope, read);
  if (result.ok) return result.value;
  throw new RateLimitedError(
    'No read is left in this hour’s budget for this API key; nothing was sent.',
    { retryAt: result.availableAt },
  );
}

/** How long a list read stands in for the check before watching one of its deployments. */
export const RECENT_LIST_MS = 5 * 60_000;

/** The last list each account read on the user's behalf, so picking from it costs no read. */
export class RecentLists {
  private readonly lists = new Map<string, { at: number; deployments: Deployment[] }>();

  remember(accountId: string, at: number, deployments: Deployment[]): void {
    this.lists.set(accountId, { at, deployments });
  }

  find(accountId: string, deploymentId: string, now: number): Deployment | undefined {
    const list = this.lists.get(accountId);
    if (list === undefined || now - list.at > RECENT_LIST_MS) return undefined;
    return list.deployments.find((d) => d.deploymentID === deploymentId);
  }

  forget(accountId: string): void {
    this.lists.delete(accountId);
  }
}
