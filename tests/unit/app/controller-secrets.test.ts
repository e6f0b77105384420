import { describe, expect, it } from 'vitest';
import { settingsCodec } from '../../../electron/core/settings';
import { KEY, SECRET, makeFixture, ok, withAccount, type Fixture } from './fixture';
import { MemorySecretStore } from './fake-ports';

const MINUTE = 60_000;

/** Every spelling of the secret that could leak: as typed, inside key:secret, as Basic auth. */
const LEAKS = [SECRET, Buffer.from(`${KEY}:${SECRET}`).toString('base64')];

function expectNoSecret(text: string): void {
  for (const leak of LEAKS) expect(text).not.toContain(leak);
}

function lockedKeychain(): MemorySecretStore {
  const keychain = new MemorySecretStore();
  keychain.state = { available: false, reason: 'locked', message: 'The keyring is locked' };
  return keychain;
}

describe('controller: keychain unavailable or locked', () => {
  it('says so with a notice at start', async () => {
    const f = makeFixture({ keychain: lockedKeychain() });
    await f.controller.start();
    const notices = f.controller.snapshot().notices;
    expect(notices.map((n) => [n.kind, n.params.reason])).toEqual([
      ['keychain-unavailable', 'locked'],
    ]);
    await f.controller.dispose();
  });

  it('refuses to add an account unless the user accepts session-only', async () => {
    const f = makeFixture({ keychain: lockedKeychain() });
    await f.controller.start();
    const refused = await f.controller.invoke('account.add', {
      site: 'international',
      key: KEY,
      secret: SECRET,
      label: 'Work',
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error).toMatchObject({
        code: 'KeychainLocked',
        problem: { kind: 'KeychainLocked' },
      });
    expect(f.controller.snapshot().accounts).toEqual([]);
    await f.controller.dispose();
  });

  it('needs no second read when the user accepts session-only after the refusal', async () => {
    const f = makeFixture({ keychain: lockedKeychain() });
    await f.controller.start();
    const request = { site: 'international' as const, key: KEY, secret: SECRET, label: 'Work' };
    expect((await f.controller.invoke('account.add', request)).ok).toBe(false);
    await ok(f.controller.invoke('account.add', { ...request, sessionOnly: true }));
    expect(f.cloud.requests().map((q) => q.route)).toEqual(['list']);
    await f.controller.dispose();
  });

  it('works for this run with a session-only secret, which is never stored', async () => {
    const f = makeFixture({ keychain: lockedKeychain() });
    await f.controller.start();
    const added = await ok(
      f.controller.invoke('account.add', {
        site: 'international',
        key: KEY,
        secret: SECRET,
        label: 'Work',
        sessionOnly: true,
      }),
    );
    expect(added.sessionOnly).toBe(true);
    await ok(
      f.controller.invoke('deployment.add', {
        accountId: added.accountId,
        deploymentId: 'a7c3e9f2',
      }),
    );
    await f.advance(5 * MINUTE);
    const s = f.controller.snapshot();
    expect(s.accounts[0]).toMatchObject({ sessionOnly: true, health: 'ok' });
    expect(s.deployments[0]?.statusKind).toBe('running');
    expect(f.secrets.entries.size).toBe(0);
    expectNoSecret(f.settings.text ?? '');
    await f.controller.dispose();
  });

  it('keeps accounts whose secret cannot be read, asking for it', async () => {
    const keychain = new MemorySecretStore();
    const first = makeFixture({ keychain });
    const accountId = await withAccount(first);
    await ok(first.controller.invoke('deployment.add', { accountId, deploymentId: 'a7c3e9f2' }));
    await first.controller.dispose();

    keychain.state = { available: false, reason: 'unavailable', message: 'no Secret Service' };
    const second = makeFixture({ keychain, settings: first.settings.document });
    await second.controller.start();
    const s = second.controller.snapshot();
    expect(s.accounts[0]).toMatchObject({
      id: accountId,
      health: 'no-secret',
      problem: { kind: 'KeychainUnavailable' },
    });
    // The name from the last run is shown before any read.
    expect(s.deployments[0]).toMatchObject({
      name: 'production-broker',
      statusKind: 'unchecked',
      start: { allowed: false, reason: 'account-problem', kind: 'KeychainUnavailable' },
    });
    expect(second.cloud.requests()).toEqual([]);

    // Entering the secret again for this run brings the account back.
    await ok(
      second.controller.invoke('account.replaceSecret', {
        accountId,
        secret: SECRET,
        sessionOnly: true,
      }),
    );
    await second.advance(MINUTE);
    const after = second.controller.snapshot();
    expect(after.accounts[0]).toMatchObject({ health: 'ok', sessionOnly: true });
    expect(after.deployments[0]?.statusKind).toBe('running');
    await second.controller.dispose();
  });

  it('deletes the keychain entry of a removed account at the next start that can', async () => {
    const keychain = new MemorySecretStore();
    const first = makeFixture({ keychain });
    const accountId = await withAccount(first);
    keychain.state = { available: false, reason: 'locked', message: 'locked' };
    await ok(first.controller.invoke('account.remove', { accountId }));
    await first.controller.dispose();
    expect(keychain.entries.has(accountId)).toBe(true);
    expect(first.settings.document).toMatchObject({
      accounts: [],
      pendingKeychainDeletes: [accountId],
    });

    keychain.state = { available: true };
    const second = makeFixture({ keychain, settings: first.settings.document });
    await second.controller.start();
    expect(keychain.entries.has(accountId)).toBe(false);
    expect(second.settings.document).toMatchObject({ pendingKeychainDeletes: [] });
    await second.controller.dispose();
  });
});

describe('controller: the secret goes nowhere', () => {
  async function busyDay(f: Fixture): Promise<void> {
    const accountId = await withAccount(f);
    await ok(
      f.controller.invoke('account.test', { site: 'international', key: KEY, secret: SECRET }),
    );
    await ok(
      f.controller.invoke('account.test', {
        site: 'international',
        key: KEY,
        secret: `${SECRET}x`,
      }),
    );
    await ok(f.controller.invoke('deployment.add', { accountId, deploymentId: 'w41b11c0' }));
    await ok(f.controller.invoke('deployment.add', { accountId, deploymentId: 'a7c3e9f2' }));
    await f.controller.invoke('deployment.add', { accountId, deploymentId: 'nope1234' });
    f.window.confirmAnswer = true;
    await f.controller.activateTrayItem(`deployment:${accountId}/w41b11c0:start`);
    f.cloud.setStatus('a7c3e9f2', 'stopped');
    f.cloud.failNext(2, 503);
    await f.advance(20 * MINUTE);
    f.cloud.failNext(1, 401);
    await f.controller.invoke('deployment.refresh', {});
    await f.controller.invoke('account.replaceSecret', { accountId, secret: SECRET });
    await f.advance(5 * MINUTE);
  }

  it('is in no snapshot, log line, notification, tray model or settings document', async () => {
    const f = makeFixture();
    const errors: unknown[] = [];
    const originalInvoke = f.controller.invoke.bind(f.controller);
    f.controller.invoke = async (command, request) => {
      const r = await originalInvoke(command, request);
      if (!r.ok) errors.push(r.error);
      return r;
    };
    await busyDay(f);
    await f.controller.dispose();

    expect(f.logs.length).toBeGreaterThan(10);
    expect(f.snapshots.length).toBeGreaterThan(5);
    expect(errors.length).toBeGreaterThan(0);
    expectNoSecret(f.logs.join('\n'));
    expectNoSecret(JSON.stringify(f.snapshots));
    expectNoSecret(JSON.stringify(f.tray.models));
    expectNoSecret(JSON.stringify(f.notifier.requests));
    expectNoSecret(JSON.stringify(errors));
    expectNoSecret(f.settings.text ?? '');
    // The settings still decode into a usable document.
    expect(settingsCodec.decode(f.settings.document).ok).toBe(true);
  });

  it('is redacted from a log line even when a failure carries it', async () => {
    // A defective client whose error repeats the credentials it was given.
    let defective = true;
    const f = makeFixture({
      wrapClient: (client, opts) => ({
        ...client,
        baseUrl: client.baseUrl,
        listDeployments: () =>
          defective
            ? Promise.reject(new Error(`boom ${opts.key}:${opts.secret}`))
            : client.listDeployments(),
      }),
    });
    await f.controller.start();
    const r = await f.controller.invoke('account.test', {
      site: 'international',
      key: KEY,
      secret: SECRET,
    });
    expect(r.ok).toBe(true);
    expectNoSecret(JSON.stringify(r));
    const connect = () =>
      f.controller.invoke('account.add', {
        site: 'international',
        key: KEY,
        secret: SECRET,
        label: '',
      });
    // The same failing read refuses the account, in words that hold no secret either.
    const refused = await connect();
    expect(refused.ok).toBe(false);
    expectNoSecret(JSON.stringify(refused));
    defective = false;
    const added = await connect();
    expect(added.ok).toBe(true);
    defective = true;
    if (added.ok) {
      await f.controller.invoke('deployments.available', { accountId: added.value.accountId });
    }
    await f.controller.dispose();
    expect(f.logs.join('\n')).toContain('***');
    expectNoSecret(f.logs.join('\n'));
  });
});
