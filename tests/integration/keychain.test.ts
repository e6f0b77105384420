// The keychain SecretStore against a real Secret Service (gnome-keyring under dbus-run-session,
// as `npm test` provides). Without one these tests fail with a message saying what is missing.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findCredentialsAsync } from '@napi-rs/keyring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_KEYRING_SERVICE,
  createKeyringSecretStore,
} from '../../electron/core/accounts/keyring-secret-store';
import { KeychainError } from '../../electron/core/accounts/keyring-errors';

const service = `emqx-cloud-tray-test-${process.pid}-${Date.now()}`;
const store = createKeyringSecretStore({ service });
const other = createKeyringSecretStore({ service: `${service}-other` });

const HOW_TO_RUN =
  "HOME=$(mktemp -d) dbus-run-session -- bash -c 'printf pw | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 & k=$!; sleep 1; npx vitest run --project integration tests/integration/keychain.test.ts; kill $k'";

describe('keychain SecretStore (Secret Service)', () => {
  let available = false;
  beforeAll(async () => {
    const status = await store.status();
    available = status.available;
    if (!status.available) {
      throw new Error(
        `These tests need a running, unlocked Secret Service, and there is none (${status.reason}: ${status.message}). Run them through npm test, or: ${HOW_TO_RUN}`,
      );
    }
  });

  afterAll(async () => {
    if (!available) return;
    for (const s of [store, other]) {
      for (const account of ['acc-1', 'acc-2', 'acc-unicode']) await s.delete(account);
    }
  });

  it('reports the keychain as available, and its probe leaves nothing behind', async () => {
    expect(await store.status()).toEqual({ available: true });
    expect(await findCredentialsAsync(service)).toEqual([]);
  });

  it('stores a secret and reads it back', async () => {
    await store.set('acc-1', 'first-secret');
    expect(await store.get('acc-1')).toBe('first-secret');
  });

  it('reads a missing secret as undefined', async () => {
    expect(await store.get('acc-never-stored')).toBeUndefined();
  });

  it('replaces a secret', async () => {
    await store.set('acc-1', 'first-secret');
    await store.set('acc-1', 'second-secret');
    expect(await store.get('acc-1')).toBe('second-secret');
    // One entry per account, not one per write.
    expect((await findCredentialsAsync(service)).filter((c) => c.account === 'acc-1')).toHaveLength(
      1,
    );
  });

  it('deletes a secret, and deleting again is not an error', async () => {
    await store.set('acc-1', 'to-delete');
    await store.delete('acc-1');
    expect(await store.get('acc-1')).toBeUndefined();
    await expect(store.delete('acc-1')).resolves.toBeUndefined();
    await expect(store.delete('acc-never-stored')).resolves.toBeUndefined();
  });

  it('keeps accounts and services apart', async () => {
    await store.set('acc-1', 'secret-one');
    await store.set('acc-2', 'secret-two');
    await other.set('acc-1', 'secret-of-another-service');
    expect(await store.get('acc-1')).toBe('secret-one');
    expect(await store.get('acc-2')).toBe('secret-two');
    expect(await other.get('acc-1')).toBe('secret-of-another-service');
    await store.delete('acc-1');
    expect(await store.get('acc-2')).toBe('secret-two');
    expect(await other.get('acc-1')).toBe('secret-of-another-service');
  });

  it('keeps a long secret with any characters intact', async () => {
    const secret = `Ünïcødé-秘密-${'x'.repeat(2000)}-"quotes"\\slashes\\`;
    await store.set('acc-unicode', secret);
    expect(await store.get('acc-unicode')).toBe(secret);
  });

  it('files entries under the app’s service name by default', async () => {
    const account = `acc-default-${process.pid}`;
    const byDefault = createKeyringSecretStore();
    try {
      await byDefault.set(account, 'default-service-secret');
      const found = await findCredentialsAsync(DEFAULT_KEYRING_SERVICE);
      expect(found).toContainEqual({ account, password: 'default-service-secret' });
    } finally {
      await byDefault.delete(account);
    }
  });

  it('says in plain words when there is no Secret Service, and never echoes the secret', () => {
    // The D-Bus connection is made once per process, so the missing service is a child process.
    const modulePath = join(
      __dirname,
      '..',
      '..',
      'electron',
      'core',
      'accounts',
      'keyring-secret-store.ts',
    );
    const code = `
      const { createKeyringSecretStore } = await import(${JSON.stringify(modulePath)});
      const s = createKeyringSecretStore({ service: 'emqx-cloud-tray-test-nobus' });
      const status = await s.status();
      let error;
      try { await s.set('acc-1', 'TOP-SECRET-VALUE'); } catch (e) { error = { name: e.name, kind: e.kind, message: e.message }; }
      console.log(JSON.stringify({ status, error }));
    `;
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', code],
      {
        env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout) as {
      status: { available: boolean; reason: string; message: string };
      error: { name: string; kind: string; message: string };
    };
    expect(out.status).toEqual({
      available: false,
      reason: 'unavailable',
      message:
        'No keychain is available: no Secret Service (such as GNOME Keyring or KWallet) is running in this session.',
    });
    expect(out.error).toMatchObject({ name: 'KeychainError', kind: 'KeychainUnavailable' });
    expect(out.error.message).not.toContain('TOP-SECRET-VALUE');
    expect(new KeychainError('KeychainLocked', 'x').toJSON()).toEqual({
      kind: 'KeychainLocked',
      message: 'x',
    });
  });
});
