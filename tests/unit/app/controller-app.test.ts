import { describe, expect, it } from 'vitest';
import { findMenuItem } from '../../../electron/core/tray/find';
import { INTL, KEY, SECRET, makeFixture, ok, withAccount } from './fixture';
import { MemorySecretStore } from './fake-ports';

const MINUTE = 60_000;

describe('controller: preferences', () => {
  it('applies the cadence, launch at login and language', async () => {
    const f = makeFixture();
    const accountId = await withAccount(f);
    await ok(f.controller.invoke('deployment.add', { accountId, deploymentId: 'a7c3e9f2' }));
    const prefs = await ok(
      f.controller.invoke('preferences.update', {
        idleCadenceSeconds: 600,
        launchAtLogin: true,
        language: 'zh-CN',
        notifications: { failed: false },
      }),
    );
    expect(prefs).toMatchObject({
      idleCadenceSeconds: 600,
      launchAtLogin: true,
      language: 'zh-CN',
    });
    expect(prefs.notifications.failed).toBe(false);
    expect(prefs.notifications['became-running']).toBe(true);
    expect(f.window.launchAtLogin).toEqual([true]);
    await f.advance();
    const s = f.controller.snapshot();
    expect(s.locale).toBe('zh-CN');
    expect(findMenuItem(f.tray.latest, 'quit')?.label).not.toBe('Quit');
    expect(f.settings.document).toMatchObject({
      preferences: { idleCadenceSeconds: 600, language: 'zh-CN' },
    });

    // Ten minutes between checks now: none in the next eight.
    await f.advance(MINUTE);
    const before = f.cloud.requests().length;
    await f.advance(8 * MINUTE);
    expect(f.cloud.requests().length).toBe(before);
    await f.controller.dispose();
  });

  it('does not touch the login item when the setting did not change', async () => {
    const f = makeFixture();
    await f.controller.start();
    await ok(f.controller.invoke('preferences.update', { theme: 'dark', launchAtLogin: false }));
    expect(f.window.launchAtLogin).toEqual([]);
    await f.controller.dispose();
  });

  it('follows the system language when set to system', async () => {
    const f = makeFixture();
    f.window.locale = 'zh-Hans-CN';
    await f.controller.start();
    expect(f.controller.snapshot().locale).toBe('zh-CN');
    await f.controller.dispose();
  });
});

describe('controller: console', () => {
  it('opens the console of the account site', async () => {
    const f = makeFixture();
    const accountId = await withAccount(f);
    await ok(f.controller.invoke('console.open', { accountId, deploymentId: 'a7c3e9f2' }));
    await ok(f.controller.invoke('console.open', { accountId }));
    expect(f.window.opened).toEqual([
      'https://cloud-intl.emqx.com/console/deployments/a7c3e9f2/overview',
      'https://cloud-intl.emqx.com/console/',
    ]);
    await f.controller.dispose();
  });
});

describe('controller: demo', () => {
  it('watches every demo deployment with a session-only account that is never saved', async () => {
    const f = makeFixture();
    await f.controller.start();
    const { accountId } = await ok(f.controller.invoke('demo.start', {}));
    const again = await ok(f.controller.invoke('demo.start', {}));
    expect(again.accountId).toBe(accountId);
    await f.advance();
    const s = f.controller.snapshot();
    expect(s.demo).toBe(true);
    expect(s.accounts).toEqual([
      expect.objectContaining({ id: accountId, demo: true, sessionOnly: true, label: 'Demo' }),
    ]);
    expect(s.deployments.map((d) => [d.deploymentId, d.statusKind])).toEqual([
      ['a7c3e9f2', 'running'],
      ['w41b11c0', 'stopped'],
      ['k9d2s7x4', 'running'],
    ]);
    expect(s.notices.map((n) => n.kind)).toEqual(['demo-mode']);
    expect(f.secrets.entries.size).toBe(0);
    await f.advance(10 * MINUTE);
    const doc = JSON.stringify(f.settings.document);
    expect(doc).not.toContain(accountId);
    expect(doc).not.toContain('demo:');
    await f.controller.dispose();
    expect(f.demoStops).toBe(1);
  });

  it('stops the demo cloud when the demo account is removed', async () => {
    const f = makeFixture();
    await f.controller.start();
    const { accountId } = await ok(f.controller.invoke('demo.start', {}));
    await ok(f.controller.invoke('account.remove', { accountId }));
    expect(f.demoStops).toBe(1);
    await f.advance();
    expect(f.controller.snapshot().demo).toBe(false);
    await f.controller.dispose();
    expect(f.demoStops).toBe(1);
  });
});

describe('controller: settings across runs', () => {
  it('reports a recovered settings file once, as a notice', async () => {
    const f = makeFixture({ settings: { version: 2, preferences: { theme: 'neon' } } });
    await f.controller.start();
    const s = f.controller.snapshot();
    expect(s.notices.map((n) => n.kind)).toEqual(['settings-recovered']);
    expect(s.preferences.theme).toBe('system');
    await f.controller.dispose();
  });

  it('migrates a version 1 document and finds its secret', async () => {
    const keychain = new MemorySecretStore();
    keychain.entries.set('default', SECRET);
    const f = makeFixture({
      keychain,
      settings: { version: 1, site: 'international', apiKey: KEY, deploymentIds: ['a7c3e9f2'] },
    });
    await f.controller.start();
    await f.advance(3 * MINUTE);
    const s = f.controller.snapshot();
    expect(s.accounts[0]).toMatchObject({ id: 'default', baseUrl: INTL, keyId: KEY, health: 'ok' });
    expect(s.deployments[0]?.statusKind).toBe('running');
    expect(f.settings.document).toMatchObject({ version: 2 });
    await f.controller.dispose();
  });

  it('restores accounts, names, mutes and the request ledger on the next start', async () => {
    const keychain = new MemorySecretStore();
    const first = makeFixture({ keychain });
    const accountId = await withAccount(first);
    await ok(first.controller.invoke('deployment.add', { accountId, deploymentId: 'w41b11c0' }));
    await ok(
      first.controller.invoke('deployment.mute', {
        accountId,
        deploymentId: 'w41b11c0',
        muted: true,
      }),
    );
    first.window.confirmAnswer = true;
    await first.controller.activateTrayItem(`deployment:${accountId}/w41b11c0:start`);
    await first.advance(5 * MINUTE);
    await first.controller.dispose();

    const second = makeFixture({ keychain, settings: first.settings.document });
    await second.controller.start();
    const s = second.controller.snapshot();
    expect(s.accounts.map((a) => a.id)).toEqual([accountId]);
    expect(s.deployments[0]).toMatchObject({ name: 'deployment-w41b11c0', muted: true });
    // The hour's start/stop was spent in the first run; the ledger remembers it.
    expect(s.accounts[0]?.budget.writes.used).toBe(1);
    await second.controller.dispose();
  });
});

describe('controller: lifecycle', () => {
  it('pushes snapshots with increasing revisions, one per burst', async () => {
    const f = makeFixture();
    const accountId = await withAccount(f);
    const before = f.snapshots.length;
    await Promise.all([
      f.controller.invoke('account.rename', { accountId, label: 'A' }),
      f.controller.invoke('account.rename', { accountId, label: 'B' }),
      f.controller.invoke('preferences.update', { theme: 'dark' }),
    ]);
    await f.advance();
    expect(f.snapshots.length).toBe(before + 1);
    const revisions = f.snapshots.map((s) => s.revision);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    expect(new Set(revisions).size).toBe(revisions.length);
    await f.controller.dispose();
  });

  it('disposes once, saves, and then stays quiet', async () => {
    const f = makeFixture();
    const accountId = await withAccount(f);
    await ok(f.controller.invoke('deployment.add', { accountId, deploymentId: 'a7c3e9f2' }));
    await Promise.all([f.controller.dispose(), f.controller.dispose()]);
    const saves = f.settings.saves;
    const renders = f.tray.models.length;
    const requests = f.cloud.requests().length;
    await f.advance(60 * MINUTE);
    expect(f.cloud.requests().length).toBe(requests);
    expect(f.tray.models.length).toBe(renders);
    f.network.set(false);
    expect(f.network.listeners.size).toBe(0);
    expect(f.power.suspend.size + f.power.resume.size).toBe(0);
    await f.controller.dispose();
    expect(f.settings.saves).toBe(saves);
    const r = await f.controller.invoke('state.get', {});
    expect(r.ok).toBe(false);
  });

  it('stops cleanly when disposed while start waits for the keychain', async () => {
    const keychain = new MemorySecretStore();
    keychain.entries.set('acc-1', SECRET);
    let answer: (() => void) | undefined;
    keychain.status = () =>
      new Promise((resolve) => {
        answer = () => resolve({ available: true });
      });
    const settings = {
      version: 2,
      accounts: [{ id: 'acc-1', label: 'Work', site: 'international', baseUrl: INTL, keyId: KEY }],
      deployments: [{ accountId: 'acc-1', deploymentId: 'a7c3e9f2' }],
    };
    const f = makeFixture({ keychain, settings });
    const starting = f.controller.start();
    await f.advance();
    await f.controller.dispose();
    answer?.();
    await starting;
    await f.advance(10 * MINUTE);
    expect(f.tray.models).toEqual([]);
    expect(f.cloud.requests()).toEqual([]);
    // The document on disk is untouched: nothing partial was written.
    expect(f.settings.saves).toBe(0);
    expect(f.settings.document).toEqual(settings);
  });

  it('asks the shell to quit', async () => {
    const f = makeFixture();
    await f.controller.start();
    await ok(f.controller.invoke('app.quit', {}));
    expect(f.window.quits).toBe(1);
    await f.controller.dispose();
  });
});
