import { describe, expect, it } from 'vitest';
import {
  backgroundCap,
  backgroundPaceMs,
  budgetView,
  earliestRequest,
  emptyScope,
  pruneLedger,
  pruneScope,
  recordRateLimited,
  recordRequest,
  releaseRequest,
  usedIn,
  type ScopeLedger,
} from '../../../electron/core/budget/ledger';
import { MAX_RETRY_AFTER_MS } from '../../../electron/core/api/retry-after';
import { WINDOW_MS } from '../../../electron/core/budget/limits';

const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;

/** Sends a request whenever allowed, stepping time by `step`, for `duration`. */
function sendWhenAllowed(
  scope: ScopeLedger,
  priority: 'user' | 'background',
  duration: number,
  step = 1_000,
): { scope: ScopeLedger; sent: number[] } {
  const sent: number[] = [];
  for (let t = T0; t < T0 + duration; t += step) {
    if (earliestRequest(scope, 'reads', priority, t) <= t) {
      scope = recordRequest(scope, 'reads', priority, t);
      sent.push(t);
    }
  }
  return { scope, sent };
}

function maxInWindow(times: number[]): number {
  let best = 0;
  for (let i = 0; i < times.length; i++) {
    let n = 0;
    for (let j = i; j < times.length && (times[j] ?? 0) - (times[i] ?? 0) < WINDOW_MS; j++) n++;
    best = Math.max(best, n);
  }
  return best;
}

describe('read limit', () => {
  it('admits 60 user reads in a rolling hour, then waits for the oldest to age out', () => {
    let scope = emptyScope(T0);
    for (let i = 0; i < 60; i++) scope = recordRequest(scope, 'reads', 'user', T0 + i * 1_000);
    const now = T0 + 60_000;
    expect(usedIn(scope, 'reads', now)).toBe(60);
    expect(earliestRequest(scope, 'reads', 'user', now)).toBe(T0 + WINDOW_MS);
    expect(earliestRequest(scope, 'reads', 'user', T0 + WINDOW_MS)).toBe(T0 + WINDOW_MS);
    expect(usedIn(scope, 'reads', T0 + WINDOW_MS + 500)).toBe(59);
  });

  it('never lets background polling take the reserve, in any window', () => {
    const { scope, sent } = sendWhenAllowed(emptyScope(T0), 'background', 5 * WINDOW_MS);
    expect(maxInWindow(sent)).toBeLessThanOrEqual(backgroundCap(60));
    expect(backgroundCap(60)).toBe(40);
    // The user still has the reserve at the busiest moment.
    const end = T0 + 5 * WINDOW_MS;
    expect(usedIn(scope, 'reads', end)).toBeLessThanOrEqual(40);
    expect(earliestRequest(scope, 'reads', 'user', end)).toBe(end);
  });

  it('paces background reads: a burst of 8, then one per pace', () => {
    const { sent } = sendWhenAllowed(emptyScope(T0), 'background', 10 * MIN, 100);
    const burst = sent.filter((t) => t === T0);
    expect(burst).toHaveLength(1);
    const firstMinute = sent.filter((t) => t < T0 + 2_000);
    expect(firstMinute).toHaveLength(8);
    const pace = backgroundPaceMs(60);
    expect(pace).toBeCloseTo(WINDOW_MS / 32, 0);
    const after = sent.slice(8);
    const gaps = after.slice(1).map((t, i) => t - (after[i] ?? 0));
    for (const gap of gaps) expect(Math.abs(gap - pace)).toBeLessThanOrEqual(100);
  });
});

describe('start/stop window', () => {
  it('allows one per rolling hour and keeps nextAllowedAt', () => {
    let scope = emptyScope(T0);
    expect(earliestRequest(scope, 'writes', 'user', T0)).toBe(T0);
    scope = recordRequest(scope, 'writes', 'user', T0 + MIN);
    expect(scope.writesNextAllowedAt).toBe(T0 + MIN + WINDOW_MS);
    expect(earliestRequest(scope, 'writes', 'user', T0 + 2 * MIN)).toBe(T0 + MIN + WINDOW_MS);
    const view = budgetView(scope, T0 + 2 * MIN);
    expect(view.writes).toEqual({
      limit: 1,
      used: 1,
      reserved: 0,
      nextAllowedAt: T0 + MIN + WINDOW_MS,
    });
    expect(earliestRequest(scope, 'writes', 'user', T0 + MIN + WINDOW_MS)).toBe(
      T0 + MIN + WINDOW_MS,
    );
  });

  it('gives back a request the server cannot have counted', () => {
    let scope = recordRequest(emptyScope(T0), 'writes', 'user', T0);
    scope = releaseRequest(scope, 'writes', T0, T0 + 1_000);
    expect(earliestRequest(scope, 'writes', 'user', T0 + 1_000)).toBe(T0 + 1_000);
    expect(scope.writesNextAllowedAt).toBeUndefined();
    expect(releaseRequest(scope, 'writes', T0, T0 + 2_000)).toEqual(pruneScope(scope, T0 + 2_000));
  });
});

describe('429', () => {
  it('pauses the class until Retry-After', () => {
    let scope = emptyScope(T0);
    for (let i = 0; i < 60; i++) scope = recordRequest(scope, 'reads', 'user', T0 + (i * MIN) / 2);
    scope = recordRequest(scope, 'reads', 'user', T0 + 31 * MIN);
    const { scope: limited, unexplained } = recordRateLimited(
      scope,
      'reads',
      T0 + 31 * MIN,
      T0 + 70 * MIN,
    );
    expect(unexplained).toBe(false); // 61 of ours: our own doing
    expect(limited.reads.rateLimitedUntil).toBe(T0 + 70 * MIN);
    expect(earliestRequest(limited, 'reads', 'user', T0 + 40 * MIN)).toBe(T0 + 70 * MIN);
    expect(budgetView(limited, T0 + 40 * MIN).reads.rateLimitedUntil).toBe(T0 + 70 * MIN);
    expect(budgetView(limited, T0 + 40 * MIN).sharedKeySuspected).toBe(false);
  });

  it('without Retry-After, pauses until the oldest request of the window is an hour old', () => {
    let scope = recordRequest(emptyScope(T0), 'reads', 'background', T0);
    scope = recordRequest(scope, 'reads', 'background', T0 + 5 * MIN);
    const { scope: limited } = recordRateLimited(scope, 'reads', T0 + 5 * MIN);
    expect(limited.reads.rateLimitedUntil).toBe(T0 + WINDOW_MS);
    // With nothing of ours in the window: a fixed pause.
    const { scope: bare } = recordRateLimited(emptyScope(T0), 'writes', T0);
    expect(bare.writes.rateLimitedUntil).toBe(T0 + 10 * MIN);
    expect(bare.writesNextAllowedAt).toBe(T0 + 10 * MIN);
  });

  it('suspects a shared key when our ledger had room, lowers the limit, forgets after six hours', () => {
    let scope = emptyScope(T0);
    for (let i = 0; i < 40; i++) scope = recordRequest(scope, 'reads', 'user', T0 + i * MIN);
    const { scope: limited, unexplained } = recordRateLimited(
      scope,
      'reads',
      T0 + 39 * MIN,
      T0 + 45 * MIN,
    );
    expect(unexplained).toBe(true);
    const view = budgetView(limited, T0 + 46 * MIN);
    expect(view.sharedKeySuspected).toBe(true);
    expect(view.reads.limit).toBe(29); // three quarters of the 39 that were ours before
    expect(view.reads.reserved).toBe(9);
    const later = budgetView(limited, T0 + 39 * MIN + 6 * 60 * MIN);
    expect(later.sharedKeySuspected).toBe(false);
    expect(later.reads.limit).toBe(60);
  });
});

describe('housekeeping', () => {
  it('drops what left the window and pulls future stamps (clock went back) to now', () => {
    let scope = recordRequest(emptyScope(T0), 'reads', 'user', T0 + 3 * WINDOW_MS);
    scope = pruneScope(scope, T0);
    expect(scope.reads.sent).toEqual([T0]);
    expect(usedIn(scope, 'reads', T0 + WINDOW_MS)).toBe(0);
    const data = pruneLedger(
      { version: 1, scopes: { a: scope, b: emptyScope(T0) } },
      T0 + WINDOW_MS,
    );
    expect(Object.keys(data.scopes)).toEqual([]);
    const kept = pruneLedger({ version: 1, scopes: { a: scope } }, T0 + 1);
    expect(Object.keys(kept.scopes)).toEqual(['a']);
  });

  it('shows the budget as BudgetView', () => {
    let scope = emptyScope(T0);
    for (let i = 0; i < 3; i++) scope = recordRequest(scope, 'reads', 'background', T0 + i);
    expect(budgetView(scope, T0 + 10)).toEqual({
      reads: { limit: 60, used: 3, reserved: 20 },
      writes: { limit: 1, used: 0, reserved: 0 },
      sharedKeySuspected: false,
    });
  });
});

describe('persisted times in the future', () => {
  const DAY = 24 * 60 * MIN;
  const YEAR = 365 * DAY;

  function farScope(): ScopeLedger {
    return {
      reads: { sent: [], rateLimitedUntil: T0 + YEAR },
      writes: { sent: [], rateLimitedUntil: T0 + YEAR },
      writesNextAllowedAt: T0 + YEAR,
      pacing: { tokens: -1e9, at: T0 + YEAR },
    };
  }

  it('caps a 429 pause at the longest Retry-After the client accepts', () => {
    const scope = pruneScope(farScope(), T0);
    expect(scope.reads.rateLimitedUntil).toBe(T0 + MAX_RETRY_AFTER_MS);
    expect(scope.writes.rateLimitedUntil).toBe(T0 + MAX_RETRY_AFTER_MS);
    expect(earliestRequest(farScope(), 'reads', 'user', T0)).toBe(T0 + MAX_RETRY_AFTER_MS);
    expect(earliestRequest(farScope(), 'writes', 'user', T0)).toBe(T0 + MAX_RETRY_AFTER_MS);
    expect(budgetView(farScope(), T0).reads.rateLimitedUntil).toBe(T0 + MAX_RETRY_AFTER_MS);
  });

  it('keeps a pause within the cap as it was', () => {
    const scope: ScopeLedger = {
      ...emptyScope(T0),
      reads: { sent: [], rateLimitedUntil: T0 + DAY - 1 },
    };
    expect(pruneScope(scope, T0).reads.rateLimitedUntil).toBe(T0 + DAY - 1);
  });

  it('holds background reads back for at most a window however overdrawn the pacing', () => {
    const scope: ScopeLedger = { ...emptyScope(T0), pacing: { tokens: -1e9, at: T0 + YEAR } };
    expect(earliestRequest(scope, 'reads', 'background', T0)).toBeLessThanOrEqual(T0 + WINDOW_MS);
    expect(earliestRequest(scope, 'reads', 'background', T0)).toBeGreaterThan(T0);
    // With the 429 pause as well, the pause is what holds it.
    expect(earliestRequest(farScope(), 'reads', 'background', T0)).toBe(T0 + MAX_RETRY_AFTER_MS);
  });

  it('keeps an honest overdraft as it was', () => {
    const scope: ScopeLedger = { ...emptyScope(T0), pacing: { tokens: -2, at: T0 } };
    expect(earliestRequest(scope, 'reads', 'background', T0)).toBe(
      T0 + Math.ceil(3 * backgroundPaceMs(60)),
    );
  });
});
