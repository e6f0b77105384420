// The engine started on a ledger that holds a 429 pause far in the future (the system clock was
// set back after the 429, or the settings file holds a bad value).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LedgerData } from '../../../electron/core/budget/ledger';
import { memoryLedgerStore } from '../../../electron/core/budget/store';
import { VirtualClock, systemClock } from '../../../electron/core/clock';
import { createWatchEngine } from '../../../electron/core/watch/engine';
import { FakeApi, deployment } from './fake-api';
import { HOUR, setupEngine } from './setup';

const DAY = 24 * HOUR;

function pausedFor(until: number, now: number): LedgerData {
  return {
    version: 1,
    scopes: {
      acc: {
        reads: { sent: [], rateLimitedUntil: until },
        writes: { sent: [] },
        pacing: { tokens: 8, at: now },
      },
    },
  };
}

describe('a 429 pause a year ahead in the stored ledger', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('arms a handful of timers over an hour and reads again within 24 hours', async () => {
    const clock = new VirtualClock();
    const start = clock.now();
    const armed = vi.spyOn(clock, 'setTimeout');
    const { engine } = setupEngine({
      clock,
      store: memoryLedgerStore(pausedFor(start + 365 * DAY, start)),
    });
    const api = new FakeApi(clock, [deployment('a1', 'running')]);
    engine.addAccount('acc', api);
    engine.watch('acc', 'a1');

    await clock.advance(HOUR);
    expect(api.reads()).toEqual([]);
    expect(armed.mock.calls.length).toBeLessThanOrEqual(5);
    expect(engine.getState().accounts[0]?.nextCheckAt).toBeLessThanOrEqual(start + DAY);

    await clock.advanceTo(start + DAY);
    expect(api.reads().length).toBe(1);
    expect(api.reads()[0]?.at).toBe(start + DAY);
    engine.dispose();
  });

  it('on the system clock, does not spin on a wait longer than a host timer takes', async () => {
    // The fake timers behave as Node does: a delay above 2^31-1 ms fires after 1 ms.
    vi.useFakeTimers();
    const start = Date.now();
    const armed = vi.spyOn(systemClock, 'setTimeout');
    const engine = createWatchEngine({
      clock: systemClock,
      ledgerStore: memoryLedgerStore(pausedFor(start + 365 * DAY, start)),
    });
    const api = new FakeApi(systemClock, [deployment('a1', 'running')]);
    engine.addAccount('acc', api);
    engine.watch('acc', 'a1');

    await vi.advanceTimersByTimeAsync(HOUR);
    expect(api.reads()).toEqual([]);
    expect(armed.mock.calls.length).toBeLessThanOrEqual(5);
    expect(vi.getTimerCount()).toBeLessThanOrEqual(1);
    engine.dispose();
    armed.mockRestore();
  });
});
