// The numbers the budget is built on. The documented limits are per rolling 60 minutes; what
// they are counted against is undocumented, so the ledger assumes the strictest reading (one
// window per API key for all reads, one for start and stop together) and learns from 429s.

export const WINDOW_MS = 60 * 60 * 1000;

/** `GET /deployments` and `GET /deployments/{id}` together. */
export const READ_LIMIT = 60;
/** `POST .../start` and `POST .../stop` together. */
export const WRITE_LIMIT = 1;

/**
 * Reads kept for the user: the checks after a start/stop (about 20 in the first five minutes,
 * see the watch cadence) and manual refreshes. Background polling stays within
 * `limit - reserve` in any window, so those are served at once even after an hour of polling,
 * and polling is not stalled by them either.
 */
export const READ_RESERVE = 20;

/**
 * Background reads may run ahead of their steady pace by this many (a burst while something is
 * starting), and the pace is set so burst + an hour of pace never exceed `limit - reserve`.
 */
export const BACKGROUND_BURST = 8;

/** A learnt (lowered) read limit never drops below this, or the app would go blind. */
export const MIN_LEARNT_READ_LIMIT = 12;

/** A shared-key suspicion (and the lowered limit) is forgotten after this long without a 429. */
export const SHARED_KEY_MEMORY_MS = 6 * 60 * 60 * 1000;

/** Pause after a 429 without Retry-After when none of our own requests explains it. */
export const UNEXPLAINED_RATE_LIMIT_PAUSE_MS = 10 * 60 * 1000;
