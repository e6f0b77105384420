import { describe, expect, it } from 'vitest';
import { API_BASE_PATH, SimulatedCloud, serializeBody } from '../../../electron/simulator/cloud';
import { defaultDeployments } from '../../../electron/simulator/deployment-data';
import { T0, basic, demo, makeCloud } from './cloud-fixture';

const SEED_FIELDS = {
  connections: 'number',
  createAt: 'string',
  deploymentID: 'string',
  deploymentName: 'string',
  deploymentType: 'string',
  platform: 'string',
  region: 'string',
  status: 'string',
} as const;

describe('authentication comes first', () => {
  it('answers 401 JSON without credentials, on every path', () => {
    const { call } = makeCloud();
    for (const path of ['/deployments', '/deployments/w41b11c0', '/deployments/nope', '/nothing']) {
      const res = call('GET', path, {});
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual({ code: 'UNAUTHORIZED', message: expect.any(String) });
    }
    expect(call('POST', '/deployments/w41b11c0/start', {}).status).toBe(401);
  });

  it('refuses a wrong secret, a wrong key and a header that is not Basic', () => {
    const { call } = makeCloud();
    expect(call('GET', '/deployments/w41b11c0', basic('demo-key', 'wrong')).status).toBe(401);
    expect(call('GET', '/deployments/w41b11c0', basic('other', 'demo-secret')).status).toBe(401);
    expect(call('GET', '/deployments/w41b11c0', { authorization: 'Bearer abc' }).status).toBe(401);
    expect(call('GET', '/deployments/w41b11c0', { authorization: 'Basic !!!' }).status).toBe(401);
    expect(call('GET', '/deployments/w41b11c0', basic()).status).toBe(200);
  });

  it('accepts configured credentials, a secret containing a colon and any header case', () => {
    const { call } = makeCloud({ key: 'K1', secret: 'se:cr:et' });
    const header = basic('K1', 'se:cr:et').authorization ?? '';
    expect(call('GET', '/deployments/w41b11c0', { Authorization: header }).status).toBe(200);
    expect(call('GET', '/deployments/w41b11c0', basic()).status).toBe(401);
  });

  it('does not change state for an unauthenticated start', () => {
    const { call, cloud } = makeCloud();
    expect(call('POST', '/deployments/w41b11c0/start', basic('demo-key', 'x')).status).toBe(401);
    expect(cloud.deployment('w41b11c0')?.status).toBe('stopped');
    expect(cloud.changes()).toEqual([]);
  });
});

describe('routes', () => {
  it('serves one deployment with every field of the API page, typed the same, no list fields', () => {
    const { get } = makeCloud();
    const res = get('w41b11c0');
    expect(res.status).toBe(200);
    const body = res.body as Record<string, unknown>;
    for (const [name, type] of Object.entries(SEED_FIELDS)) expect(typeof body[name]).toBe(type);
    expect(body).toEqual({
      connections: 1000,
      createAt: '2024-07-22 05:32',
      deploymentID: 'w41b11c0',
      deploymentName: 'deployment-w41b11c0',
      deploymentType: 'dedicated',
      platform: '阿里云',
      region: '杭州',
      status: 'stopped',
    });
  });

  it('serves the list as a bare array with projectName, version and tps', () => {
    const { list } = makeCloud();
    const res = list();
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(true);
    const items = res.body as Record<string, unknown>[];
    expect(items.map((d) => d.deploymentID)).toEqual(['a7c3e9f2', 'w41b11c0', 'k9d2s7x4']);
    for (const d of items) {
      for (const [name, type] of Object.entries(SEED_FIELDS)) expect(typeof d[name]).toBe(type);
      expect(typeof d.projectName).toBe('string');
      expect(typeof d.version).toBe('string');
      expect(typeof d.tps).toBe('number');
    }
  });

  it('keeps undocumented fields of a deployment and serves them unchanged', () => {
    const { get, list } = makeCloud({
      deployments: [{ ...demo(0), deploymentID: 'x1y2z3w4', extraField: { a: 1 } }],
    });
    expect((get('x1y2z3w4').body as Record<string, unknown>).extraField).toEqual({ a: 1 });
    expect((list().body as Record<string, unknown>[])[0]?.extraField).toEqual({ a: 1 });
  });

  it('answers 404 JSON for unknown IDs, unknown routes and wrong methods', () => {
    const { get, call, start } = makeCloud();
    for (const res of [
      get('zzzzzzzz'),
      start('zzzzzzzz'),
      // start and stop share one budget of 1; a fresh cloud for the stop
      makeCloud().stop('zzzzzzzz'),
      call('GET', '/nothing'),
      call('GET', '/deployments/w41b11c0/start'),
      call('DELETE', '/deployments/w41b11c0'),
      call('POST', '/deployments'),
      call('PUT', '/deployments/w41b11c0/restart'),
      call('GET', '/deployments/w41b11c0/start/extra'),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
    }
    expect(
      new SimulatedCloud().handle({ method: 'GET', path: '/deployments', headers: basic() }).status,
    ).toBe(404);
  });

  it('ignores a query string and one trailing slash; decodes the ID', () => {
    const { call } = makeCloud();
    expect(call('GET', '/deployments/w41b11c0?x=1').status).toBe(200);
    expect(call('GET', '/deployments/').status).toBe(200);
    expect(call('GET', '/deployments/w41%6211c0').status).toBe(200);
    expect(call('GET', '/deployments/%E0%A4%A').status).toBe(404);
  });

  it('with the list endpoint off, answers 404 for the list only', () => {
    const { list, get, cloud } = makeCloud({ listEndpoint: 'off' });
    expect(list().status).toBe(404);
    expect(get('w41b11c0').status).toBe(200);
    expect(cloud.limitUsage('read')).toBe(1);
  });

  it('serializes JSON bodies and leaves text bodies as they are', () => {
    const { get } = makeCloud();
    expect(JSON.parse(serializeBody(get('w41b11c0')))).toMatchObject({ deploymentID: 'w41b11c0' });
    expect(
      serializeBody({ status: 502, headers: { 'content-type': 'text/html' }, body: '<p>x</p>' }),
    ).toBe('<p>x</p>');
  });
});

describe('defaults and options', () => {
  it('starts from three realistic deployments with 8-character IDs', () => {
    const ds = defaultDeployments();
    expect(ds).toHaveLength(3);
    for (const d of ds) expect(d.deploymentID).toMatch(/^[a-z0-9]{8}$/);
    expect(ds).toContainEqual(
      expect.objectContaining({
        deploymentType: 'dedicated',
        status: 'running',
        platform: 'AWS',
        region: 'N. Virginia (us-east-1)',
      }),
    );
    expect(ds).toContainEqual(
      expect.objectContaining({
        deploymentType: 'dedicated',
        status: 'stopped',
        platform: '阿里云',
        region: '杭州',
      }),
    );
    expect(ds).toContainEqual(
      expect.objectContaining({ deploymentType: 'serverless', status: 'running' }),
    );
    expect(defaultDeployments()).not.toBe(ds);
  });

  it('refuses option values out of range and invalid deployments', () => {
    expect(() => new SimulatedCloud({ failRate: 1.5 })).toThrow(RangeError);
    expect(() => new SimulatedCloud({ failRate: -0.1 })).toThrow(RangeError);
    expect(() => new SimulatedCloud({ startSeconds: -1 })).toThrow(RangeError);
    expect(() => new SimulatedCloud({ stopSeconds: Number.NaN })).toThrow(RangeError);
    expect(() => new SimulatedCloud({ seed: 1.5 })).toThrow(RangeError);
    expect(() => new SimulatedCloud({ listEndpoint: 'maybe' as 'on' })).toThrow(RangeError);
    const d = demo(0);
    expect(() => new SimulatedCloud({ deployments: [d, d] })).toThrow(/duplicate/);
    expect(
      () =>
        new SimulatedCloud({ deployments: [{ ...d, connections: '1000' as unknown as number }] }),
    ).toThrow(/connections/);
  });

  it('takes its time from a clock object or a function', () => {
    let t = T0;
    const a = new SimulatedCloud({ now: { now: () => t } });
    const b = new SimulatedCloud({ now: () => t });
    t += 1234;
    expect(a.now()).toBe(T0 + 1234);
    expect(b.now()).toBe(T0 + 1234);
  });

  it('does not share state between clouds made from the default deployments', () => {
    const one = makeCloud();
    one.cloud.setStatus('a7c3e9f2', 'stopped');
    expect(makeCloud().cloud.deployment('a7c3e9f2')?.status).toBe('running');
  });

  it('mounts every route under the Platform API base path', () => {
    expect(API_BASE_PATH).toBe('/public_api/v1');
  });
});
