// A controller with fake ports, a simulated cloud answering in-process and a virtual clock.
import { createController } from '../../../electron/core/app/controller';
import type { AppController, DemoCloud } from '../../../electron/core/app/controller-types';
import { createApiClient } from '../../../electron/core/api/client';
import type { ApiClient, ApiClientOptions } from '../../../electron/core/api/types';
import { VirtualClock } from '../../../electron/core/clock';
import { settingsCodec, type PersistedSettings } from '../../../electron/core/settings';
import { createSimulatorAdapter, SimulatedCloud } from '../../../electron/simulator';
import type { AppSnapshot } from '../../../electron/shared/model';
import {
  FakeNetwork,
  FakeNotifier,
  FakePower,
  FakeTray,
  FakeWindow,
  MemorySecretStore,
  MemorySettingsStore,
} from './fake-ports';

export const KEY = 'platform-key-1';
export const SECRET = 'S3cr3t-Platform-Value-42';
export const INTL = 'https://cloud-intl.emqx.com/public_api/v1';

export interface Fixture {
  clock: VirtualClock;
  cloud: SimulatedCloud;
  secrets: MemorySecretStore;
  settings: MemorySettingsStore<PersistedSettings>;
  tray: FakeTray;
  notifier: FakeNotifier;
  window: FakeWindow;
  power: FakePower;
  network: FakeNetwork;
  logs: string[];
  snapshots: AppSnapshot[];
  controller: AppController;
  demoStops: number;
  /** Lets every queued promise settle and due timers run, `ms` of virtual time later. */
  advance(ms?: number): Promise<void>;
}

export interface FixtureOptions {
  settings?: unknown;
  keychain?: MemorySecretStore;
  cloud?: SimulatedCloud;
  /** Replaces or wraps the client the controller gets (e.g. to misbehave). */
  wrapClient?: (client: ApiClient, opts: ApiClientOptions) => ApiClient;
}

export function makeFixture(opts: FixtureOptions = {}): Fixture {
  const clock = new VirtualClock();
  const cloud =
    opts.cloud ??
    new SimulatedCloud({ key: KEY, secret: SECRET, now: clock, startSeconds: 30, stopSeconds: 20 });
  const adapter = createSimulatorAdapter(cloud);
  const demoCloud = new SimulatedCloud({ now: clock, startSeconds: 30, stopSeconds: 20 });
  const demoAdapter = createSimulatorAdapter(demoCloud);
  const DEMO_BASE = 'http://127.0.0.1:9/public_api/v1';

  const f = {
    clock,
    cloud,
    secrets: opts.keychain ?? new MemorySecretStore(),
    settings: new MemorySettingsStore(settingsCodec, opts.settings),
    tray: new FakeTray(),
    notifier: new FakeNotifier(),
    window: new FakeWindow(),
    power: new FakePower(),
    network: new FakeNetwork(),
    logs: [] as string[],
    snapshots: [] as AppSnapshot[],
    demoStops: 0,
  } as Fixture;

  f.controller = createController({
    clock,
    secrets: f.secrets,
    settings: f.settings,
    tray: f.tray,
    notifier: f.notifier,
    window: f.window,
    power: f.power,
    network: f.network,
    startDemoCloud: (): Promise<DemoCloud> =>
      Promise.resolve({
        baseUrl: DEMO_BASE,
        key: demoCloud.options.key,
        secret: demoCloud.options.secret,
        stop: () => {
          f.demoStops += 1;
          return Promise.resolve();
        },
      }),
    createClient: (o) => {
      const client = createApiClient({
        ...o,
        adapter: o.baseUrl === DEMO_BASE ? demoAdapter : adapter,
        now: () => clock.now(),
      });
      return opts.wrapClient === undefined ? client : opts.wrapClient(client, o);
    },
    log: (line) => f.logs.push(line),
    appVersion: '0.1.0-test',
    platform: { os: 'linux', loginItemSupported: true },
  });
  f.controller.onState((s) => f.snapshots.push(s));
  f.advance = (ms = 0) => clock.advance(ms);
  return f;
}

export async function ok<T>(
  result: Promise<{ ok: true; value: T } | { ok: false; error: { code: string } }>,
): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`command failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** Starts the controller and adds one international account (on the in-process cloud). */
export async function withAccount(f: Fixture): Promise<string> {
  await f.controller.start();
  const { accountId } = await ok(
    f.controller.invoke('account.add', {
      site: 'international',
      key: KEY,
      secret: SECRET,
      label: 'Work',
    }),
  );
  await f.advance();
  return accountId;
}
