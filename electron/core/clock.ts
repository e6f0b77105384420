// Time as a port. Everything in the core that waits or stamps goes through a Clock, so tests and
// the benchmark can run a whole day of polling in virtual time.

export type TimerHandle = { readonly id: number };

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/**
 * The longest delay a host timer takes: Node fires anything longer after 1 ms, which would turn
 * a far-off wait into a busy loop.
 */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

export const systemClock: Clock = (() => {
  const live = new Map<number, ReturnType<typeof setTimeout>>();
  let next = 1;
  // A wait longer than a host timer takes is served in legs under the same handle.
  function arm(id: number, fn: () => void, ms: number): void {
    const leg = Math.min(Math.max(0, ms), MAX_TIMER_DELAY_MS);
    const t = setTimeout(() => {
      if (ms > leg) {
        arm(id, fn, ms - leg);
        return;
      }
      live.delete(id);
      fn();
    }, leg);
    // A pending poll must never keep a process (CLI, harness, test) alive on its own.
    t.unref?.();
    live.set(id, t);
  }
  return {
    now: () => Date.now(),
    setTimeout(fn, ms) {
      const id = next++;
      arm(id, fn, Number.isNaN(ms) ? 0 : ms);
      return { id };
    },
    clearTimeout(handle) {
      const t = live.get(handle.id);
      if (t !== undefined) clearTimeout(t);
      live.delete(handle.id);
    },
  };
})();

interface VirtualTimer {
  id: number;
  at: number;
  seq: number;
  fn: () => void;
}

/**
 * A clock that only moves when told to. Timers fire in time order (FIFO for equal times), and
 * `advance` lets promise callbacks settle between timers so async code behaves as it would live.
 */
export class VirtualClock implements Clock {
  private current: number;
  private timers: VirtualTimer[] = [];
  private nextId = 1;
  private seq = 0;

  constructor(start = Date.UTC(2026, 0, 1, 0, 0, 0)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.timers.push({ id, at: this.current + Math.max(0, ms), seq: this.seq++, fn });
    return { id };
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle.id);
  }

  /** Number of timers still waiting. */
  get pending(): number {
    return this.timers.length;
  }

  /** When the next timer is due, or undefined when none is. */
  nextDueAt(): number | undefined {
    let min: number | undefined;
    for (const t of this.timers) if (min === undefined || t.at < min) min = t.at;
    return min;
  }

  /** Moves time forward by `ms`, firing every timer due on the way, in order. */
  async advance(ms: number, settle: () => Promise<void> = flushMicrotasks): Promise<void> {
    await this.advanceTo(this.current + ms, settle);
  }

  async advanceTo(target: number, settle: () => Promise<void> = flushMicrotasks): Promise<void> {
    await settle();
    for (;;) {
      const due = this.popDue(target);
      if (due === undefined) break;
      this.current = Math.max(this.current, due.at);
      due.fn();
      await settle();
    }
    this.current = Math.max(this.current, target);
  }

  private popDue(target: number): VirtualTimer | undefined {
    let best: VirtualTimer | undefined;
    for (const t of this.timers) {
      if (t.at > target) continue;
      if (best === undefined || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    }
    if (best !== undefined) this.timers = this.timers.filter((t) => t !== best);
    return best;
  }
}

/**
 * Lets queued promise callbacks run. A macrotask turn drains every microtask, however deep the
 * await chain (axios has several), which a fixed number of `await Promise.resolve()` does not.
 */
export async function flushMicrotasks(turns = 2): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
