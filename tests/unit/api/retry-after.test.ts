import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, parseRetryAfter } from '../../../electron/core/api/retry-after';

const NOW = Date.UTC(2026, 0, 1, 0, 0, 0);

describe('parseRetryAfter', () => {
  it('reads delta seconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(NOW + 120_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(NOW);
    expect(parseRetryAfter('1.5', NOW)).toBe(NOW + 1500);
    expect(parseRetryAfter(30, NOW)).toBe(NOW + 30_000);
    expect(parseRetryAfter(['60', '5'], NOW)).toBe(NOW + 60_000);
  });

  it('reads the three HTTP date forms', () => {
    const at = Date.UTC(2026, 0, 1, 0, 2, 0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:02:00 GMT', NOW)).toBe(at);
    expect(parseRetryAfter('Thursday, 01-Jan-26 00:02:00 GMT', NOW)).toBe(at);
    expect(parseRetryAfter('Thu Jan  1 00:02:00 2026', NOW)).toBe(at);
  });

  it('treats a date in the past as now', () => {
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', NOW)).toBe(NOW);
  });

  it('caps a wait beyond 24 hours', () => {
    expect(parseRetryAfter('99999999', NOW)).toBe(NOW + MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', NOW)).toBe(NOW + MAX_RETRY_AFTER_MS);
  });

  it.each([
    ['absent', undefined],
    ['null', null],
    ['empty', ''],
    ['negative', '-5'],
    ['words', 'soon'],
    ['digits with a unit', '5s'],
    ['a loose date', '2026-01-01'],
    ['a date without zone', 'Thu, 01 Jan 2026 00:02:00'],
    ['an impossible date', 'Thu, 45 Foo 2026 00:02:00 GMT'],
    ['NaN', 'NaN'],
    ['Infinity', 'Infinity'],
    ['an object', { seconds: 5 }],
    ['an enormous number', '1'.repeat(400)],
  ])('gives undefined for %s', (_name, value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });
});
