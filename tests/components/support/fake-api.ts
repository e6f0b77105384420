// A WindowApi that records every invocation, answers with configurable results (or holds an
// answer until the test releases it) and pushes snapshots like the controller does.
import { act } from '@testing-library/react';
import type {
  CommandName,
  CommandRequest,
  CommandResponses,
  CommandResult,
  WindowApi,
} from '../../../electron/shared/contract';
import type { AppSnapshot } from '../../../electron/shared/model';

type Answer<C extends CommandName> =
  CommandResult<C> | ((request: CommandRequest<C>) => CommandResult<C> | Promise<CommandResult<C>>);

export interface Held<C extends CommandName> {
  resolve: (result: CommandResult<C>) => Promise<void>;
}

export interface Invocation {
  command: CommandName;
  request: unknown;
}

function defaults(snapshot: AppSnapshot): { [C in CommandName]: CommandResponses[C] } {
  return {
    'state.get': snapshot,
    'account.test': { ok: true, deploymentCount: 0 },
    'account.add': { accountId: 'acc-new', sessionOnly: false },
    'account.rename': null,
    'account.replaceSecret': null,
    'account.remove': null,
    'deployments.available': { supported: true, deployments: [] },
    'deployment.add': { key: 'acc-1/new' },
    'deployment.remove': null,
    'deployment.undoRemove': null,
    'deployment.refresh': null,
    'deployment.operate': { sent: true },
    'deployment.mute': null,
    'preferences.update': snapshot.preferences,
    'notice.dismiss': null,
    'console.open': null,
    'demo.start': { accountId: 'demo' },
    'app.quit': null,
  };
}

export class FakeApi implements WindowApi {
  readonly invocations: Invocation[] = [];
  private readonly listeners = new Set<(snapshot: AppSnapshot) => void>();
  private readonly answers = new Map<CommandName, Answer<CommandName>>();

  constructor(public snapshot: AppSnapshot) {}

  invoke<C extends CommandName>(command: C, request: CommandRequest<C>): Promise<CommandResult<C>> {
    this.invocations.push({ command, request });
    // Stored per command name; the map cannot carry the link between key and value types.
    const answer = this.answers.get(command) as Answer<C> | undefined;
    if (typeof answer === 'function') return Promise.resolve(answer(request));
    if (answer) return Promise.resolve(answer);
    const value = defaults(this.snapshot)[command];
    return Promise.resolve({ ok: true, value });
  }

  onState(listener: (snapshot: AppSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every later call of `command` answers this. */
  answer<C extends CommandName>(command: C, answer: Answer<C>): this {
    this.answers.set(command, answer as Answer<CommandName>);
    return this;
  }

  fail<C extends CommandName>(command: C, error: CommandResult<C> & { ok: false }): this {
    return this.answer(command, error);
  }

  /** Calls of `command` stay pending until `resolve` is called (once per call, in order). */
  hold<C extends CommandName>(command: C): Held<C> {
    const waiting: ((result: CommandResult<C>) => void)[] = [];
    this.answer(command, () => new Promise<CommandResult<C>>((resolve) => waiting.push(resolve)));
    return {
      resolve: async (result) => {
        const next = waiting.shift();
        if (!next) throw new Error(`no pending ${command} call`);
        await act(async () => next(result));
      },
    };
  }

  calls<C extends CommandName>(command: C): CommandRequest<C>[] {
    return this.invocations
      .filter((i) => i.command === command)
      .map((i) => i.request as CommandRequest<C>);
  }

  /** Pushes a snapshot to the window, as the controller's `state-changed` does. */
  push(snapshot: AppSnapshot): void {
    this.snapshot = snapshot;
    act(() => {
      for (const listener of this.listeners) listener(snapshot);
    });
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
