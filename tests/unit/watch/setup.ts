// Builds an engine on a VirtualClock with a seeded jitter source and an in-memory ledger, and
// records every change event it emits.
import { memoryLedgerStore, type LedgerStore } from '../../../electron/core/budget/store';
import { VirtualClock } from '../../../electron/core/clock';
import { createWatchEngine } from '../../../electron/core/watch/engine';
import type { EngineChange, WatchEngine } from '../../../electron/core/watch/types';
import { seededRandom } from '../../../electron/simulator/prng';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export interface EngineSetup {
  clock: VirtualClock;
  engine: WatchEngine;
  store: LedgerStore;
  changes: EngineChange[];
}

export function setupEngine(
  opts: { clock?: VirtualClock; store?: LedgerStore; idleCadenceMs?: number; seed?: number } = {},
): EngineSetup {
  const clock = opts.clock ?? new VirtualClock();
  const store = opts.store ?? memoryLedgerStore();
  const engine = createWatchEngine({
    clock,
    ledgerStore: store,
    ...(opts.idleCadenceMs !== undefined ? { idleCadenceMs: opts.idleCadenceMs } : {}),
    random: seededRandom(opts.seed ?? 42),
  });
  const changes: EngineChange[] = [];
  engine.subscribe((c) => changes.push(c));
  return { clock, engine, store, changes };
}

export function stateOf(engine: WatchEngine, accountId: string, deploymentId: string) {
  const d = engine.getState().deployments.find((x) => x.key === `${accountId}/${deploymentId}`);
  if (d === undefined) throw new Error(`${accountId}/${deploymentId} is not watched`);
  return d;
}

export function accountOf(engine: WatchEngine, accountId: string) {
  const a = engine.getState().accounts.find((x) => x.id === accountId);
  if (a === undefined) throw new Error(`no account ${accountId}`);
  return a;
}

/** The largest number of `times` inside any window of `windowMs`. */
export function maxInWindow(times: readonly number[], windowMs = HOUR): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while ((sorted[hi] ?? 0) - (sorted[lo] ?? 0) >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}
