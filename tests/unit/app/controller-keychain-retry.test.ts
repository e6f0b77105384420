import { describe, expect, it } from 'vitest';
import { KEYCHAIN_RETRY_MS } from '../../../electron/core/app/controller';
import { MemorySecretStore } from './fake-ports';
import { INTL, KEY, SECRET, makeFixture, ok, type Fixture } from './fixture';

const MINUTE = 60_000;

/** A saved account whose secret sits in a keychain that is locked at launch. */
function lockedAtLaunch(): Fixture {
  const keychain = new MemorySecretStore();
  keychain.entries.set('acc-1', SECRET);
  keychain.state = { available: false, reason: 'locked', message: 'The keyring is locked' };
  return makeFixture({
    keychain,
    settings: {
      version: 2,
      accounts: [{ id: 'acc-1', label: 'Work', site: 'international', baseUrl: INTL, keyId: KEY }],
      deployments: [{ accountId: 'acc-1', deploymentId: 'w41b11c0' }],
    },
  });
}

function health(f: Fixture): string | undefined {
  return f.controller.snapshot().accounts[0]?.health;
}

function unlock(f: Fixture): void {
  f.secrets.state = { available: true };
}

describe('controller: a keychain locked at launch and unlocked later', () => {
  it('reads the secret again on its own after a while and starts checking the account', async () => {
    const f = lockedAtLaunch();
    await f.controller.start();
    expect(f.controller.snapshot().accounts[0]?.problem?.kind).toBe('KeychainLocked');
    await f.advance(2 * MINUTE);
    expect(health(f)).toBe('no-secret');
    unlock(f);
    // Not asked again unprompted every minute: that could raise an unlock prompt each time.
    await f.advance(MINUTE);
    expect(health(f)).toBe('no-secret');
    await f.advance(KEYCHAIN_RETRY_MS);
    expect(health(f)).toBe('ok');
    expect(f.controller.snapshot().accounts[0]?.problem).toBeUndefined();
    expect(f.cloud.requests().length).toBeGreaterThan(0);
    await f.controller.dispose();
  });

  it('stops asking once nothing waits for the keychain', async () => {
    const f = lockedAtLaunch();
    const reads: string[] = [];
    const get = f.secrets.get.bind(f.secrets);
    f.secrets.get = (id) => {
      reads.push(id);
      return get(id);
    };
    await f.controller.start();
    await f.advance(3 * KEYCHAIN_RETRY_MS);
    expect(reads.length).toBe(4);
    unlock(f);
    await f.advance(KEYCHAIN_RETRY_MS);
    const after = reads.length;
    await f.advance(10 * KEYCHAIN_RETRY_MS);
    expect(reads.length).toBe(after);
    await f.controller.dispose();
  });

  it('asks again at once on resume, when the network returns and on a refresh', async () => {
    for (const trigger of [
      (f: Fixture) => f.power.resume.emit(),
      (f: Fixture) => {
        f.network.set(false);
        f.network.set(true);
      },
      (f: Fixture) => f.controller.invoke('deployment.refresh', {}),
      (f: Fixture) => f.controller.activateTrayItem('refresh-all'),
    ]) {
      const f = lockedAtLaunch();
      await f.controller.start();
      unlock(f);
      await trigger(f);
      await f.advance();
      expect(health(f)).not.toBe('no-secret');
      await f.controller.dispose();
    }
  });

  it('asks again when the window is opened from the tray', async () => {
    const f = lockedAtLaunch();
    await f.controller.start();
    unlock(f);
    await f.controller.activateTrayItem('open-window');
    await f.advance();
    expect(health(f)).not.toBe('no-secret');
    await f.controller.dispose();
  });

  it('leaves an account removed meanwhile alone', async () => {
    const f = lockedAtLaunch();
    await f.controller.start();
    await ok(f.controller.invoke('account.remove', { accountId: 'acc-1' }));
    unlock(f);
    await f.advance(2 * KEYCHAIN_RETRY_MS);
    expect(f.controller.snapshot().accounts).toEqual([]);
    expect(f.cloud.requests()).toEqual([]);
    await f.controller.dispose();
  });
});
