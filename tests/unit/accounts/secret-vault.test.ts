import { describe, expect, it } from 'vitest';
import type { SecretStore, SecretStoreStatus } from '../../../electron/core/app/ports';
import { KeychainError, SecretVault } from '../../../electron/core/accounts';
import { toKeychainError } from '../../../electron/core/accounts/keyring-errors';

class FakeKeychain implements SecretStore {
  entries = new Map<string, string>();
  state: SecretStoreStatus = { available: true };
  calls: string[] = [];

  status(): Promise<SecretStoreStatus> {
    return Promise.resolve(this.state);
  }
  get(id: string): Promise<string | undefined> {
    this.calls.push(`get:${id}`);
    if (!this.state.available) return Promise.reject(new Error(this.state.message));
    return Promise.resolve(this.entries.get(id));
  }
  set(id: string, secret: string): Promise<void> {
    this.calls.push(`set:${id}`);
    if (!this.state.available) return Promise.reject(new Error(`refused ${secret}`));
    this.entries.set(id, secret);
    return Promise.resolve();
  }
  delete(id: string): Promise<void> {
    this.calls.push(`delete:${id}`);
    if (!this.state.available) return Promise.reject(new Error('no keychain'));
    this.entries.delete(id);
    return Promise.resolve();
  }
}

describe('SecretVault and the keychain store’s own errors', () => {
  it('passes on the kind and words of a keychain error from the store', async () => {
    const kc = new FakeKeychain();
    const refusal = toKeychainError(new Error('Collection is locked'), 'read the secret');
    kc.get = () => Promise.reject(refusal);
    const loaded = await new SecretVault(kc).load('a1');
    // The store said "locked"; a status probe that happens to pass must not turn it into another.
    expect(loaded).toEqual({ found: false, problem: refusal });
    expect(refusal.kind).toBe('KeychainLocked');
  });
});

describe('SecretVault with a working keychain', () => {
  it('saves into the keychain and loads it back', async () => {
    const kc = new FakeKeychain();
    const vault = new SecretVault(kc);
    await vault.save('a1', 's3cret', false);
    expect(kc.entries.get('a1')).toBe('s3cret');
    expect(vault.isSessionOnly('a1')).toBe(false);

    const fresh = new SecretVault(kc);
    expect(await fresh.load('a1')).toEqual({ found: true, secret: 's3cret', sessionOnly: false });
    expect(fresh.secrets()).toEqual(['s3cret']);
    expect(await fresh.load('missing')).toEqual({ found: false });
  });

  it('replaces a secret in the keychain', async () => {
    const kc = new FakeKeychain();
    const vault = new SecretVault(kc);
    await vault.save('a1', 'old', false);
    expect(await vault.replace('a1', 'new')).toEqual({ sessionOnly: false });
    expect(kc.entries.get('a1')).toBe('new');
    expect(vault.secrets()).toEqual(['new']);
  });

  it('removes the secret from memory and the keychain', async () => {
    const kc = new FakeKeychain();
    const vault = new SecretVault(kc);
    await vault.save('a1', 's', false);
    await vault.remove('a1');
    expect(kc.entries.has('a1')).toBe(false);
    expect(vault.secrets()).toEqual([]);
  });
});

describe('SecretVault without a keychain', () => {
  it('refuses to save unless the user accepted session-only', async () => {
    const kc = new FakeKeychain();
    kc.state = { available: false, reason: 'unavailable', message: 'no Secret Service' };
    const vault = new SecretVault(kc);
    const err = await vault.save('a1', 's', false).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KeychainError);
    expect((err as KeychainError).kind).toBe('KeychainUnavailable');
    expect(kc.calls).not.toContain('set:a1');
  });

  it('reports a locked keychain as locked', async () => {
    const kc = new FakeKeychain();
    kc.state = { available: false, reason: 'locked', message: 'locked' };
    const vault = new SecretVault(kc);
    await expect(vault.save('a1', 's', false)).rejects.toMatchObject({ kind: 'KeychainLocked' });
    const loaded = await vault.load('a1');
    expect(loaded.found).toBe(false);
    expect(loaded.found === false && loaded.problem?.kind).toBe('KeychainLocked');
  });

  it('keeps a session-only secret in memory only', async () => {
    const kc = new FakeKeychain();
    kc.state = { available: false, reason: 'unavailable', message: 'none' };
    const vault = new SecretVault(kc);
    await vault.save('a1', 'mem', true);
    expect(vault.isSessionOnly('a1')).toBe(true);
    expect(await vault.load('a1')).toEqual({ found: true, secret: 'mem', sessionOnly: true });
    expect(kc.calls).toEqual([]);
    expect(await new SecretVault(kc).load('a1')).toMatchObject({ found: false });
  });

  it('replaces a session-only secret in memory while the keychain stays away', async () => {
    const kc = new FakeKeychain();
    kc.state = { available: false, reason: 'unavailable', message: 'none' };
    const vault = new SecretVault(kc);
    await vault.save('a1', 'one', true);
    expect(await vault.replace('a1', 'two')).toEqual({ sessionOnly: true });
    expect(vault.secrets()).toEqual(['two']);
  });

  it('moves a session-only secret into the keychain once it is back', async () => {
    const kc = new FakeKeychain();
    kc.state = { available: false, reason: 'locked', message: 'locked' };
    const vault = new SecretVault(kc);
    await vault.save('a1', 'one', true);
    kc.state = { available: true };
    expect(await vault.replace('a1', 'two')).toEqual({ sessionOnly: false });
    expect(kc.entries.get('a1')).toBe('two');
    expect(vault.isSessionOnly('a1')).toBe(false);
  });

  it('removes a session-only secret even when the keychain cannot be reached', async () => {
    const kc = new FakeKeychain();
    kc.state = { available: false, reason: 'unavailable', message: 'none' };
    const vault = new SecretVault(kc);
    await vault.save('a1', 'mem', true);
    await vault.remove('a1');
    expect(vault.secrets()).toEqual([]);
  });

  it('throws when a keychain entry cannot be deleted', async () => {
    const kc = new FakeKeychain();
    const vault = new SecretVault(kc);
    await vault.save('a1', 's', false);
    kc.state = { available: false, reason: 'locked', message: 'locked' };
    await expect(vault.remove('a1')).rejects.toMatchObject({ kind: 'KeychainLocked' });
  });

  it('never repeats the secret in a keychain error', async () => {
    const kc = new FakeKeychain();
    const vault = new SecretVault(kc);
    // Available by status, but set() fails with a message echoing what it was given.
    kc.set = (_id, secret) => Promise.reject(new Error(`cannot store ${secret}`));
    const err = await vault.save('a1', 'hunter2-secret', false).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KeychainError);
    expect((err as Error).message).not.toContain('hunter2-secret');
  });

  it('treats a status check that throws as unavailable', async () => {
    const kc = new FakeKeychain();
    kc.status = () => Promise.reject(new Error('dbus gone'));
    const vault = new SecretVault(kc);
    expect(await vault.status()).toEqual({
      available: false,
      reason: 'unavailable',
      message: 'dbus gone',
    });
  });
});
