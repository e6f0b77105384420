import { describe, expect, it, vi } from 'vitest';
import { createRequestBudget } from '../../../electron/core/budget/budget';
import { WINDOW_MS } from '../../../electron/core/budget/limits';
import { memoryLedgerStore, parseLedgerData } from '../../../electron/core/budget/store';
import { VirtualClock } from '../../../electron/core/clock';
import type { Logger } from '../../../electron/core/log/logger';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

function logger(): Logger & { warns: string[] } {
  const warns: string[] = [];
  return { debug() {}, info() {}, warn: (m: string) => warns.push(m), error() {}, warns };
}

describe('persisted budget', () => {
  it('survives a restart mid-window: spent reads and the start/stop window still count', async () => {
    const clock = new VirtualClock();
    const store = memoryLedgerStore();
    const first = createRequestBudget({ clock, store });
    for (let i = 0; i < 30; i++) {
      first.record('key-1', 'reads', 'user');
      await clock.advance(MIN / 2);
    }
    first.record('key-1', 'writes', 'user');
    const wroteAt = clock.now();
    // The stored form is plain JSON.
    expect(JSON.parse(JSON.stringify(store.data))).toEqual(store.data);

    await clock.advance(20 * MIN);
    const second = createRequestBudget({ clock, store });
    const view = second.view('key-1');
    expect(view.reads.used).toBe(30);
    expect(view.writes).toEqual({
      limit: 1,
      used: 1,
      reserved: 0,
      nextAllowedAt: wroteAt + WINDOW_MS,
    });
    expect(second.allows('key-1', 'writes', 'user')).toBe(false);
    expect(second.earliest('key-1', 'writes', 'user')).toBe(wroteAt + WINDOW_MS);
    // Another key has its own budget.
    expect(second.view('key-2').reads.used).toBe(0);
    expect(second.allows('key-2', 'writes', 'user')).toBe(true);
  });

  it('starts empty, with a warning, from a ledger that is not one', () => {
    const clock = new VirtualClock();
    const log = logger();
    const store = { load: () => ({ version: 9 }) as never, save: vi.fn() };
    const budget = createRequestBudget({ clock, store, logger: log });
    expect(budget.view('k').reads.used).toBe(0);
    expect(log.warns).toEqual(['request ledger is not valid; starting empty']);
    expect(
      parseLedgerData({ version: 1, scopes: { k: { reads: { sent: ['x'] } } } }),
    ).toBeUndefined();
    expect(parseLedgerData(null)).toBeUndefined();
  });

  it('keeps protecting this run when the store cannot save or load', () => {
    const clock = new VirtualClock();
    const log = logger();
    const store = {
      load: () => {
        throw new Error('disk gone');
      },
      save: () => {
        throw new Error('disk full');
      },
    };
    const budget = createRequestBudget({ clock, store, logger: log });
    budget.record('k', 'writes', 'user');
    expect(budget.allows('k', 'writes', 'user')).toBe(false);
    expect(log.warns).toHaveLength(2);
  });

  it('saves after every change and reports an unexplained 429', () => {
    const clock = new VirtualClock();
    const store = memoryLedgerStore();
    const save = vi.spyOn(store, 'save');
    const budget = createRequestBudget({ clock, store });
    budget.record('k', 'reads', 'background');
    expect(budget.rateLimited('k', 'reads', clock.now() + MIN)).toBe(true);
    expect(save).toHaveBeenCalledTimes(2);
    expect(budget.view('k').sharedKeySuspected).toBe(true);
    expect(budget.data().scopes.k?.reads.rateLimitedUntil).toBe(clock.now() + MIN);
  });

  it('loads a 429 pause a year ahead (clock set back, bad file) capped at 24 hours', () => {
    const clock = new VirtualClock();
    const now = clock.now();
    const store = memoryLedgerStore({
      version: 1,
      scopes: {
        k: {
          reads: { sent: [], rateLimitedUntil: now + 365 * DAY },
          writes: { sent: [] },
          pacing: { tokens: 8, at: now },
        },
      },
    });
    const budget = createRequestBudget({ clock, store });
    expect(budget.data().scopes.k?.reads.rateLimitedUntil).toBe(now + DAY);
    expect(budget.earliest('k', 'reads', 'background')).toBe(now + DAY);
    expect(budget.view('k').reads.rateLimitedUntil).toBe(now + DAY);
  });
});
