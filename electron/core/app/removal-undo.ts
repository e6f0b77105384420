// A removed deployment can be brought back for a short while ("Undo" in the window), with its
// settings (muted, last known name) as they were. After that it is forgotten for good.
import type { Clock, TimerHandle } from '../clock';
import type { PersistedDeployment } from '../settings/schema';

export const UNDO_REMOVE_MS = 30_000;

export interface Kept {
  entry: PersistedDeployment;
  /** Where it stood in the watch list, so an undo puts it back in place. */
  index: number;
}

export class RemovalUndo {
  private readonly kept = new Map<string, Kept & { timer: TimerHandle }>();

  constructor(
    private readonly clock: Clock,
    private readonly keepMs = UNDO_REMOVE_MS,
  ) {}

  keep(key: string, entry: PersistedDeployment, index: number): void {
    this.drop(key);
    const timer = this.clock.setTimeout(() => this.kept.delete(key), this.keepMs);
    this.kept.set(key, { entry: { ...entry }, index, timer });
  }

  /** The entry to restore, once; undefined when it expired or was never removed. */
  take(key: string): Kept | undefined {
    const found = this.kept.get(key);
    if (found === undefined) return undefined;
    this.drop(key);
    return { entry: found.entry, index: found.index };
  }

  /** Forgets every kept entry of an account (the account itself was removed). */
  dropAccount(accountId: string): void {
    for (const [key, { entry }] of this.kept) if (entry.accountId === accountId) this.drop(key);
  }

  dispose(): void {
    for (const key of [...this.kept.keys()]) this.drop(key);
  }

  private drop(key: string): void {
    const found = this.kept.get(key);
    if (found === undefined) return;
    this.clock.clearTimeout(found.timer);
    this.kept.delete(key);
  }
}
