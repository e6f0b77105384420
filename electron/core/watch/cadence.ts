// How often to look. Idle: the user's setting (default 2 minutes), stretched when per-ID reads
// cannot cover every deployment that often within the budget. Fast: a ramp after a start/stop or
// while something is starting or stopping, quick at first (the result is usually seconds away),
// slower as the transition drags on, so a ten-minute start cannot eat the hour's reads.
import { backgroundPaceMs } from '../budget/ledger';
import { READ_LIMIT } from '../budget/limits';

export const DEFAULT_IDLE_CADENCE_MS = 120_000;
export const MIN_IDLE_CADENCE_MS = 10_000;

/**
 * Symmetric jitter on idle waits: enough to keep several machines off the same second, small
 * enough that a change is still seen half an idle period later on average.
 */
export const IDLE_JITTER = 0.05;

/**
 * Waits between checks during a transition, by check number; the last one repeats. Dense while
 * a start or stop usually completes (the first five minutes: about 20 reads), sparse after.
 */
export const FAST_RAMP_MS: readonly number[] = [
  ...Array<number>(2).fill(5_000),
  ...Array<number>(6).fill(10_000),
  ...Array<number>(8).fill(15_000),
  ...Array<number>(4).fill(20_000),
  ...Array<number>(4).fill(30_000),
  45_000,
  60_000,
  90_000,
];

/** Checks after our own start/stop count as the user's (they may use the reserve) this long. */
export const POST_OPERATION_USER_MS = 10 * 60 * 1000;

/** A refresh right after a good read is answered from it. */
export const FRESH_MS = 5_000;

/** After resume or reconnect, failures this soon are the network waking up, not an outage. */
export const WAKE_QUIET_MS = 60_000;

export function fastInterval(step: number, idleMs: number): number {
  const ramp = FAST_RAMP_MS[Math.min(step, FAST_RAMP_MS.length - 1)] ?? idleMs;
  return Math.min(ramp, idleMs);
}

/** A jitter factor in [1 - IDLE_JITTER, 1 + IDLE_JITTER]. */
export function jitterFactor(random: () => number): number {
  return 1 + (2 * random() - 1) * IDLE_JITTER;
}

/**
 * The idle wait between checks of one deployment: the setting, unless the budget's steady
 * background pace cannot give each of `readsPerCycle` reads that often.
 */
export function effectiveIdleMs(idleMs: number, readsPerCycle: number, paceMs: number): number {
  return Math.max(idleMs, Math.ceil(readsPerCycle * paceMs));
}

/** How an account reads its deployments: one list read covers all, by ID each takes its own. */
export type ReadMode = 'list' | 'id';

/**
 * The interval between idle checks of each deployment the engine actually keeps, for the idle
 * `cadenceMs` setting, `deployments` watched (and not gone) and the account's read mode. The
 * background pace (about 112.5 s a read at 60 an hour, the reserve kept) is the floor: with the
 * list a 1-minute setting gives 112.5 s; by ID, five deployments take 562.5 s each.
 */
export function effectiveIntervalMs(
  cadenceMs: number,
  deployments: number,
  mode: ReadMode,
  readLimit: number = READ_LIMIT,
): number {
  const readsPerCycle = mode === 'list' ? 1 : deployments;
  return effectiveIdleMs(cadenceMs, readsPerCycle, backgroundPaceMs(readLimit));
}
