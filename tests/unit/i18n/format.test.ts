import { describe, expect, it } from 'vitest';
import {
  formatApiStatus,
  formatBlock,
  formatBlockShort,
  formatDateTime,
  formatProblem,
  formatRelative,
  formatStatus,
  formatTime,
} from '../../../electron/shared/i18n/format';

const at1542utc = Date.UTC(2025, 11, 4, 15, 42, 30);
const MIN = 60_000;

describe('formatTime', () => {
  it('gives HH:MM on a 24-hour clock in both languages', () => {
    expect(formatTime('en', at1542utc, 'UTC')).toBe('15:42');
    expect(formatTime('zh-CN', at1542utc, 'UTC')).toBe('15:42');
  });

  it('follows the given time zone', () => {
    expect(formatTime('zh-CN', at1542utc, 'Asia/Shanghai')).toBe('23:42');
    expect(formatTime('en', Date.UTC(2025, 0, 1, 0, 5), 'UTC')).toBe('00:05');
  });
});

describe('formatDateTime', () => {
  it('writes the date the way each language does', () => {
    expect(formatDateTime('en', at1542utc, 'UTC')).toBe('Dec 4, 2025, 15:42');
    expect(formatDateTime('zh-CN', at1542utc, 'UTC')).toBe('2025年12月4日 15:42');
  });
});

describe('formatRelative', () => {
  const now = at1542utc;

  it('says just now under a minute', () => {
    expect(formatRelative('en', now - 59_000, now)).toBe('just now');
    expect(formatRelative('zh-CN', now - 10_000, now)).toBe('刚刚');
    expect(formatRelative('en', now, now)).toBe('just now');
  });

  it('says in under a minute for a time less than a minute ahead, never just now', () => {
    expect(formatRelative('en', now + 1, now)).toBe('in under a minute');
    expect(formatRelative('en', now + 59_000, now)).toBe('in under a minute');
    expect(formatRelative('zh-CN', now + 30_000, now)).toBe('不到 1 分钟后');
    expect(formatRelative('en', now + MIN, now)).toBe('in 1 min.');
  });

  it('counts minutes, hours and days, rounding toward zero', () => {
    expect(formatRelative('en', now - 2 * MIN - 50_000, now)).toBe('2 min. ago');
    expect(formatRelative('zh-CN', now - 2 * MIN, now)).toBe('2分钟前');
    expect(formatRelative('en', now - 59 * MIN, now)).toBe('59 min. ago');
    expect(formatRelative('en', now - 3 * 60 * MIN, now)).toBe('3 hr. ago');
    expect(formatRelative('zh-CN', now - 26 * 60 * MIN, now)).toBe('昨天');
  });

  it('handles times ahead', () => {
    expect(formatRelative('en', now + 5 * MIN, now)).toBe('in 5 min.');
    expect(formatRelative('zh-CN', now + 5 * MIN, now)).toBe('5分钟后');
  });
});

describe('statuses', () => {
  it('names known statuses and shows others verbatim', () => {
    expect(formatStatus('en', 'running')).toBe('Running');
    expect(formatStatus('zh-CN', 'stopped')).toBe('已停止');
    expect(formatStatus('en', 'unknown', 'upgrading')).toBe('Unknown (upgrading)');
    expect(formatApiStatus('zh-CN', 'stopping')).toBe('停止中');
    expect(formatApiStatus('en', 'hibernating')).toBe('Unknown (hibernating)');
  });
});

describe('formatProblem', () => {
  it('gives the retry time of a rate limit when there is one', () => {
    expect(formatProblem('en', { kind: 'RateLimited', retryAt: at1542utc }, 'UTC')).toBe(
      'EMQX Cloud’s request limit is reached. Checks resume at 15:42.',
    );
    expect(formatProblem('en', { kind: 'RateLimited' })).not.toMatch(/\{time\}/);
  });

  it('uses the catalog text for other kinds', () => {
    expect(formatProblem('zh-CN', { kind: 'Offline' })).toBe(
      '当前没有网络连接，恢复联网后会继续检查。',
    );
  });
});

describe('formatBlock', () => {
  it('fills times and statuses in', () => {
    expect(formatBlock('en', { reason: 'window', availableAt: at1542utc }, 'UTC')).toBe(
      'Start/stop available at 15:42',
    );
    expect(formatBlockShort('en', { reason: 'window', availableAt: at1542utc }, 'UTC')).toBe(
      'available at 15:42',
    );
    expect(formatBlock('en', { reason: 'wrong-state', status: 'stopping' })).toBe(
      'Not available in the current state (Stopping)',
    );
    expect(formatBlockShort('zh-CN', { reason: 'wrong-state', status: 'odd' })).toBe(
      '状态：未知状态（odd）',
    );
  });

  it('says rate limited with or without a time', () => {
    expect(formatBlockShort('en', { reason: 'rate-limited' })).toBe('rate limited');
    expect(formatBlockShort('en', { reason: 'rate-limited', availableAt: at1542utc }, 'UTC')).toBe(
      'rate limited until 15:42',
    );
  });

  it('leaves no placeholder unfilled for any reason', () => {
    const blocks = [
      { reason: 'in-flight' },
      { reason: 'account-problem', kind: 'AuthFailed' },
      { reason: 'offline' },
      { reason: 'unknown-status' },
      { reason: 'not-checked' },
      { reason: 'not-found' },
    ] as const;
    for (const block of blocks) {
      for (const locale of ['en', 'zh-CN'] as const) {
        expect(formatBlock(locale, block)).not.toMatch(/[{}]/);
        expect(formatBlockShort(locale, block)).not.toMatch(/[{}]/);
      }
    }
  });
});
