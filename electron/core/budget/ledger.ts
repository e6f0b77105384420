// The request ledger as plain data and pure functions: every decision ("may a read go now?",
// "when may the next start/stop go?") is a function of the ledger and `now`, so it can be
// persisted as JSON, restored after a restart and tested without timers.
import { MAX_RETRY_AFTER_MS } from '../api/retry-after';
import type { BudgetClassView, BudgetView } from '../../shared/model';
import {
  BACKGROUND_BURST,
  MIN_LEARNT_READ_LIMIT,
  READ_LIMIT,
  READ_RESERVE,
  SHARED_KEY_MEMORY_MS,
  UNEXPLAINED_RATE_LIMIT_PAUSE_MS,
  WINDOW_MS,
  WRITE_LIMIT,
} from './limits';

export type LimitClass = 'reads' | 'writes';
/** `user`: a click (refresh, the checks after a start/stop). `background`: scheduled polling. */
export type Priority = 'user' | 'background';

export interface ClassLedger {
  /** Send times (epoch ms) of requests still inside the rolling window, oldest first. */
  sent: number[];
  /** Paused by a 429 until then. */
  rateLimitedUntil?: number;
}

/** Background pacing as a token bucket: `tokens` as of `at`, refilled at the steady pace. */
export interface PacingState {
  tokens: number;
  at: number;
}

/** Everything known about one limit scope (one API key). */
export interface ScopeLedger {
  reads: ClassLedger;
  writes: ClassLedger;
  /** Start/stop window: the earliest time the next start or stop may be sent. */
  writesNextAllowedAt?: number;
  /** A read limit lowered after a 429 our own count did not explain. */
  learntReadLimit?: number;
  sharedKeySuspectedAt?: number;
  pacing: PacingState;
}

/** What the storage port persists: JSON-able, timestamps only. */
export interface LedgerData {
  version: 1;
  scopes: Record<string, ScopeLedger>;
}

export function emptyLedger(): LedgerData {
  return { version: 1, scopes: {} };
}

export function emptyScope(now: number): ScopeLedger {
  return {
    reads: { sent: [] },
    writes: { sent: [] },
    pacing: { tokens: backgroundBurst(READ_LIMIT), at: now },
  };
}

// ---- derived limits ---------------------------------------------------------------------------

export function readLimit(scope: ScopeLedger): number {
  return scope.learntReadLimit ?? READ_LIMIT;
}

export function readReserve(limit: number): number {
  return Math.min(READ_RESERVE, Math.floor(limit / 3));
}

/** Background polling never takes the window past this many reads. */
export function backgroundCap(limit: number): number {
  return limit - readReserve(limit);
}

export function backgroundBurst(limit: number): number {
  return Math.max(1, Math.min(BACKGROUND_BURST, Math.floor(backgroundCap(limit) / 4)));
}

/**
 * Milliseconds per background token. A bucket of `burst` refilled at this pace admits at most
 * burst + (cap - burst) = cap requests in any window, so pacing alone already honours the cap.
 */
export function backgroundPaceMs(limit: number): number {
  return WINDOW_MS / (backgroundCap(limit) - backgroundBurst(limit));
}

// ---- queries ------------------------------------------------------------------------------------

/**
 * Drops what has left the window and forgets an old shared-key suspicion. Stamps in the future
 * (the system clock went back, or a hand-edited file) are pulled back: send stamps to `now`, a
 * 429 pause to the longest Retry-After the client accepts, the start/stop window to one window,
 * an overdrawn pacing bucket to a window's worth of debt. Nothing persisted can block for longer.
 */
export function pruneScope(scope: ScopeLedger, now: number): ScopeLedger {
  const next: ScopeLedger = {
    reads: pruneClass(scope.reads, now),
    writes: pruneClass(scope.writes, now),
    pacing: scope.pacing,
  };
  if (scope.writesNextAllowedAt !== undefined && scope.writesNextAllowedAt > now) {
    next.writesNextAllowedAt = Math.min(scope.writesNextAllowedAt, now + WINDOW_MS);
  }
  const suspectedAt = scope.sharedKeySuspectedAt;
  if (suspectedAt !== undefined && now - Math.min(suspectedAt, now) < SHARED_KEY_MEMORY_MS) {
    next.sharedKeySuspectedAt = Math.min(suspectedAt, now);
    if (scope.learntReadLimit !== undefined) next.learntReadLimit = scope.learntReadLimit;
  }
  next.pacing = prunePacing(scope.pacing, readLimit(next), now);
  return next;
}

function pruneClass(ledger: ClassLedger, now: number): ClassLedger {
  const sent = ledger.sent
    .map((t) => Math.min(t, now))
    .filter((t) => now - t < WINDOW_MS)
    .sort((a, b) => a - b);
  const next: ClassLedger = { sent };
  if (ledger.rateLimitedUntil !== undefined && ledger.rateLimitedUntil > now) {
    next.rateLimitedUntil = Math.min(ledger.rateLimitedUntil, now + MAX_RETRY_AFTER_MS);
  }
  return next;
}

function prunePacing(pacing: PacingState, limit: number, now: number): PacingState {
  // Refilling from this many tokens short takes one window: a deeper debt can only be corrupt.
  const floor = 1 - (backgroundCap(limit) - backgroundBurst(limit));
  return { tokens: Math.max(floor, pacing.tokens), at: Math.min(pacing.at, now) };
}

export function usedIn(scope: ScopeLedger, cls: LimitClass, now: number): number {
  return pruneClass(scope[cls], now).sent.length;
}

/** When a window holding `sent` (pruned, sorted) admits one more request under `cap`. */
function freeAt(sent: readonly number[], cap: number, now: number): number {
  if (cap <= 0) return now + WINDOW_MS;
  if (sent.length < cap) return now;
  return (sent[sent.length - cap] ?? now) + WINDOW_MS;
}

function tokensAt(pacing: PacingState, limit: number, now: number): number {
  const elapsed = Math.max(0, now - pacing.at);
  return Math.min(backgroundBurst(limit), pacing.tokens + elapsed / backgroundPaceMs(limit));
}

/** The earliest time (>= now) a request of this class and priority may be sent. */
export function earliestRequest(
  raw: ScopeLedger,
  cls: LimitClass,
  priority: Priority,
  now: number,
): number {
  const scope = pruneScope(raw, now);
  const ledger = scope[cls];
  let at = Math.max(now, ledger.rateLimitedUntil ?? now);
  if (cls === 'writes') {
    at = Math.max(at, freeAt(ledger.sent, WRITE_LIMIT, now), scope.writesNextAllowedAt ?? now);
    return at;
  }
  const limit = readLimit(scope);
  at = Math.max(at, freeAt(ledger.sent, limit, now));
  if (priority === 'user') return at;
  // Background reads are held to `limit - reserve` in any window by the pacing bucket alone, so
  // the reads the user made do not stall them (they only share the hard limit).
  const tokens = tokensAt(scope.pacing, limit, now);
  if (tokens < 1) at = Math.max(at, now + Math.ceil((1 - tokens) * backgroundPaceMs(limit)));
  return at;
}

export function sharedKeySuspected(scope: ScopeLedger, now: number): boolean {
  return pruneScope(scope, now).sharedKeySuspectedAt !== undefined;
}

// ---- updates ------------------------------------------------------------------------------------

/** Counts a request at the moment it is sent (whatever its answer: the server may count it). */
export function recordRequest(
  raw: ScopeLedger,
  cls: LimitClass,
  priority: Priority,
  now: number,
): ScopeLedger {
  const scope = pruneScope(raw, now);
  const next: ScopeLedger = {
    ...scope,
    [cls]: { ...scope[cls], sent: [...scope[cls].sent, now] },
  };
  if (cls === 'writes') {
    next.writesNextAllowedAt = Math.max(
      scope.writesNextAllowedAt ?? now,
      freeAt(next.writes.sent, WRITE_LIMIT, now),
    );
  } else if (priority === 'background') {
    const limit = readLimit(scope);
    next.pacing = { tokens: tokensAt(scope.pacing, limit, now) - 1, at: now };
  }
  return next;
}

/**
 * Takes back a request the server cannot have counted: refused before sending (invalid input)
 * or unauthenticated (401). A wrong secret must not cost the user the hour's start/stop.
 */
export function releaseRequest(
  raw: ScopeLedger,
  cls: LimitClass,
  sentAt: number,
  now: number,
): ScopeLedger {
  const scope = pruneScope(raw, now);
  const index = scope[cls].sent.lastIndexOf(sentAt);
  if (index < 0) return scope;
  const sent = scope[cls].sent.filter((_, i) => i !== index);
  const next: ScopeLedger = { ...scope, [cls]: { ...scope[cls], sent } };
  if (cls === 'writes') {
    const free = Math.max(freeAt(sent, WRITE_LIMIT, now), scope.writes.rateLimitedUntil ?? now);
    if (free > now) next.writesNextAllowedAt = free;
    else delete next.writesNextAllowedAt;
  }
  return next;
}

export interface RateLimitOutcome {
  scope: ScopeLedger;
  /** The 429 came although our own count had room: something else uses this key. */
  unexplained: boolean;
}

/**
 * A 429 arrived for a request already recorded. The class pauses until `retryAt`, or, without
 * one, until the oldest request in the window is a window old. When our own count had room,
 * another client shares the key: the read limit is lowered to three quarters of what we had
 * used, so both fit, and the suspicion is kept (and shown) for a while.
 */
export function recordRateLimited(
  raw: ScopeLedger,
  cls: LimitClass,
  now: number,
  retryAt?: number,
): RateLimitOutcome {
  const scope = pruneScope(raw, now);
  const sent = scope[cls].sent;
  const limit = cls === 'reads' ? readLimit(scope) : WRITE_LIMIT;
  const unexplained = sent.length <= limit;
  const oldest = sent[0];
  let until: number;
  if (retryAt !== undefined && retryAt > now) until = retryAt;
  else if (oldest !== undefined && oldest + WINDOW_MS > now) until = oldest + WINDOW_MS;
  else until = now + UNEXPLAINED_RATE_LIMIT_PAUSE_MS;
  const next: ScopeLedger = {
    ...scope,
    [cls]: { ...scope[cls], rateLimitedUntil: Math.max(until, scope[cls].rateLimitedUntil ?? 0) },
  };
  if (cls === 'writes') next.writesNextAllowedAt = Math.max(until, scope.writesNextAllowedAt ?? 0);
  if (unexplained) {
    next.sharedKeySuspectedAt = now;
    if (cls === 'reads') {
      const ours = Math.max(0, sent.length - 1);
      next.learntReadLimit = Math.max(
        MIN_LEARNT_READ_LIMIT,
        Math.min(limit, Math.floor(ours * 0.75)),
      );
    }
  }
  return { scope: next, unexplained };
}

// ---- view ---------------------------------------------------------------------------------------

export function budgetView(raw: ScopeLedger, now: number): BudgetView {
  const scope = pruneScope(raw, now);
  const limit = readLimit(scope);
  return {
    reads: classView(scope, 'reads', limit, readReserve(limit), now),
    writes: classView(scope, 'writes', WRITE_LIMIT, 0, now),
    sharedKeySuspected: scope.sharedKeySuspectedAt !== undefined,
  };
}

function classView(
  scope: ScopeLedger,
  cls: LimitClass,
  limit: number,
  reserved: number,
  now: number,
): BudgetClassView {
  const view: BudgetClassView = { limit, used: scope[cls].sent.length, reserved };
  const next = earliestRequest(scope, cls, 'user', now);
  if (next > now) view.nextAllowedAt = next;
  const limited = scope[cls].rateLimitedUntil;
  if (limited !== undefined && limited > now) view.rateLimitedUntil = limited;
  return view;
}

// ---- whole ledger -------------------------------------------------------------------------------

export function scopeOf(data: LedgerData, name: string, now: number): ScopeLedger {
  const scope = data.scopes[name];
  return scope === undefined ? emptyScope(now) : pruneScope(scope, now);
}

export function withScope(data: LedgerData, name: string, scope: ScopeLedger): LedgerData {
  return { version: 1, scopes: { ...data.scopes, [name]: scope } };
}

/**
 * Drops what no longer matters. A scope with nothing left in its windows is removed: a fresh
 * one behaves the same (its pacing bucket would have refilled long since).
 */
export function pruneLedger(data: LedgerData, now: number): LedgerData {
  const scopes: Record<string, ScopeLedger> = {};
  for (const [name, raw] of Object.entries(data.scopes)) {
    const scope = pruneScope(raw, now);
    const idle =
      scope.reads.sent.length === 0 &&
      scope.writes.sent.length === 0 &&
      scope.reads.rateLimitedUntil === undefined &&
      scope.writes.rateLimitedUntil === undefined &&
      scope.writesNextAllowedAt === undefined &&
      scope.sharedKeySuspectedAt === undefined;
    if (!idle) scopes[name] = scope;
  }
  return { version: 1, scopes };
}
