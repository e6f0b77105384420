import { describe, expect, it } from 'vitest';
import { findMenuItem } from '../../../electron/core/tray/find';
import { INTL, KEY, SECRET, makeFixture, ok, withAccount, type Fixture } from './fixture';
import { MemorySecretStore } from './fake-ports';

describe('controller: first run and accounts', () => {
  it('shows the window and a set-up tray on first run', async () => {
    const f = makeFixture();
    await f.controller.start();
    expect(f.window.shows).toEqual([undefined]);
    expect(f.tray.latest.icon).toBe('not-set-up');
    expect(findMenuItem(f.tray.latest, 'setup')?.enabled).toBe(true);
    const s = f.controller.snapshot();
    expect(s.accounts).toEqual([]);
    expect(s.revision).toBeGreaterThan(0);
    expect(s.locale).toBe('en');
    expect(s.preferences.idleCadenceSeconds).toBe(120);
    await f.controller.dispose();
  });

  it('does not show the window at start when an account exists', async () => {
    const keychain = new MemorySecretStore();
    keychain.entries.set('acc-1', SECRET);
    const f = makeFixture({
      keychain,
      settings: {
        version: 2,
        accounts: [
          { id: 'acc-1', label: 'Work', site: 'international', baseUrl: INTL, keyId: KEY },
        ],
      },
    });
    await f.controller.start();
    expect(f.window.shows).toEqual([]);
    await f.controller.dispose();
  });

  it('adds an account: secret in the keychain, record in the settings', async () => {
    const f = makeFixture();
    const id = await withAccount(f);
    expect(f.secrets.entries.get(id)).toBe(SECRET);
    const doc = f.settings.document as { accounts: { id: string; label: string; keyId: string }[] };
    expect(doc.accounts).toEqual([
      { id, label: 'Work', site: 'international', baseUrl: INTL, keyId: KEY },
    ]);
    const account = f.controller.snapshot().accounts[0];
    expect(account).toMatchObject({
      id,
      label: 'Work',
      keyId: KEY,
      sessionOnly: false,
      demo: false,
    });
    expect(f.tray.latest.icon).not.toBe('not-set-up');
    await f.controller.dispose();
  });

  it('gives an account without a label a default one', async () => {
    const f = makeFixture();
    await f.controller.start();
    await ok(
      f.controller.invoke('account.add', {
        site: 'international',
        key: KEY,
        secret: SECRET,
        label: ' ',
      }),
    );
    expect(f.controller.snapshot().accounts[0]?.label).toBe('International — platform…');
    expect(f.settings.document).toMatchObject({ accounts: [{ label: '' }] });
    await ok(f.controller.invoke('preferences.update', { language: 'zh-CN' }));
    expect(f.controller.snapshot().accounts[0]?.label).toBe('国际站 — platform…');
    await f.controller.dispose();
  });

  it('keeps an account renamed to nothing on the default name of the current language', async () => {
    const f = makeFixture();
    await f.controller.start();
    const { accountId } = await ok(
      f.controller.invoke('account.add', {
        site: 'international',
        key: KEY,
        secret: SECRET,
        label: 'Work',
      }),
    );
    await ok(f.controller.invoke('account.rename', { accountId, label: '' }));
    await f.advance();
    expect(f.settings.document).toMatchObject({ accounts: [{ label: '' }] });
    await ok(f.controller.invoke('preferences.update', { language: 'zh-CN' }));
    expect(f.controller.snapshot().accounts[0]?.label).toBe('国际站 — platform…');
    await f.controller.dispose();
  });

  it('refuses an invalid custom base URL before storing anything', async () => {
    const f = makeFixture();
    await f.controller.start();
    const r = await f.controller.invoke('account.add', {
      site: 'custom',
      baseUrl: 'http://example.com/public_api/v1',
      key: KEY,
      secret: SECRET,
      label: '',
    });
    expect(r).toEqual({ ok: false, error: { code: 'errors.invalidBaseUrl' } });
    expect(f.secrets.entries.size).toBe(0);
    await f.controller.dispose();
  });

  it('renames an account', async () => {
    const f = makeFixture();
    const id = await withAccount(f);
    await ok(f.controller.invoke('account.rename', { accountId: id, label: 'Team B' }));
    await f.advance();
    expect(f.controller.snapshot().accounts[0]?.label).toBe('Team B');
    expect(JSON.stringify(f.settings.document)).toContain('Team B');
    await f.controller.dispose();
  });

  it('removes an account: unwatched, keychain entry deleted, settings saved', async () => {
    const f = makeFixture();
    const id = await withAccount(f);
    await ok(f.controller.invoke('deployment.add', { accountId: id, deploymentId: 'a7c3e9f2' }));
    await ok(f.controller.invoke('account.remove', { accountId: id }));
    await f.advance();
    expect(f.secrets.entries.has(id)).toBe(false);
    const s = f.controller.snapshot();
    expect(s.accounts).toEqual([]);
    expect(s.deployments).toEqual([]);
    const doc = f.settings.document as { accounts: unknown[]; deployments: unknown[] };
    expect(doc.accounts).toEqual([]);
    expect(doc.deployments).toEqual([]);
    // No more polling for it.
    const before = f.cloud.requests().length;
    await f.advance(30 * 60_000);
    expect(f.cloud.requests().length).toBe(before);
    await f.controller.dispose();
  });

  it('answers unknown accounts with a catalog key', async () => {
    const f = makeFixture();
    await f.controller.start();
    const r = await f.controller.invoke('account.rename', { accountId: 'nope', label: 'x' });
    expect(r).toEqual({
      ok: false,
      error: { code: 'errors.unknownAccount', params: { accountId: 'nope' } },
    });
    await f.controller.dispose();
  });
});

describe('controller: account.test', () => {
  it('makes exactly one read and reports the deployment count', async () => {
    const f = makeFixture();
    await f.controller.start();
    const r = await ok(
      f.controller.invoke('account.test', { site: 'international', key: KEY, secret: SECRET }),
    );
    expect(r).toEqual({ ok: true, deploymentCount: 3 });
    expect(f.cloud.requests().map((q) => q.route)).toEqual(['list']);
    expect(f.secrets.entries.size).toBe(0);
    expect(f.controller.snapshot().accounts).toEqual([]);
    await f.controller.dispose();
  });

  it('reports a plain 401 on the Platform API without the App ID hint', async () => {
    const f = makeFixture();
    await f.controller.start();
    const r = await ok(
      f.controller.invoke('account.test', { site: 'international', key: KEY, secret: 'wrong' }),
    );
    expect(r).toMatchObject({ ok: false, problem: { kind: 'AuthFailed' } });
    expect(r).not.toHaveProperty('hint');
    await f.controller.dispose();
  });

  it('hints at the App ID mix-up when the address is a deployment API', async () => {
    const f = makeFixture();
    await f.controller.start();
    const r = await ok(
      f.controller.invoke('account.test', {
        site: 'custom',
        baseUrl: 'https://x1b2c3d4.ala.us-east-1.emqxsl.com:8443/api/v5',
        key: KEY,
        secret: 'wrong',
      }),
    );
    expect(r).toMatchObject({ ok: false, hint: 'app-id-not-platform-key' });
    await f.controller.dispose();
  });

  it('hints at the scope on 403', async () => {
    const f = makeFixture();
    await f.controller.start();
    f.cloud.failNext(1, 403);
    const r = await ok(
      f.controller.invoke('account.test', { site: 'international', key: KEY, secret: SECRET }),
    );
    expect(r).toMatchObject({ ok: false, problem: { kind: 'Forbidden' }, hint: 'check-scope' });
    await f.controller.dispose();
  });

  it('treats a 404 from the list on the Platform API as connected without a list', async () => {
    const f = makeFixture();
    await f.controller.start();
    f.cloud.failNext(1, 404);
    const r = await ok(
      f.controller.invoke('account.test', { site: 'international', key: KEY, secret: SECRET }),
    );
    expect(r).toEqual({ ok: true });
    expect(f.cloud.requests()).toHaveLength(1);
    await f.controller.dispose();
  });

  it('asks to check a custom base URL that answers 404', async () => {
    const f = makeFixture();
    await f.controller.start();
    f.cloud.failNext(1, 404);
    const r = await ok(
      f.controller.invoke('account.test', {
        site: 'custom',
        baseUrl: 'https://proxy.example.com/emqx',
        key: KEY,
        secret: SECRET,
      }),
    );
    expect(r).toMatchObject({ ok: false, problem: { kind: 'NotFound' }, hint: 'check-base-url' });
    await f.controller.dispose();
  });

  it("recognises a deployment's own API address", async () => {
    const f = makeFixture();
    await f.controller.start();
    const r = await ok(
      f.controller.invoke('account.test', {
        site: 'custom',
        baseUrl: 'https://z1234567.ala.us-east-1.emqxsl.com:8443/api/v5',
        key: KEY,
        secret: 'wrong',
      }),
    );
    expect(r).toMatchObject({ ok: false, hint: 'app-id-not-platform-key' });
    await f.controller.dispose();
  });

  it('refuses an invalid base URL without a request', async () => {
    const f = makeFixture();
    await f.controller.start();
    const r = await ok(
      f.controller.invoke('account.test', {
        site: 'custom',
        baseUrl: 'ftp://example.com',
        key: KEY,
        secret: SECRET,
      }),
    );
    expect(r).toMatchObject({
      ok: false,
      problem: { kind: 'InvalidInput', field: 'baseUrl' },
      hint: 'check-base-url',
    });
    expect(f.cloud.requests()).toHaveLength(0);
    await f.controller.dispose();
  });
});

describe('controller: account.add checks the credentials first', () => {
  const MINUTE = 60_000;
  const intl = (secret: string) => ({ site: 'international' as const, key: KEY, secret });
  const reads = (f: Fixture) => f.cloud.requests().filter((q) => q.route === 'list').length;

  async function expectNothingSaved(f: Fixture): Promise<void> {
    await f.advance();
    expect(f.secrets.entries.size).toBe(0);
    expect(f.controller.snapshot().accounts).toEqual([]);
    expect((f.settings.document as { accounts?: unknown[] } | undefined)?.accounts ?? []).toEqual(
      [],
    );
  }

  it('refuses a wrong secret with the problem the test gives, and saves nothing', async () => {
    const f = makeFixture();
    await f.controller.start();
    const r = await f.controller.invoke('account.add', { ...intl('wrong'), label: 'Work' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'AuthFailed', problem: { kind: 'AuthFailed', status: 401 } },
    });
    if (!r.ok) expect(r.error).not.toHaveProperty('hint');
    expect(f.cloud.requests().map((q) => q.route)).toEqual(['list']);
    await expectNothingSaved(f);
    await f.controller.dispose();
  });

  it('makes one read when nothing was tested, and saves what works', async () => {
    const f = makeFixture();
    const id = await withAccount(f);
    expect(reads(f)).toBe(1);
    expect(f.secrets.entries.get(id)).toBe(SECRET);
    await f.controller.dispose();
  });

  it('reads nothing more right after a passed test of the same credentials', async () => {
    const f = makeFixture();
    await f.controller.start();
    await ok(f.controller.invoke('account.test', intl(SECRET)));
    await f.advance(4 * MINUTE);
    await ok(f.controller.invoke('account.add', { ...intl(SECRET), label: 'Work' }));
    expect(reads(f)).toBe(1);
    expect(f.secrets.entries.size).toBe(1);
    await f.controller.dispose();
  });

  it('reads again when the test is older than five minutes', async () => {
    const f = makeFixture();
    await f.controller.start();
    await ok(f.controller.invoke('account.test', intl(SECRET)));
    await f.advance(5 * MINUTE + 1);
    await ok(f.controller.invoke('account.add', { ...intl(SECRET), label: 'Work' }));
    expect(reads(f)).toBe(2);
    await f.controller.dispose();
  });

  it('reads again for a secret other than the tested one, and refuses it', async () => {
    const f = makeFixture();
    await f.controller.start();
    await ok(f.controller.invoke('account.test', intl(SECRET)));
    const r = await f.controller.invoke('account.add', { ...intl('wrong'), label: '' });
    expect(r).toMatchObject({ ok: false, error: { code: 'AuthFailed' } });
    expect(reads(f)).toBe(2);
    await expectNothingSaved(f);
    await f.controller.dispose();
  });

  it('does not trust an earlier pass once a later test of the same credentials failed', async () => {
    const f = makeFixture();
    await f.controller.start();
    await ok(f.controller.invoke('account.test', intl(SECRET)));
    f.cloud.failNext(1, 403);
    await ok(f.controller.invoke('account.test', intl(SECRET)));
    f.cloud.failNext(1, 403);
    const r = await f.controller.invoke('account.add', { ...intl(SECRET), label: '' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'Forbidden', problem: { kind: 'Forbidden' }, hint: 'check-scope' },
    });
    expect(reads(f)).toBe(3);
    await expectNothingSaved(f);
    await f.controller.dispose();
  });

  it('refuses a custom address that answers 404, with the hint to check it', async () => {
    const f = makeFixture();
    await f.controller.start();
    f.cloud.failNext(1, 404);
    const r = await f.controller.invoke('account.add', {
      site: 'custom',
      baseUrl: 'https://proxy.example.com/emqx',
      key: KEY,
      secret: SECRET,
      label: '',
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'NotFound', problem: { kind: 'NotFound' }, hint: 'check-base-url' },
    });
    await expectNothingSaved(f);
    await f.controller.dispose();
  });

  it('accepts a Platform API address whose list answers 404 (an older API without one)', async () => {
    const f = makeFixture();
    await f.controller.start();
    f.cloud.failNext(1, 404);
    await ok(f.controller.invoke('account.add', { ...intl(SECRET), label: '' }));
    expect(f.secrets.entries.size).toBe(1);
    await f.controller.dispose();
  });

  it('refuses a deployment API address with the App ID hint', async () => {
    const f = makeFixture();
    await f.controller.start();
    const r = await f.controller.invoke('account.add', {
      site: 'custom',
      baseUrl: 'https://x1b2c3d4.ala.us-east-1.emqxsl.com:8443/api/v5',
      key: KEY,
      secret: 'wrong',
      label: '',
    });
    expect(r).toMatchObject({ ok: false, error: { hint: 'app-id-not-platform-key' } });
    await expectNothingSaved(f);
    await f.controller.dispose();
  });

  it('refuses when the cloud cannot answer, so nothing half-configured is saved', async () => {
    const f = makeFixture();
    await f.controller.start();
    f.cloud.failNext(1, 503);
    const r = await f.controller.invoke('account.add', { ...intl(SECRET), label: '' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'ServerError', problem: { status: 503 } },
    });
    await expectNothingSaved(f);
    // The same credentials connect once the cloud answers again.
    await ok(f.controller.invoke('account.add', { ...intl(SECRET), label: '' }));
    expect(f.secrets.entries.size).toBe(1);
    await f.controller.dispose();
  });

  it("refuses without sending when the key's hourly reads are used up", async () => {
    const f = makeFixture();
    await f.controller.start();
    for (let i = 0; i < 60; i += 1) {
      await ok(f.controller.invoke('account.test', intl(`wrong-${i}`)));
    }
    const sent = f.cloud.requests().length;
    const r = await f.controller.invoke('account.add', { ...intl(SECRET), label: '' });
    expect(r).toMatchObject({ ok: false, error: { code: 'RateLimited' } });
    if (!r.ok) expect(r.error.problem?.retryAt).toBeGreaterThan(f.clock.now());
    expect(f.cloud.requests().length).toBe(sent);
    await expectNothingSaved(f);
    await f.controller.dispose();
  });
});
