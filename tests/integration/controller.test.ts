// The controller against the simulator over real HTTP on 127.0.0.1: file settings in a temp
// directory, an in-memory keychain, fake shell ports, and virtual time shared by the controller
// and the simulated cloud (requests travel over real sockets; the clock waits for them).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createController } from '../../electron/core/app/controller';
import type { AppController } from '../../electron/core/app/controller-types';
import { createApiClient } from '../../electron/core/api/client';
import type { ApiClient } from '../../electron/core/api/types';
import { VirtualClock, flushMicrotasks } from '../../electron/core/clock';
import { createFileSettingsStore, settingsCodec } from '../../electron/core/settings';
import { findMenuItem } from '../../electron/core/tray/find';
import { startSimulatorServer, type SimulatorServer } from '../../electron/simulator';
import {
  FakeNetwork,
  FakeNotifier,
  FakePower,
  FakeTray,
  FakeWindow,
  MemorySecretStore,
} from '../unit/app/fake-ports';

const KEY = 'integration-key';
const SECRET = 'integration-secret-9f8e7d';
const MINUTE = 60_000;

let dir: string;
let server: SimulatorServer;
let controller: AppController;
const clock = new VirtualClock();
const inFlight = new Set<Promise<unknown>>();
const secrets = new MemorySecretStore();
const tray = new FakeTray();
const notifier = new FakeNotifier();
const window = new FakeWindow();
const logs: string[] = [];
let accountId = '';

/** Tracks every request so virtual time only moves on once the answers are in. */
function tracked(client: ApiClient): ApiClient {
  const track =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      const p = fn(...args);
      inFlight.add(p);
      void p.catch(() => undefined).finally(() => inFlight.delete(p));
      return p;
    };
  return {
    baseUrl: client.baseUrl,
    getDeployment: track(client.getDeployment.bind(client)),
    listDeployments: track(client.listDeployments.bind(client)),
    startDeployment: track(client.startDeployment.bind(client)),
    stopDeployment: track(client.stopDeployment.bind(client)),
  };
}

async function settle(): Promise<void> {
  for (;;) {
    await flushMicrotasks();
    if (inFlight.size === 0) {
      await flushMicrotasks();
      if (inFlight.size === 0) return;
    }
    await Promise.allSettled([...inFlight]);
  }
}

const advance = (ms: number): Promise<void> => clock.advance(ms, settle);

async function adminSetStatus(id: string, status: string): Promise<void> {
  const origin = new URL(server.url).origin;
  const res = await fetch(`${origin}/__sim/deployments/${id}/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status }),
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'controller-it-'));
  server = await startSimulatorServer({
    admin: true,
    key: KEY,
    secret: SECRET,
    startSeconds: 20,
    stopSeconds: 10,
    now: clock,
  });
  controller = createController({
    clock,
    secrets,
    settings: createFileSettingsStore({ dir, codec: settingsCodec, now: () => clock.now() }),
    tray,
    notifier,
    window,
    power: new FakePower(),
    network: new FakeNetwork(),
    startDemoCloud: () => Promise.reject(new Error('no demo in this test')),
    createClient: (o) => tracked(createApiClient({ ...o, now: () => clock.now() })),
    log: (line) => logs.push(line),
    appVersion: '0.1.0-it',
    platform: { os: 'linux', loginItemSupported: false },
  });
});

afterAll(async () => {
  await controller?.dispose();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('controller over HTTP', () => {
  it('starts on first run with the window shown', async () => {
    await controller.start();
    expect(window.shows).toEqual([undefined]);
    expect(tray.latest.icon).toBe('not-set-up');
  });

  it('adds an account on the simulator and watches its deployments', async () => {
    const test = await controller.invoke('account.test', {
      site: 'custom',
      baseUrl: server.url,
      key: KEY,
      secret: SECRET,
    });
    expect(test).toEqual({ ok: true, value: { ok: true, deploymentCount: 3 } });

    const added = await controller.invoke('account.add', {
      site: 'custom',
      baseUrl: server.url,
      key: KEY,
      secret: SECRET,
      label: 'Simulator',
    });
    if (!added.ok) throw new Error(JSON.stringify(added.error));
    accountId = added.value.accountId;
    expect(secrets.entries.get(accountId)).toBe(SECRET);

    const available = await controller.invoke('deployments.available', { accountId });
    if (!available.ok || !available.value.supported) throw new Error('list expected');
    for (const d of available.value.deployments) {
      const r = await controller.invoke('deployment.add', {
        accountId,
        deploymentId: d.deploymentID,
      });
      expect(r.ok).toBe(true);
    }
    await advance(0);
    const s = controller.snapshot();
    expect(s.deployments.map((d) => [d.deploymentId, d.statusKind])).toEqual([
      ['a7c3e9f2', 'running'],
      ['w41b11c0', 'stopped'],
      ['k9d2s7x4', 'running'],
    ]);
    expect(tray.latest.icon).toBe('mixed');
  });

  it('starts a deployment from the tray only after confirmation, then sees it running', async () => {
    const itemId = `deployment:${accountId}/w41b11c0:start`;
    expect(findMenuItem(tray.latest, itemId)?.enabled).toBe(true);

    window.confirmAnswer = false;
    await controller.activateTrayItem(itemId);
    expect(server.cloud.counters().byRoute.start).toBe(0);

    window.confirmAnswer = true;
    await controller.activateTrayItem(itemId);
    expect(server.cloud.counters().byRoute.start).toBe(1);
    await advance(0);
    expect(tray.latest.icon).toBe('transitional');
    expect(controller.snapshot().deployments[1]?.statusKind).toBe('starting');

    await advance(MINUTE);
    expect(controller.snapshot().deployments[1]?.statusKind).toBe('running');
    expect(tray.latest.icon).toBe('all-running');
    expect(notifier.requests.map((n) => [n.kind, n.deploymentKey])).toEqual([
      ['became-running', `${accountId}/w41b11c0`],
    ]);
    // The next start or stop waits for the hour, and the menu says until when.
    const stop = findMenuItem(tray.latest, `deployment:${accountId}/w41b11c0:stop`);
    expect(stop).toMatchObject({ enabled: false });
    expect(stop?.label).toMatch(/^Stop — available at \d{2}:\d{2}$/);
    expect(stop?.action).toBeUndefined();
  });

  it('announces a stop forced by the cloud and changes the tray icon', async () => {
    await adminSetStatus('a7c3e9f2', 'stopped');
    await advance(5 * MINUTE);
    const d = controller.snapshot().deployments[0];
    expect(d).toMatchObject({ statusKind: 'stopped', unexpectedStop: true });
    expect(tray.latest.icon).toBe('unexpected-stop');
    const last = notifier.requests.at(-1);
    expect(last).toMatchObject({ kind: 'unexpected-stop', deploymentKey: `${accountId}/a7c3e9f2` });
    expect(last?.urgency).toBe('critical');

    const revision = controller.snapshot().revision;
    notifier.shown.at(-1)?.click();
    expect(window.shows.at(-1)).toBe(`${accountId}/a7c3e9f2`);
    // The window opens that deployment from a newer snapshot.
    const focused = controller.snapshot();
    expect(focused.focusDeploymentKey).toBe(`${accountId}/a7c3e9f2`);
    expect(focused.revision).toBeGreaterThan(revision);
  });

  it('keeps the settings file free of the secret', async () => {
    await advance(0);
    const text = readFileSync(join(dir, 'settings.json'), 'utf8');
    expect(JSON.parse(text)).toMatchObject({
      version: 2,
      accounts: [{ id: accountId, label: 'Simulator', site: 'custom', keyId: KEY }],
    });
    expect(text).not.toContain(SECRET);
    expect(logs.join('\n')).not.toContain(SECRET);
  });
});
