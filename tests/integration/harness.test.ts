// The headless shell with the real controller, keychain and settings file, in front of a
// simulator: test routes, the WebSocket bridge with validation and pushes, and who may connect.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { createKeyringSecretStore } from '../../electron/core/accounts/keyring-secret-store';
import { findMenuItem } from '../../electron/core/tray/find';
import type { CommandName, CommandResult } from '../../electron/shared/contract';
import type { AppSnapshot } from '../../electron/shared/model';
import { startSimulatorServer, type SimulatorServer } from '../../electron/simulator';
import { startHarness, type Harness } from '../harness/harness';
import type { ShellMessage } from '../harness/protocol';
import { HarnessClient } from '../e2e/support/harness-client';

const SERVICE = `emqx-cloud-tray-test-${process.pid}-${randomBytes(4).toString('hex')}`;
const SECRET = `harness-secret-${randomBytes(6).toString('hex')}`;

let sim: SimulatorServer;
let harness: Harness;
let client: HarnessClient;
let profileDir: string;
const secrets = createKeyringSecretStore({ service: SERVICE });

beforeAll(async () => {
  sim = await startSimulatorServer({ key: 'harness-key', secret: SECRET, admin: true });
  profileDir = mkdtempSync(join(tmpdir(), 'harness-profile-'));
  harness = await startHarness({ profileDir, keyringService: SERVICE });
  client = new HarnessClient(harness.url);
});

afterAll(async () => {
  for (const account of harness?.controller.snapshot().accounts ?? []) {
    await secrets.delete(account.id);
  }
  await harness?.close();
  await sim?.close();
  rmSync(profileDir, { recursive: true, force: true });
});

class Page {
  readonly states: AppSnapshot[] = [];
  private readonly waiting = new Map<number, (r: CommandResult<CommandName>) => void>();
  private nextId = 1;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const m = JSON.parse(data.toString()) as ShellMessage;
      if (m.type === 'state') this.states.push(m.snapshot);
      else this.waiting.get(m.id)?.(m.result);
    });
  }

  static open(origin: string): Promise<Page> {
    const ws = new WebSocket(`ws://127.0.0.1:${harness.port}/__harness/ws`, { origin });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new Page(ws)));
      ws.once('error', reject);
    });
  }

  invoke(command: string, request: unknown): Promise<CommandResult<CommandName>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.ws.send(JSON.stringify({ type: 'invoke', id, command, request }));
    });
  }
}

function value<T>(result: CommandResult<CommandName>): T {
  if (!result.ok) throw new Error(`command failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

describe('headless shell with the real controller', () => {
  let page: Page;

  beforeAll(async () => {
    page = await Page.open(harness.url.replace(/\/$/, ''));
  });

  afterAll(() => page?.ws.close());

  it('draws the first-run tray', async () => {
    const tray = await client.tray();
    expect(tray.icon).toBe('not-set-up');
    expect(findMenuItem(tray, 'setup')?.enabled).toBe(true);
  });

  it('answers state.get over the WebSocket', async () => {
    const snapshot = value<AppSnapshot>(await page.invoke('state.get', {}));
    expect(snapshot.accounts).toEqual([]);
    expect(snapshot.platform.loginItemSupported).toBe(false);
  });

  it('rejects invalid payloads before the controller acts', async () => {
    const bad = await page.invoke('account.add', {
      site: 'mars',
      key: 'harness-key',
      secret: SECRET,
      label: 'x',
    });
    expect(bad).toEqual({
      ok: false,
      error: { code: 'errors.invalidRequest', params: { field: 'site' } },
    });
    const unconfirmed = await page.invoke('deployment.operate', {
      accountId: 'a',
      deploymentId: 'w41b11c0',
      op: 'start',
      confirmed: false,
    });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'errors.invalidRequest' } });
    expect((await client.state()).accounts).toEqual([]);
  });

  it('adds an account, stores its secret in the keychain and pushes the new state', async () => {
    const pushesBefore = page.states.length;
    const added = value<{ accountId: string }>(
      await page.invoke('account.add', {
        site: 'custom',
        baseUrl: sim.url,
        key: 'harness-key',
        secret: SECRET,
        label: 'Harness',
      }),
    );
    expect(await secrets.get(added.accountId)).toBe(SECRET);
    await vi.waitFor(() => {
      const latest = page.states.at(-1);
      expect(page.states.length).toBeGreaterThan(pushesBefore);
      expect(latest?.accounts.map((a) => a.label)).toEqual(['Harness']);
    });
    value(
      await page.invoke('deployment.add', { accountId: added.accountId, deploymentId: 'w41b11c0' }),
    );
    await vi.waitFor(async () => {
      const tray = await client.tray();
      const row = findMenuItem(tray, `deployment:${added.accountId}/w41b11c0`);
      expect(row?.status).toBe('stopped');
    }, 10_000);
  });

  it('records what tray items ask of the window', async () => {
    const account = (await client.state()).accounts[0];
    if (account === undefined) throw new Error('no account');
    const reply = await client.clickTray(`deployment:${account.id}/w41b11c0:copy-id`);
    expect(reply.status).toBe(200);
    expect((await client.window()).copyText).toEqual(['w41b11c0']);
    await client.clickTray('open-settings');
    expect((await client.window()).shows.length).toBeGreaterThan(0);
  });

  it('cancels a start from the tray unless the test confirms it', async () => {
    const account = (await client.state()).accounts[0];
    if (account === undefined) throw new Error('no account');
    const reply = await client.clickTray(`deployment:${account.id}/w41b11c0:start`);
    expect(reply.body).toMatchObject({ confirmations: [{ answer: false }] });
    const counters = (await (
      await fetch(`http://127.0.0.1:${sim.port}/__sim/counters`)
    ).json()) as { byRoute: Record<string, number> };
    expect(counters.byRoute.start).toBe(0);
  });

  it('takes the machine offline and back', async () => {
    await client.network(false);
    await vi.waitFor(async () => expect((await client.state()).online).toBe(false));
    expect(findMenuItem(await client.tray(), 'refresh-all')?.enabled).toBe(false);
    await client.network(true);
    await vi.waitFor(async () => expect((await client.state()).online).toBe(true));
    await client.power('suspend');
    await vi.waitFor(async () => expect((await client.state()).suspended).toBe(true));
    await client.power('resume');
    await vi.waitFor(async () => expect((await client.state()).suspended).toBe(false));
  });

  it('refuses a WebSocket from another origin', async () => {
    await expect(Page.open('http://attacker.example')).rejects.toThrow(/403/);
  });

  it('serves the built window UI with the bridge ahead of the app', async () => {
    const html = await (await fetch(harness.url)).text();
    expect(html.indexOf('/__harness/bridge.js')).toBeGreaterThan(0);
    expect(html.indexOf('/__harness/bridge.js')).toBeLessThan(html.indexOf('./assets/index-'));
  });
});

describe('startHarness', () => {
  it('says how to build the window UI when it is missing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'harness-norenderer-'));
    try {
      await expect(
        startHarness({ profileDir: join(empty, 'p'), rendererDir: empty, keyringService: SERVICE }),
      ).rejects.toThrow('run npm run build:renderer');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
