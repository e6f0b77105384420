// The headless shell's server on its own, in front of a scripted controller: the served page,
// the bridge protocol and its validation, the test routes and who may connect.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { AppController } from '../../electron/core/app/controller-types';
import type { TrayModel } from '../../electron/core/tray/model';
import type { CommandName, CommandResult } from '../../electron/shared/contract';
import type { AppSnapshot } from '../../electron/shared/model';
import {
  ControllableNetworkStatus,
  ControllablePowerEvents,
  RecordingNotifier,
  RecordingTrayView,
  RecordingWindowHost,
} from '../harness/recording-ports';
import type { HarnessParts } from '../harness/routes';
import { startHarnessServer, type HarnessServer } from '../harness/server';
import type { ShellMessage } from '../harness/protocol';

const START_CONFIRM = {
  title: 'Start deployment',
  message: 'Start “broker”?',
  detail: 'Next start or stop after 60 minutes.',
  confirmLabel: 'Start',
  cancelLabel: 'Cancel',
};

const TRAY: TrayModel = {
  icon: 'mixed',
  tooltip: 'EMQX Cloud Tray',
  title: '',
  menu: [
    {
      id: 'deployment:a/d1',
      type: 'submenu',
      label: 'broker — Stopped',
      enabled: true,
      submenu: [
        {
          id: 'deployment:a/d1:start',
          type: 'normal',
          label: 'Start…',
          enabled: true,
          action: { type: 'operate', deploymentKey: 'a/d1', op: 'start', confirm: START_CONFIRM },
        },
        {
          id: 'deployment:a/d1:stop',
          type: 'normal',
          label: 'Stop… — status: stopped',
          enabled: false,
        },
      ],
    },
    { id: 'sep', type: 'separator', label: '', enabled: true },
    { id: 'quit', type: 'normal', label: 'Quit', enabled: true, action: { type: 'quit' } },
  ],
};

function snapshot(revision: number): AppSnapshot {
  return { revision } as AppSnapshot; // only `revision` is read by these tests
}

/** A controller that records what reaches it and acts on the ports like the real one would. */
function scriptedController(parts: () => HarnessParts) {
  const invoked: { command: string; request: unknown }[] = [];
  const activated: { id: string; confirmed: boolean }[] = [];
  const listeners = new Set<(s: AppSnapshot) => void>();
  let revision = 1;
  const controller: AppController = {
    async start() {},
    async invoke<C extends CommandName>(command: C, req: unknown): Promise<CommandResult<C>> {
      invoked.push({ command, request: req });
      if (command === 'deployment.refresh') throw new Error('boom');
      return { ok: true, value: { echoed: command } } as unknown as CommandResult<C>;
    },
    snapshot: () => snapshot(revision),
    onState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async activateTrayItem(id) {
      const confirmed = await parts().window.confirm(START_CONFIRM);
      activated.push({ id, confirmed });
      if (confirmed)
        parts().notifier.show(
          { id: 'n1', kind: 'became-running', title: 'broker', body: 'Running', urgency: 'normal' },
          () => parts().window.show('a/d1'),
        );
    },
    focusDeployment() {},
    focusScreen() {},
    async dispose() {},
  };
  const push = () => {
    revision += 1;
    for (const l of listeners) l(snapshot(revision));
  };
  return { controller, invoked, activated, push, listenerCount: () => listeners.size };
}

let rendererDir: string;
let server: HarnessServer;
let parts: HarnessParts;
let fake: ReturnType<typeof scriptedController>;
let origin: string;

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'harness-renderer-'));
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="./assets/app.js"></script></head><body></body></html>',
  );
  fake = scriptedController(() => parts);
  const tray = new RecordingTrayView();
  tray.render(TRAY);
  parts = {
    controller: fake.controller,
    tray,
    notifier: new RecordingNotifier(),
    window: new RecordingWindowHost('en-US'),
    power: new ControllablePowerEvents(),
    network: new ControllableNetworkStatus(true),
    logLines: () => [],
  };
  server = await startHarnessServer({ parts, rendererDir });
  origin = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server?.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  json: unknown;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

function http(
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, json, text, headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const post = (path: string, body: unknown) =>
  http('POST', path, typeof body === 'string' ? body : JSON.stringify(body), {
    'content-type': 'application/json',
  });

/** `null` sends no Origin header at all, as a non-browser client would. */
function connect(wsOrigin: string | null = origin): Promise<WebSocket> {
  const ws = new WebSocket(
    `ws://127.0.0.1:${server.port}/__harness/ws`,
    wsOrigin === null ? {} : { origin: wsOrigin },
  );
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket, type: ShellMessage['type']): Promise<ShellMessage> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const m = JSON.parse(data.toString()) as ShellMessage;
      if (m.type !== type) return;
      ws.off('message', onMessage);
      resolve(m);
    };
    ws.on('message', onMessage);
  });
}

async function invoke(ws: WebSocket, id: number, command: string, req: unknown) {
  const reply = nextMessage(ws, 'result');
  ws.send(JSON.stringify({ type: 'invoke', id, command, request: req }));
  const m = await reply;
  if (m.type !== 'result') throw new Error('unreachable');
  expect(m.id).toBe(id);
  return m.result;
}

describe('served window UI', () => {
  it('loads the bridge before the app script', async () => {
    const page = await http('GET', '/');
    expect(page.status).toBe(200);
    const bridgeAt = page.text.indexOf('<script src="/__harness/bridge.js"></script>');
    const appAt = page.text.indexOf('./assets/app.js');
    expect(bridgeAt).toBeGreaterThan(0);
    expect(bridgeAt).toBeLessThan(appAt);
  });

  it('serves the bridge as a script that defines window.api', async () => {
    const script = await http('GET', '/__harness/bridge.js');
    expect(script.status).toBe(200);
    expect(script.text).toContain('/__harness/ws');
    expect(script.text).toMatch(/api:\s*Object\.freeze/);
  });

  it('refuses paths outside the renderer directory', async () => {
    const r = await http('GET', '/..%2f..%2fetc%2fpasswd');
    expect([403, 404]).toContain(r.status);
    expect(r.text).not.toContain('root:');
  });
});

describe('WebSocket bridge', () => {
  it('validates and forwards a command, answering by id', async () => {
    const ws = await connect();
    const result = await invoke(ws, 7, 'deployment.mute', {
      accountId: 'a',
      deploymentId: 'd1',
      muted: true,
    });
    expect(result).toEqual({ ok: true, value: { echoed: 'deployment.mute' } });
    expect(fake.invoked.at(-1)).toEqual({
      command: 'deployment.mute',
      request: { accountId: 'a', deploymentId: 'd1', muted: true },
    });
    ws.close();
  });

  it('rejects an invalid payload before the controller sees it', async () => {
    const ws = await connect();
    const before = fake.invoked.length;
    const result = await invoke(ws, 8, 'deployment.operate', {
      accountId: 'a',
      deploymentId: 'd1',
      op: 'start',
      confirmed: false,
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'errors.invalidRequest', params: { field: 'confirmed' } },
    });
    const unknown = await invoke(ws, 9, 'secrets.dump', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'errors.invalidRequest' } });
    const extra = await invoke(ws, 10, 'state.get', { sneaky: 1 });
    expect(extra).toMatchObject({ ok: false, error: { code: 'errors.invalidRequest' } });
    expect(fake.invoked.length).toBe(before);
    ws.close();
  });

  it('answers a controller failure as data', async () => {
    const ws = await connect();
    const result = await invoke(ws, 11, 'deployment.refresh', {});
    expect(result).toEqual({ ok: false, error: { code: 'errors.unknown' } });
    ws.close();
  });

  it('pushes state changes and stops when the page goes away', async () => {
    const ws = await connect();
    await vi.waitFor(() => expect(fake.listenerCount()).toBe(1));
    const pushed = nextMessage(ws, 'state');
    fake.push();
    const m = await pushed;
    expect(m.type === 'state' && m.snapshot.revision).toBe(fake.controller.snapshot().revision);
    ws.close();
    await vi.waitFor(() => expect(fake.listenerCount()).toBe(0));
  });

  it('closes the connection on a message that is not an invoke envelope', async () => {
    const ws = await connect();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('not json');
    expect(await closed).toBe(1008);
  });

  it('refuses a page from another origin and a client without one', async () => {
    await expect(connect('http://evil.example')).rejects.toThrow(/403/);
    await expect(connect(`http://127.0.0.1:${server.port + 1}`)).rejects.toThrow(/403/);
    await expect(connect(null)).rejects.toThrow(/403/);
  });
});

describe('test routes', () => {
  it('answers the recorded tray model itself, with the render count in a header', async () => {
    const r = await http('GET', '/__harness/tray');
    expect(r.status).toBe(200);
    expect(r.json).toEqual(TRAY);
    expect(r.headers['x-harness-render-count']).toBe('1');
    parts.tray.render({ ...TRAY, icon: 'all-running' });
    const again = await http('GET', '/__harness/tray');
    expect(again.json).toMatchObject({ icon: 'all-running' });
    expect(again.headers['x-harness-render-count']).toBe('2');
    parts.tray.render(TRAY);
  });

  it('draws the recorded tray as an HTML menu with a submenu opened', async () => {
    const page = await http('GET', '/__harness/tray.html?theme=dark&open=deployment%3Aa%2Fd1');
    expect(page.status).toBe(200);
    expect(page.text).toContain('color-scheme: dark');
    expect(page.text).toContain('data-id="deployment:a/d1:start"');
    expect(page.text).toContain('<li class="item open" data-id="deployment:a/d1">');
    expect(page.text).toContain('<li class="item disabled" data-id="deployment:a/d1:stop">');
    expect(page.text).toContain('<span class="label">broker — Stopped</span>');
    const closed = await http('GET', '/__harness/tray.html');
    expect(closed.text).not.toContain('data-id="deployment:a/d1:start"');
    expect((await http('GET', '/__harness/tray.html?theme=blue')).status).toBe(400);
  });

  it('clicks a tray item, cancelling its confirmation unless told to confirm', async () => {
    const cancelled = await post('/__harness/tray/click', { id: 'deployment:a/d1:start' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json).toEqual({
      activated: 'deployment:a/d1:start',
      confirmations: [{ request: START_CONFIRM, answer: false }],
    });
    const confirmed = await post('/__harness/tray/click', {
      id: 'deployment:a/d1:start',
      confirm: true,
    });
    expect(confirmed.json).toMatchObject({ confirmations: [{ answer: true }] });
    expect(fake.activated.slice(-2)).toEqual([
      { id: 'deployment:a/d1:start', confirmed: false },
      { id: 'deployment:a/d1:start', confirmed: true },
    ]);
  });

  it('refuses disabled, unknown and inert menu items', async () => {
    const before = fake.activated.length;
    const disabled = await post('/__harness/tray/click', { id: 'deployment:a/d1:stop' });
    expect(disabled.status).toBe(409);
    expect(disabled.json).toEqual({
      error: 'Menu item "deployment:a/d1:stop" is disabled: "Stop… — status: stopped".',
    });
    const unknown = await post('/__harness/tray/click', { id: 'nope' });
    expect(unknown.status).toBe(404);
    expect((await post('/__harness/tray/click', { id: 'sep' })).status).toBe(409);
    expect(fake.activated.length).toBe(before);
  });

  it('lists and clicks notifications', async () => {
    const list = await http('GET', '/__harness/notifications');
    expect(list.json).toEqual([
      expect.objectContaining({ index: 0, id: 'n1', kind: 'became-running', clicked: 0 }),
    ]);
    const clicked = await post('/__harness/notifications/click', { index: 0 });
    expect(clicked.status).toBe(200);
    const window = (await http('GET', '/__harness/window')).json as { shows: unknown[] };
    expect(window.shows).toEqual([{ deploymentKey: 'a/d1' }]);
    expect((await post('/__harness/notifications/click', { index: 5 })).status).toBe(404);
  });

  it('raises power and network events', async () => {
    const seen: string[] = [];
    parts.power.on('suspend', () => seen.push('suspend'));
    parts.network.onChange((online) => seen.push(online ? 'online' : 'offline'));
    expect((await post('/__harness/power', { event: 'suspend' })).status).toBe(200);
    expect((await post('/__harness/network', { online: false })).json).toEqual({ online: false });
    expect((await post('/__harness/network', { online: true })).status).toBe(200);
    expect(seen).toEqual(['suspend', 'offline', 'online']);
  });

  it('answers bad JSON and wrong shapes with 400 and a clear message', async () => {
    const bad = await post('/__harness/power', '{"event":');
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({
      error: expect.stringMatching(/^The request body is not valid JSON/),
    });
    const wrong = await post('/__harness/power', { event: 'hibernate' });
    expect(wrong.status).toBe(400);
    expect(wrong.json).toEqual({
      error: 'The request body must look like {"event": "suspend"|"resume"}.',
    });
    expect((await http('GET', '/__harness/power')).status).toBe(405);
    expect((await http('GET', '/__harness/nothing')).status).toBe(404);
  });

  it('refuses requests from another origin or addressed by another name', async () => {
    const foreign = await http('POST', '/__harness/power', '{"event":"resume"}', {
      origin: 'http://evil.example',
    });
    expect(foreign.status).toBe(403);
    const rebound = await http('GET', '/__harness/tray', undefined, {
      host: `evil.example:${server.port}`,
    });
    expect(rebound.status).toBe(403);
  });
});

describe('renderer not built', () => {
  it('says how to build it', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'harness-empty-'));
    try {
      await expect(startHarnessServer({ parts, rendererDir: empty })).rejects.toThrow(
        /run npm run build:renderer/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
