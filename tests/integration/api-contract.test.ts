// Contract: the real API client against the simulator over real HTTP on 127.0.0.1. Every
// endpoint and every status code the client must understand, with the simulator's clock
// injected (and shared with the client) wherever rate-limit windows have to move.
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../electron/core/api/client';
import {
  ApiError,
  AuthFailedError,
  ForbiddenError,
  InvalidStateError,
  NotFoundError,
  RateLimitedError,
  ServerError,
} from '../../electron/core/api/errors';
import type { ApiClient } from '../../electron/core/api/types';
import {
  startSimulatorServer,
  type SimulatorServer,
  type SimulatorServerOptions,
} from '../../electron/simulator/http-server';

const T0 = Date.UTC(2026, 2, 1, 8, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SEED_FIELDS = [
  'connections',
  'createAt',
  'deploymentID',
  'deploymentName',
  'deploymentType',
  'platform',
  'region',
  'status',
] as const;

const servers: SimulatorServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

interface Setup {
  server: SimulatorServer;
  client: ApiClient;
  clock: { t: number };
  clientFor(secret: string): ApiClient;
}

async function setup(opts: SimulatorServerOptions = {}): Promise<Setup> {
  const clock = { t: T0 };
  const now = () => clock.t;
  const server = await startSimulatorServer({ key: 'ck-1', secret: 'cs-1', now, ...opts });
  servers.push(server);
  const clientFor = (secret: string) =>
    createApiClient({ baseUrl: server.url, key: 'ck-1', secret, timeoutMs: 5_000, now });
  return { server, clock, client: clientFor('cs-1'), clientFor };
}

async function failure(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
}

describe('200: reads', () => {
  it('GET /deployments/{id} gives every field of the API page, typed, equal to the cloud', async () => {
    const { client, server } = await setup();
    const d = await client.getDeployment('w41b11c0');
    const truth = server.cloud.deployment('w41b11c0');
    for (const f of SEED_FIELDS) expect(d[f]).toEqual(truth?.[f]);
    expect(d).toMatchObject({
      connections: 1000,
      createAt: '2024-07-22 05:32',
      deploymentID: 'w41b11c0',
      deploymentName: 'deployment-w41b11c0',
      deploymentType: 'dedicated',
      platform: '阿里云',
      region: '杭州',
      status: 'stopped',
      extra: {},
    });
    expect(typeof d.connections).toBe('number');
  });

  it('GET /deployments gives the bare list with projectName, version and tps', async () => {
    const { client, server } = await setup();
    const list = await client.listDeployments();
    expect(list.map((d) => d.deploymentID)).toEqual(
      server.cloud.deployments().map((d) => d.deploymentID),
    );
    for (const [i, d] of list.entries()) {
      const truth = server.cloud.deployments()[i];
      for (const f of SEED_FIELDS) expect(d[f]).toEqual(truth?.[f]);
      expect(d.projectName).toBe(truth?.projectName);
      expect(d.version).toBe(truth?.version);
      expect(d.tps).toBe(truth?.tps);
      expect(d.extra).toEqual({});
    }
  });

  it('keeps an undocumented field in extra and an undocumented status verbatim', async () => {
    const { client, server } = await setup({ admin: true });
    const base = server.cloud.deployment('a7c3e9f2');
    if (base === undefined) throw new Error('default deployment missing');
    server.cloud.addDeployment({ ...base, deploymentID: 'x9y8z7w6', status: 'pending', zone: 'b' });
    server.cloud.setStatus('a7c3e9f2', 'Suspended (billing)');
    expect(await client.getDeployment('x9y8z7w6')).toMatchObject({
      status: 'pending',
      extra: { zone: 'b' },
    });
    expect((await client.getDeployment('a7c3e9f2')).status).toBe('Suspended (billing)');
  });
});

describe('201: start and stop, then the state over time', () => {
  it('start on a stopped deployment: starting, then running after startSeconds', async () => {
    const { client, clock } = await setup({ startSeconds: 120, limitScope: 'deployment' });
    expect(await client.startDeployment('w41b11c0')).toEqual({
      deploymentID: 'w41b11c0',
      deploymentName: 'deployment-w41b11c0',
      operation: 'starting',
    });
    expect((await client.getDeployment('w41b11c0')).status).toBe('starting');
    clock.t += 120_000;
    expect((await client.getDeployment('w41b11c0')).status).toBe('running');
  });

  it('stop on a running deployment: stopping, then stopped after stopSeconds', async () => {
    const { client, clock, server } = await setup({ stopSeconds: 30 });
    expect(await client.stopDeployment('a7c3e9f2')).toEqual({
      deploymentID: 'a7c3e9f2',
      deploymentName: 'production-broker',
      operation: 'stopping',
    });
    expect((await client.listDeployments())[0]?.status).toBe('stopping');
    clock.t += 30_000;
    expect((await client.listDeployments())[0]?.status).toBe('stopped');
    expect(server.cloud.changes().map((c) => c.cause)).toEqual(['user', 'transition']);
  });
});

describe('401: wrong credentials', () => {
  it('every call fails with AuthFailedError carrying the server code', async () => {
    const { clientFor } = await setup();
    const wrong = clientFor('not-the-secret');
    for (const call of [
      () => wrong.getDeployment('w41b11c0'),
      () => wrong.listDeployments(),
      () => wrong.startDeployment('w41b11c0'),
      () => wrong.stopDeployment('a7c3e9f2'),
    ]) {
      const e = await failure(call());
      expect(e).toBeInstanceOf(AuthFailedError);
      expect(e).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
      expect(e.message).not.toContain('not-the-secret');
    }
  });
});

describe('404', () => {
  it('an unknown deployment ID, for read, start and stop', async () => {
    const { client } = await setup({ limitScope: 'deployment' });
    for (const call of [
      () => client.getDeployment('nope1234'),
      () => client.startDeployment('nope1234'),
      () => client.stopDeployment('nope5678'),
    ]) {
      const e = await failure(call());
      expect(e).toBeInstanceOf(NotFoundError);
      expect(e).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    }
  });

  it('the list with the list endpoint off; the single read still works', async () => {
    const { client } = await setup({ listEndpoint: 'off' });
    const e = await failure(client.listDeployments());
    expect(e).toBeInstanceOf(NotFoundError);
    expect(e.status).toBe(404);
    expect((await client.getDeployment('a7c3e9f2')).status).toBe('running');
  });

  it('a deployment removed from the cloud', async () => {
    const { client, server } = await setup();
    expect((await client.getDeployment('k9d2s7x4')).deploymentType).toBe('serverless');
    server.cloud.removeDeployment('k9d2s7x4');
    expect(await failure(client.getDeployment('k9d2s7x4'))).toBeInstanceOf(NotFoundError);
  });
});

describe('422: start or stop in a state that does not allow it', () => {
  it('start on a running deployment, stop on a stopped one', async () => {
    const { client } = await setup({ limitScope: 'deployment' });
    const start = await failure(client.startDeployment('a7c3e9f2'));
    expect(start).toBeInstanceOf(InvalidStateError);
    expect(start).toMatchObject({ status: 422, code: 'INVALID_DEPLOYMENT_STATUS' });
    expect(start.serverMessage).toContain('running');
    const stop = await failure(client.stopDeployment('w41b11c0'));
    expect(stop).toBeInstanceOf(InvalidStateError);
    expect(stop.status).toBe(422);
  });
});

describe('429: rate limits', () => {
  it('read 61 is refused with Retry-After in seconds; allowed once the oldest is 60 min old', async () => {
    const { client, clock } = await setup({ retryAfter: 'seconds' });
    for (let i = 0; i < 60; i++) {
      clock.t = T0 + (i * MINUTE) / 2;
      await (i % 3 === 0 ? client.listDeployments() : client.getDeployment('w41b11c0'));
    }
    clock.t = T0 + 40 * MINUTE;
    const e = await failure(client.getDeployment('w41b11c0'));
    expect(e).toBeInstanceOf(RateLimitedError);
    expect(e).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
    expect((e as RateLimitedError).retryAt).toBe(T0 + HOUR);
    expect(await failure(client.listDeployments())).toBeInstanceOf(RateLimitedError);
    clock.t = T0 + HOUR;
    expect((await client.getDeployment('w41b11c0')).deploymentID).toBe('w41b11c0');
  });

  it('start/stop: the second within the hour is refused; Retry-After as an HTTP date', async () => {
    const { client, clock } = await setup({ retryAfter: 'date' });
    clock.t = T0 + 1_500;
    await client.startDeployment('w41b11c0');
    clock.t = T0 + 20 * MINUTE;
    const e = await failure(client.stopDeployment('a7c3e9f2'));
    expect(e).toBeInstanceOf(RateLimitedError);
    expect(e.status).toBe(429);
    // the HTTP date has whole seconds, rounded up
    expect((e as RateLimitedError).retryAt).toBe(T0 + HOUR + 2_000);
    clock.t = T0 + HOUR + 2_000;
    expect((await client.stopDeployment('a7c3e9f2')).operation).toBe('stopping');
  });

  it('without Retry-After the error has no retryAt', async () => {
    const { client } = await setup({ retryAfter: 'none' });
    await client.stopDeployment('a7c3e9f2');
    const e = await failure(client.startDeployment('w41b11c0'));
    expect(e).toBeInstanceOf(RateLimitedError);
    expect((e as RateLimitedError).retryAt).toBeUndefined();
    expect(e.toInfo()).not.toHaveProperty('retryAt');
  });

  it('per-deployment scope: another deployment and the list keep their own budgets', async () => {
    const { client } = await setup({ limitScope: 'deployment' });
    for (let i = 0; i < 60; i++) await client.getDeployment('w41b11c0');
    expect(await failure(client.getDeployment('w41b11c0'))).toBeInstanceOf(RateLimitedError);
    expect((await client.getDeployment('a7c3e9f2')).status).toBe('running');
    expect(await client.listDeployments()).toHaveLength(3);
    await client.startDeployment('w41b11c0');
    expect((await client.stopDeployment('a7c3e9f2')).operation).toBe('stopping');
  });
});

describe('5xx and other forced answers', () => {
  it('failRate 1: every call fails with ServerError 500/502/503 (502 as an HTML page)', async () => {
    const { client, server } = await setup({ failRate: 1, seed: 11 });
    const statuses = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const e = await failure(
        i % 2 === 0 ? client.getDeployment('w41b11c0') : client.listDeployments(),
      );
      expect(e).toBeInstanceOf(ServerError);
      statuses.add(e.status ?? 0);
    }
    expect([...statuses].sort()).toEqual([500, 502, 503]);
    const e = await failure(client.startDeployment('w41b11c0'));
    expect(e).toBeInstanceOf(ServerError);
    expect(server.cloud.deployment('w41b11c0')?.status).toBe('stopped');
  });

  it('forced answers: 503 with its code, 502 without JSON, 504, 403', async () => {
    const { client, server } = await setup();
    server.cloud.failNext(1, 503);
    server.cloud.failNext(1, 502);
    server.cloud.failNext(1, 504);
    server.cloud.failNext(1, 403);
    expect(await failure(client.getDeployment('w41b11c0'))).toMatchObject({
      kind: 'ServerError',
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
    });
    const html = await failure(client.listDeployments());
    expect(html).toBeInstanceOf(ServerError);
    expect(html.status).toBe(502);
    expect(html.code).toBeUndefined();
    expect(await failure(client.getDeployment('w41b11c0'))).toMatchObject({
      kind: 'ServerError',
      status: 504,
    });
    const forbidden = await failure(client.stopDeployment('a7c3e9f2'));
    expect(forbidden).toBeInstanceOf(ForbiddenError);
    expect(forbidden.status).toBe(403);
    expect((await client.getDeployment('w41b11c0')).status).toBe('stopped');
  });
});

describe('the simulator sees what the client sent', () => {
  it('logs each call once, with the method, path and deployment ID', async () => {
    const { client, server } = await setup();
    await client.getDeployment('w41b11c0');
    await client.listDeployments();
    await client.startDeployment('w41b11c0');
    expect(
      server.cloud.requests().map((r) => [r.method, r.route, r.deploymentId, r.status, r.time]),
    ).toEqual([
      ['GET', 'get', 'w41b11c0', 200, T0],
      ['GET', 'list', null, 200, T0],
      ['POST', 'start', 'w41b11c0', 201, T0],
    ]);
  });
});
