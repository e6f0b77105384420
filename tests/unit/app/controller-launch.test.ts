import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from './fake-ports';
import { INTL, KEY, SECRET, makeFixture, ok, withAccount } from './fixture';

const MINUTE = 60_000;

function savedAccount() {
  const keychain = new MemorySecretStore();
  keychain.entries.set('acc-1', SECRET);
  const settings = {
    version: 2,
    accounts: [{ id: 'acc-1', label: 'Work', site: 'international', baseUrl: INTL, keyId: KEY }],
    deployments: [{ accountId: 'acc-1', deploymentId: 'a7c3e9f2' }],
  };
  return { keychain, settings };
}

describe('controller: launch while offline', () => {
  it('sends no check before it knows the computer is offline', async () => {
    const f = makeFixture(savedAccount());
    f.network.online = false;
    await f.controller.start();
    await f.advance(5 * MINUTE);
    expect(f.cloud.requests()).toEqual([]);
    expect(f.controller.snapshot().online).toBe(false);
    f.network.set(true);
    await f.advance(MINUTE);
    expect(f.cloud.requests().length).toBeGreaterThan(0);
    await f.controller.dispose();
  });

  it('sends no check while the secret of a later account is still being read', async () => {
    const { keychain, settings } = savedAccount();
    keychain.entries.set('acc-2', SECRET);
    settings.accounts.push({
      id: 'acc-2',
      label: 'Home',
      site: 'international',
      baseUrl: INTL,
      keyId: KEY,
    });
    const fastGet = keychain.get.bind(keychain);
    let answer: (() => void) | undefined;
    keychain.get = (id) =>
      id === 'acc-1'
        ? fastGet(id)
        : new Promise((resolve) => {
            answer = () => resolve(fastGet(id));
          });
    const f = makeFixture({ keychain, settings });
    f.network.online = false;
    const starting = f.controller.start();
    await f.advance(MINUTE);
    expect(f.cloud.requests()).toEqual([]);
    answer?.();
    await starting;
    await f.controller.dispose();
  });
});

describe('controller: a very long deployment name', () => {
  it('is saved shortened, and the next launch still watches the deployment', async () => {
    const f = makeFixture();
    const long = `Plant ${'x'.repeat(700)}`;
    f.cloud.addDeployment({
      deploymentID: 'l0ngn4me',
      deploymentName: long,
      deploymentType: 'dedicated',
      status: 'running',
      connections: 0,
      createAt: '2026-01-01 00:00:00',
      platform: 'aws',
      region: 'us-east-1',
    });
    const accountId = await withAccount(f);
    await ok(f.controller.invoke('deployment.add', { accountId, deploymentId: 'l0ngn4me' }));
    await f.advance(10 * MINUTE);
    await f.controller.dispose();
    const saved = f.settings.document as { deployments: { lastKnownName?: string }[] };
    expect(saved.deployments[0]?.lastKnownName).toBe(long.slice(0, 512));

    const again = makeFixture({ settings: f.settings.document, keychain: f.secrets });
    again.network.online = false;
    await again.controller.start();
    expect(again.controller.snapshot().deployments.map((d) => d.deploymentId)).toEqual([
      'l0ngn4me',
    ]);
    expect(again.controller.snapshot().notices).toEqual([]);
    await again.controller.dispose();
  });
});
