import { describe, expect, it, vi } from 'vitest';
import { findMenuItem } from '../../../electron/core/tray/find';
import { MemorySecretStore } from './fake-ports';
import { makeFixture, ok, withAccount, type Fixture } from './fixture';

const MINUTE = 60_000;

async function watching(f: Fixture, ...ids: string[]): Promise<string> {
  const accountId = await withAccount(f);
  for (const deploymentId of ids) {
    await ok(f.controller.invoke('deployment.add', { accountId, deploymentId }));
  }
  await f.advance();
  return accountId;
}

function requestCount(f: Fixture, route: 'start' | 'stop' | 'get' | 'list'): number {
  return f.cloud.requests().filter((r) => r.route === route).length;
}

describe('controller: watched deployments', () => {
  it('lists what the account has, marking what is watched', async () => {
    const f = makeFixture();
    const accountId = await watching(f, 'w41b11c0');
    const r = await ok(f.controller.invoke('deployments.available', { accountId }));
    expect(r.supported).toBe(true);
    if (!r.supported) return;
    expect(r.deployments.map((d) => [d.deploymentID, d.watched])).toEqual([
      ['a7c3e9f2', false],
      ['w41b11c0', true],
      ['k9d2s7x4', false],
    ]);
    await f.controller.dispose();
  });

  it('adds a deployment after one read and shows it in the tray', async () => {
    const f = makeFixture();
    const accountId = await withAccount(f);
    const reads = f.cloud.requests().length;
    const { key } = await ok(
      f.controller.invoke('deployment.add', { accountId, deploymentId: 'w41b11c0' }),
    );
    expect(f.cloud.requests().length).toBe(reads + 1);
    await f.advance();
    expect(key).toBe(`${accountId}/w41b11c0`);
    const d = f.controller.snapshot().deployments[0];
    expect(d).toMatchObject({
      key,
      name: 'deployment-w41b11c0',
      statusKind: 'stopped',
      muted: false,
    });
    expect(f.tray.latest.icon).toBe('all-stopped');
    expect(findMenuItem(f.tray.latest, `deployment:${key}:start`)?.enabled).toBe(true);
    const doc = f.settings.document as { deployments: unknown[] };
    expect(doc.deployments).toEqual([
      { accountId, deploymentId: 'w41b11c0', muted: false, lastKnownName: 'deployment-w41b11c0' },
    ]);
    await f.controller.dispose();
  });

  it('refuses an invalid ID without a request and an unknown one after a read', async () => {
    const f = makeFixture();
    const accountId = await withAccount(f);
    const before = f.cloud.requests().length;
    const bad = await f.controller.invoke('deployment.add', { accountId, deploymentId: '../etc' });
    expect(bad).toEqual({ ok: false, error: { code: 'errors.invalidDeploymentId' } });
    expect(f.cloud.requests().length).toBe(before);
    const missing = await f.controller.invoke('deployment.add', {
      accountId,
      deploymentId: 'zzzz9999',
    });
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.error).toMatchObject({ code: 'NotFound', problem: { kind: 'NotFound' } });
    expect(f.controller.snapshot().deployments).toEqual([]);
    await f.controller.dispose();
  });

  it('removes a deployment and brings it back with undo, in place', async () => {
    const f = makeFixture();
    const accountId = await watching(f, 'a7c3e9f2', 'w41b11c0');
    await ok(
      f.controller.invoke('deployment.mute', { accountId, deploymentId: 'a7c3e9f2', muted: true }),
    );
    await ok(f.controller.invoke('deployment.remove', { accountId, deploymentId: 'a7c3e9f2' }));
    await f.advance();
    expect(f.controller.snapshot().deployments.map((d) => d.deploymentId)).toEqual(['w41b11c0']);
    await ok(f.controller.invoke('deployment.undoRemove', { accountId, deploymentId: 'a7c3e9f2' }));
    await f.advance();
    const ds = f.controller.snapshot().deployments;
    expect(ds.map((d) => d.deploymentId)).toEqual(['a7c3e9f2', 'w41b11c0']);
    expect(ds[0]?.muted).toBe(true);
    await f.controller.dispose();
  });

  it('forgets a removed deployment after the undo period', async () => {
    const f = makeFixture();
    const accountId = await watching(f, 'a7c3e9f2');
    await ok(f.controller.invoke('deployment.remove', { accountId, deploymentId: 'a7c3e9f2' }));
    await f.advance(31_000);
    const r = await f.controller.invoke('deployment.undoRemove', {
      accountId,
      deploymentId: 'a7c3e9f2',
    });
    expect(r).toEqual({ ok: false, error: { code: 'errors.undoExpired' } });
    await f.controller.dispose();
  });

  it('refreshes on request', async () => {
    const f = makeFixture();
    const accountId = await watching(f, 'a7c3e9f2');
    await f.advance(MINUTE);
    const before = f.cloud.requests().length;
    await ok(f.controller.invoke('deployment.refresh', { accountId, deploymentId: 'a7c3e9f2' }));
    expect(f.cloud.requests().length).toBe(before + 1);
    await f.controller.dispose();
  });

  it('operates from the window only with confirmation and shows a notice', async () => {
    const f = makeFixture();
    const accountId = await watching(f, 'w41b11c0');
    const r = await ok(
      f.controller.invoke('deployment.operate', {
        accountId,
        deploymentId: 'w41b11c0',
        op: 'start',
        confirmed: true,
      }),
    );
    expect(r).toEqual({ sent: true });
    expect(requestCount(f, 'start')).toBe(1);
    await f.advance();
    const s = f.controller.snapshot();
    expect(s.deployments[0]?.statusKind).toBe('starting');
    expect(s.notices.map((n) => [n.kind, n.params.op])).toEqual([['operation-sent', 'start']]);
    // A second start within the hour is refused by the rules, never sent.
    const again = await f.controller.invoke('deployment.operate', {
      accountId,
      deploymentId: 'w41b11c0',
      op: 'stop',
      confirmed: true,
    });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toMatch(/^block\./);
    expect(requestCount(f, 'stop')).toBe(0);
    await f.controller.dispose();
  });

  it('takes the sent notice away once the operation is over', async () => {
    const f = makeFixture();
    const accountId = await watching(f, 'w41b11c0', 'a7c3e9f2');
    const operate = {
      accountId,
      deploymentId: 'w41b11c0',
      op: 'start' as const,
      confirmed: true as const,
    };
    await ok(f.controller.invoke('deployment.operate', operate));
    await f.advance();
    expect(f.controller.snapshot().notices.map((n) => n.kind)).toEqual(['operation-sent']);
    for (let i = 0; i < 30 && f.controller.snapshot().deployments[0]?.pendingOperation; i++) {
      await f.advance(MINUTE);
    }
    const s = f.controller.snapshot();
    expect(s.deployments[0]?.statusKind).toBe('running');
    expect(s.notices).toEqual([]);
    await f.controller.dispose();
  });

  it('takes the sent notice away when the deployment is no longer watched', async () => {
    const f = makeFixture();
    const accountId = await watching(f, 'w41b11c0');
    const operate = {
      accountId,
      deploymentId: 'w41b11c0',
      op: 'start' as const,
      confirmed: true as const,
    };
    await ok(f.controller.invoke('deployment.operate', operate));
    await ok(f.controller.invoke('deployment.remove', { accountId, deploymentId: 'w41b11c0' }));
    await f.advance();
    expect(f.controller.snapshot().notices).toEqual([]);
    await f.controller.dispose();
  });

  it('dismisses a notice', async () => {
    const f = makeFixture();
    const accountId = await watching(f, 'w41b11c0');
    await ok(
      f.controller.invoke('deployment.operate', {
        accountId,
        deploymentId: 'w41b11c0',
        op: 'start',
        confirmed: true,
      }),
    );
    const [notice] = f.controller.snapshot().notices;
    expect(notice).toBeDefined();
    await ok(f.controller.invoke('notice.dismiss', { id: notice?.id ?? '' }));
    await f.advance();
    expect(f.controller.snapshot().notices).toEqual([]);
    await f.controller.dispose();
  });
});

describe('controller: tray', () => {
  it('starts only after the confirmation says yes', async () => {
    const f = makeFixture();
    const accountId = await watching(f, 'w41b11c0');
    const id = `deployment:${accountId}/w41b11c0:start`;

    f.window.confirmAnswer = false;
    await f.controller.activateTrayItem(id);
    expect(f.window.confirms).toHaveLength(1);
    expect(f.window.confirms[0]?.message).toContain('deployment-w41b11c0');
    expect(requestCount(f, 'start')).toBe(0);

    f.window.confirmAnswer = true;
    await f.controller.activateTrayItem(id);
    expect(f.window.confirms).toHaveLength(2);
    expect(requestCount(f, 'start')).toBe(1);
    await f.advance();
    expect(f.tray.latest.icon).toBe('transitional');
    expect(findMenuItem(f.tray.latest, id)?.enabled).toBe(false);

    // Once the cloud finishes, the fast checks see it running.
    await f.advance(2 * MINUTE);
    expect(f.controller.snapshot().deployments[0]?.statusKind).toBe('running');
    expect(f.tray.latest.icon).toBe('all-running');
    expect(f.notifier.requests.map((n) => n.kind)).toEqual(['became-running']);
    await f.controller.dispose();
  });

  it('offers Stop again the moment the hour is over, without waiting for a check', async () => {
    // Idle waits have ±5% jitter; on this hour-long one that could put a check before the hour
    // ends, which would hide whether the time alone re-enabled Stop. A middle draw has none.
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const f = makeFixture();
    const accountId = await watching(f, 'w41b11c0');
    await ok(f.controller.invoke('preferences.update', { idleCadenceSeconds: 3600 }));
    f.window.confirmAnswer = true;
    await f.controller.activateTrayItem(`deployment:${accountId}/w41b11c0:start`);
    await f.advance(2 * MINUTE);
    const stopId = `deployment:${accountId}/w41b11c0:stop`;
    const blocked = f.controller.snapshot().deployments[0]?.stop;
    if (blocked === undefined || blocked.allowed || blocked.reason !== 'window') {
      throw new Error(`expected a start/stop window, got ${JSON.stringify(blocked)}`);
    }
    const reads = f.cloud.requests().length;
    await f.advance(blocked.availableAt - f.clock.now() - 1);
    expect(findMenuItem(f.tray.latest, stopId)?.enabled).toBe(false);
    await f.advance(1);
    expect(findMenuItem(f.tray.latest, stopId)?.enabled).toBe(true);
    // No read was needed for that: the time alone ended the wait.
    expect(f.cloud.requests().length).toBe(reads);
    await f.controller.dispose();
  });

  it('ignores an item that is disabled or unknown', async () => {
    const f = makeFixture();
    const accountId = await watching(f, 'a7c3e9f2');
    f.window.confirmAnswer = true;
    await f.controller.activateTrayItem(`deployment:${accountId}/a7c3e9f2:start`);
    await f.controller.activateTrayItem('no-such-item');
    expect(f.window.confirms).toEqual([]);
    expect(requestCount(f, 'start')).toBe(0);
    await f.controller.dispose();
  });

  it('copies the ID, opens the console, the window and settings, and quits', async () => {
    const f = makeFixture();
    const accountId = await watching(f, 'a7c3e9f2');
    const key = `${accountId}/a7c3e9f2`;
    await f.controller.activateTrayItem(`deployment:${key}:copy-id`);
    await f.controller.activateTrayItem(`deployment:${key}:open-console`);
    await f.controller.activateTrayItem('open-window');
    await f.controller.activateTrayItem('open-settings');
    await f.controller.activateTrayItem('quit');
    expect(f.window.copied).toEqual(['a7c3e9f2']);
    expect(f.window.opened).toEqual([
      'https://cloud-intl.emqx.com/console/deployments/a7c3e9f2/overview',
    ]);
    expect(f.window.shows).toEqual([undefined, undefined]);
    expect(f.window.screens).toEqual(['settings']);
    expect(f.window.quits).toBe(1);
    await f.controller.dispose();
  });

  it('opens the window on Settings from the tray, with a newer snapshot each time it is asked', async () => {
    const f = makeFixture();
    const accountId = await watching(f, 'a7c3e9f2');
    expect(f.controller.snapshot().focusScreen).toBeUndefined();

    const before = f.snapshots.length;
    await f.controller.activateTrayItem('open-settings');
    await f.advance();
    const first = f.snapshots.slice(before);
    expect(first.map((s) => s.focusScreen?.screen)).toEqual(['settings']);
    expect(first[0]?.revision).toBeGreaterThan(f.snapshots[before - 1]?.revision ?? Infinity);

    // The same request again is a new one: the window may have left Settings meanwhile.
    const seen = f.snapshots.length;
    await f.controller.activateTrayItem('open-settings');
    await f.advance();
    const second = f.snapshots.slice(seen);
    expect(second.map((s) => s.focusScreen?.screen)).toEqual(['settings']);
    expect(second[0]?.focusScreen?.seq).toBeGreaterThan(first[0]?.focusScreen?.seq ?? Infinity);
    expect(f.window.screens).toEqual(['settings', 'settings']);
    expect(f.window.shows).toEqual([undefined]);

    // Once: a later snapshot does not pull the window back to Settings.
    await ok(
      f.controller.invoke('deployment.mute', { accountId, deploymentId: 'a7c3e9f2', muted: true }),
    );
    await f.advance();
    expect(f.snapshots.at(-1)?.focusScreen).toBeUndefined();

    // The latest request wins when two come in the same tick.
    f.controller.focusScreen('settings');
    f.controller.focusDeployment(`${accountId}/a7c3e9f2`);
    await f.advance();
    expect(f.snapshots.at(-1)).toMatchObject({ focusDeploymentKey: `${accountId}/a7c3e9f2` });
    expect(f.snapshots.at(-1)?.focusScreen).toBeUndefined();
    f.controller.focusDeployment(`${accountId}/a7c3e9f2`);
    f.controller.focusScreen('settings');
    await f.advance();
    expect(f.snapshots.at(-1)?.focusScreen?.screen).toBe('settings');
    expect(f.snapshots.at(-1)?.focusDeploymentKey).toBeUndefined();
    await f.controller.dispose();
  });

  it('refreshes everything from the tray', async () => {
    const f = makeFixture();
    await watching(f, 'a7c3e9f2');
    await f.advance(MINUTE);
    const before = f.cloud.requests().length;
    await f.controller.activateTrayItem('refresh-all');
    expect(f.cloud.requests().length).toBe(before + 1);
    await f.controller.dispose();
  });
});

describe('controller: notifications', () => {
  it('announces an unexpected stop and focuses the deployment on click', async () => {
    const f = makeFixture();
    const accountId = await watching(f, 'a7c3e9f2', 'k9d2s7x4');
    const key = `${accountId}/a7c3e9f2`;
    expect(f.tray.latest.icon).toBe('all-running');

    f.cloud.setStatus('a7c3e9f2', 'stopped');
    await f.advance(5 * MINUTE);
    expect(f.notifier.requests.map((n) => [n.kind, n.deploymentKey])).toEqual([
      ['unexpected-stop', key],
    ]);
    expect(f.tray.latest.icon).toBe('unexpected-stop');

    const pushed = f.snapshots.length;
    f.notifier.shown[0]?.click();
    await f.advance();
    expect(f.window.shows.at(-1)).toBe(key);
    const focused = f.snapshots.slice(pushed);
    expect(focused[0]?.focusDeploymentKey).toBe(key);
    // A newer revision: the window keeps only snapshots newer than the one it has.
    expect(focused[0]?.revision).toBeGreaterThan(f.snapshots[pushed - 1]?.revision ?? Infinity);

    // A shell whose window was still loading asks again; the page gets another, newer one.
    f.controller.focusDeployment(key);
    f.controller.focusDeployment(key);
    await f.advance();
    const again = f.snapshots.slice(pushed + focused.length);
    expect(again.map((s) => s.focusDeploymentKey)).toEqual([key]);
    expect(again[0]?.revision).toBeGreaterThan(focused.at(-1)?.revision ?? Infinity);
    // Once: later snapshots do not pull the window back to it.
    await ok(
      f.controller.invoke('deployment.mute', { accountId, deploymentId: 'k9d2s7x4', muted: true }),
    );
    await f.advance();
    expect(f.snapshots.at(-1)?.focusDeploymentKey).toBeUndefined();
    await f.controller.dispose();
  });

  it('stays quiet about muted deployments and disabled kinds', async () => {
    const f = makeFixture();
    const accountId = await watching(f, 'a7c3e9f2', 'k9d2s7x4');
    await ok(
      f.controller.invoke('deployment.mute', { accountId, deploymentId: 'a7c3e9f2', muted: true }),
    );
    await ok(
      f.controller.invoke('preferences.update', { notifications: { 'unexpected-stop': false } }),
    );
    f.cloud.setStatus('a7c3e9f2', 'stopped');
    f.cloud.setStatus('k9d2s7x4', 'stopped');
    await f.advance(5 * MINUTE);
    expect(f.controller.snapshot().deployments.map((d) => d.statusKind)).toEqual([
      'stopped',
      'stopped',
    ]);
    expect(f.notifier.requests).toEqual([]);
    await f.controller.dispose();
  });

  it('does not announce what changed while the computer slept', async () => {
    const f = makeFixture();
    await watching(f, 'a7c3e9f2');
    f.power.suspend.emit();
    await f.advance();
    expect(f.controller.snapshot().suspended).toBe(true);
    f.cloud.setStatus('a7c3e9f2', 'stopped');
    await f.advance(60 * MINUTE);
    f.power.resume.emit();
    await f.advance(MINUTE);
    const s = f.controller.snapshot();
    expect(s.suspended).toBe(false);
    expect(s.deployments[0]?.statusKind).toBe('stopped');
    expect(f.notifier.requests).toEqual([]);
    await f.controller.dispose();
  });

  it('follows the network', async () => {
    const f = makeFixture();
    await watching(f, 'a7c3e9f2');
    f.network.set(false);
    await f.advance();
    expect(f.controller.snapshot().online).toBe(false);
    expect(f.tray.latest.icon).toBe('offline');
    f.network.set(true);
    await f.advance();
    expect(f.controller.snapshot().online).toBe(true);
    await f.controller.dispose();
  });

  it('tells when the credentials are rejected and resumes after a new secret', async () => {
    const f = makeFixture();
    const accountId = await watching(f, 'a7c3e9f2');
    await f.advance(MINUTE);
    f.cloud.failNext(1, 401);
    await ok(f.controller.invoke('deployment.refresh', {}));
    await f.advance();
    expect(f.controller.snapshot().accounts[0]?.health).toBe('auth-failed');
    expect(f.notifier.requests.map((n) => n.kind)).toEqual(['credentials-rejected']);
    const polled = f.cloud.requests().length;
    await f.advance(30 * MINUTE);
    expect(f.cloud.requests().length).toBe(polled);

    await ok(
      f.controller.invoke('account.replaceSecret', { accountId, secret: f.cloud.options.secret }),
    );
    await f.advance(MINUTE);
    expect(f.controller.snapshot().accounts[0]?.health).toBe('ok');
    expect(f.cloud.requests().length).toBeGreaterThan(polled);
    await f.controller.dispose();
  });

  it('spends one read to replace a secret: the check is the refresh', async () => {
    const f = makeFixture();
    const accountId = await watching(f, 'a7c3e9f2');
    await f.advance(MINUTE);
    const sent = f.cloud.requests().length;
    await ok(
      f.controller.invoke('account.replaceSecret', { accountId, secret: f.cloud.options.secret }),
    );
    await f.advance(10_000);
    expect(f.cloud.requests().length).toBe(sent + 1);
    expect(f.controller.snapshot().accounts[0]?.health).toBe('ok');
    await f.controller.dispose();
  });

  it('keeps the secret that works when a replacement is rejected', async () => {
    const f = makeFixture();
    const accountId = await watching(f, 'a7c3e9f2');
    const stored = f.secrets instanceof MemorySecretStore ? f.secrets : undefined;
    expect(stored?.entries.get(accountId)).toBe(f.cloud.options.secret);
    const r = await f.controller.invoke('account.replaceSecret', {
      accountId,
      secret: 'mistyped-replacement',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'AuthFailed' } });
    expect(stored?.entries.get(accountId)).toBe(f.cloud.options.secret);
    await f.advance(5 * MINUTE);
    expect(f.controller.snapshot().accounts[0]?.health).toBe('ok');
    await f.controller.dispose();
  });
});
