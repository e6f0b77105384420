import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { VERIFIED_MS, VerifiedCredentials } from '../../../electron/core/app/verified-credentials';

const creds = {
  baseUrl: 'https://cloud-intl.emqx.com/public_api/v1',
  key: 'platform-key-1',
  secret: 'S3cr3t-Platform-Value-42',
};

describe('verified credentials', () => {
  it('stands in for a check for five minutes, then no longer', () => {
    const verified = new VerifiedCredentials();
    verified.remember(creds, 1_000);
    expect(verified.passed(creds, 1_000 + VERIFIED_MS)).toBe(true);
    expect(verified.passed(creds, 1_000 + VERIFIED_MS + 1)).toBe(false);
    // Gone for good, not only too old to count.
    expect(verified.passed(creds, 1_000)).toBe(false);
    expect(VERIFIED_MS).toBe(5 * 60_000);
  });

  it('matches only the same address, key and secret', () => {
    const verified = new VerifiedCredentials();
    verified.remember(creds, 0);
    expect(verified.passed({ ...creds, secret: 'other' }, 0)).toBe(false);
    expect(verified.passed({ ...creds, key: 'platform-key-2' }, 0)).toBe(false);
    expect(
      verified.passed({ ...creds, baseUrl: 'https://cloudapi.emqx.com/public_api/v1' }, 0),
    ).toBe(false);
    // Parts that run together the same way are still different credentials.
    verified.remember({ baseUrl: 'a', key: 'bc', secret: 'd' }, 0);
    expect(verified.passed({ baseUrl: 'ab', key: 'c', secret: 'd' }, 0)).toBe(false);
    expect(verified.passed(creds, 0)).toBe(true);
  });

  it('forgets on request', () => {
    const verified = new VerifiedCredentials();
    verified.remember(creds, 0);
    verified.forget(creds);
    expect(verified.passed(creds, 0)).toBe(false);
  });

  it('holds a digest and a time, never the secret or the key', () => {
    const verified = new VerifiedCredentials();
    verified.remember(creds, 0);
    const held = inspect(verified, { depth: null, showHidden: true });
    expect(held).toMatch(/[0-9a-f]{64}/);
    expect(held).not.toContain(creds.secret);
    expect(held).not.toContain(creds.key);
  });
});
