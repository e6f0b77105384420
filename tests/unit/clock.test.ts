import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_TIMER_DELAY_MS, systemClock } from '../../electron/core/clock';

const DAY = 24 * 60 * 60 * 1000;

describe('systemClock', () => {
  // The fake timers behave as Node does: a delay above 2^31-1 ms fires after 1 ms.
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits the whole of a delay longer than a host timer takes, without spinning', () => {
    const fired = vi.fn();
    systemClock.setTimeout(fired, 60 * DAY);
    vi.advanceTimersByTime(1_000);
    expect(fired).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(1);

    vi.advanceTimersByTime(MAX_TIMER_DELAY_MS);
    expect(fired).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(1);

    vi.advanceTimersByTime(60 * DAY - MAX_TIMER_DELAY_MS - 1_001);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fired).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('cancels a long wait in any of its legs', () => {
    const fired = vi.fn();
    const handle = systemClock.setTimeout(fired, 60 * DAY);
    vi.advanceTimersByTime(MAX_TIMER_DELAY_MS + 1);
    systemClock.clearTimeout(handle);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(60 * DAY);
    expect(fired).not.toHaveBeenCalled();
  });

  it('fires a short wait once, on time', () => {
    const fired = vi.fn();
    systemClock.setTimeout(fired, 5_000);
    vi.advanceTimersByTime(4_999);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fired).toHaveBeenCalledTimes(1);
  });
});
