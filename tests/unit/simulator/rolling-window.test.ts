import { describe, expect, it } from 'vitest';
import { RollingWindowLimiter } from '../../../electron/simulator/rolling-window';
import { seededRandom } from '../../../electron/simulator/prng';

describe('RollingWindowLimiter', () => {
  it('admits up to the limit, refuses with the moment the oldest leaves, keeps buckets apart', () => {
    const l = new RollingWindowLimiter(1_000);
    expect(l.take('a', 2, 0).allowed).toBe(true);
    expect(l.take('a', 2, 100).allowed).toBe(true);
    expect(l.take('a', 2, 500)).toEqual({ allowed: false, freeAt: 1_000 });
    expect(l.take('b', 2, 500).allowed).toBe(true);
    expect(l.take('a', 2, 999).allowed).toBe(false);
    expect(l.take('a', 2, 1_000).allowed).toBe(true);
    expect(l.used('a', 1_000)).toBe(2);
    expect(l.used('a', 2_100)).toBe(0);
    l.reset();
    expect(l.used('b', 500)).toBe(0);
  });
});

describe('seededRandom', () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = seededRandom(5);
    const b = seededRandom(5);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(6)()).not.toBe(xs[0]);
  });
});
