// The HTTP wrapper around the simulated cloud: loopback only, the wire format, latency, the
// control routes, and a close() that does not wait for keep-alive sockets.
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulatorServer, type SimulatorServer } from '../../electron/simulator/http-server';

const servers: SimulatorServer[] = [];
const headers = {
  authorization: `Basic ${Buffer.from('demo-key:demo-secret').toString('base64')}`,
};

async function serve(opts: Parameters<typeof startSimulatorServer>[0] = {}) {
  const s = await startSimulatorServer(opts);
  servers.push(s);
  return s;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('startSimulatorServer', () => {
  it('listens on 127.0.0.1 and hands out the Platform API base URL', async () => {
    const s = await serve();
    expect(s.url).toBe(`http://127.0.0.1:${s.port}/public_api/v1`);
    expect(s.port).toBeGreaterThan(0);
    await expect(startSimulatorServer({ host: '0.0.0.0' as '127.0.0.1' })).rejects.toThrow(
      /127\.0\.0\.1/,
    );
    await expect(startSimulatorServer({ latencyMs: -1 })).rejects.toThrow(RangeError);
  });

  it('answers with JSON, content-length and Retry-After headers on the wire', async () => {
    const s = await serve({ retryAfter: 'date' });
    const ok = await fetch(`${s.url}/deployments/w41b11c0`, { headers });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await ok.json()).toMatchObject({ deploymentID: 'w41b11c0' });
    expect(
      (await fetch(`${s.url}/deployments/w41b11c0/start`, { method: 'POST', headers })).status,
    ).toBe(201);
    const limited = await fetch(`${s.url}/deployments/a7c3e9f2/stop`, { method: 'POST', headers });
    expect(limited.status).toBe(429);
    expect(Date.parse(limited.headers.get('retry-after') ?? '')).toBeGreaterThan(Date.now());
    expect(s.cloud.requests().map((r) => r.status)).toEqual([200, 201, 429]);
  });

  it('serves the 502 of an injected failure as HTML', async () => {
    const s = await serve();
    s.cloud.failNext(1, 502);
    const res = await fetch(`${s.url}/deployments`, { headers });
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('Bad Gateway');
  });

  it('delays answers by latencyMs', async () => {
    const s = await serve({ latencyMs: 150 });
    const started = performance.now();
    expect((await fetch(`${s.url}/deployments`, { headers })).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('offers the control routes only with admin on', async () => {
    const off = await serve();
    const base = (s: SimulatorServer) => `http://127.0.0.1:${s.port}/__sim`;
    expect((await fetch(`${base(off)}/requests`)).status).toBe(401);
    expect((await fetch(`${base(off)}/requests`, { headers })).status).toBe(404);

    const on = await serve({ admin: true });
    const forced = await fetch(`${base(on)}/deployments/a7c3e9f2/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'stopped' }),
    });
    expect(forced.status).toBe(200);
    const seen = await fetch(`${on.url}/deployments/a7c3e9f2`, { headers });
    expect(await seen.json()).toMatchObject({ status: 'stopped' });
    const changes = (await (await fetch(`${base(on)}/changes`)).json()) as { cause: string }[];
    expect(changes).toEqual([
      expect.objectContaining({ deploymentId: 'a7c3e9f2', cause: 'external' }),
    ]);
    const added = await fetch(`${base(on)}/deployments`, {
      method: 'POST',
      body: JSON.stringify({ ...on.cloud.deployment('w41b11c0'), deploymentID: 'zz11yy22' }),
    });
    expect(added.status).toBe(201);
    expect((await fetch(`${base(on)}/deployments/zz11yy22`, { method: 'DELETE' })).status).toBe(
      200,
    );
    expect((await fetch(`${on.url}/deployments/zz11yy22`, { headers })).status).toBe(404);
    expect((await fetch(`${base(on)}/reset-limits`, { method: 'POST' })).status).toBe(200);
    const log = (await (await fetch(`${base(on)}/requests`)).json()) as { path: string }[];
    expect(log.map((r) => r.path)).toEqual([
      '/public_api/v1/deployments/a7c3e9f2',
      '/public_api/v1/deployments/zz11yy22',
    ]);
  });

  it('close() ends keep-alive connections and pending delayed answers promptly', async () => {
    // fetch keeps connections alive between requests by default
    const idle = await serve();
    const slow = await serve({ latencyMs: 10_000 });
    expect((await fetch(`${idle.url}/deployments`, { headers })).status).toBe(200);
    const pending = fetch(`${slow.url}/deployments`, { headers }).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((r) => setTimeout(r, 50));
    const started = performance.now();
    await Promise.all([idle.close(), slow.close()]);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await pending).toBe('cut');
    await expect(slow.close()).resolves.toBeUndefined(); // idempotent
  });
});
