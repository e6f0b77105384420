import { describe, expect, it } from 'vitest';
import { MINUTE, T0, demo, makeCloud, statusOf } from './cloud-fixture';

describe('start and stop over time', () => {
  it('start on stopped: 201 starting, running once startSeconds have passed', () => {
    const { start, get, at } = makeCloud();
    at(5_000);
    const res = start('w41b11c0');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      deploymentID: 'w41b11c0',
      deploymentName: 'deployment-w41b11c0',
      operation: 'starting',
    });
    expect(statusOf(get('w41b11c0'))).toBe('starting');
    at(5_000 + 90_000 - 1);
    expect(statusOf(get('w41b11c0'))).toBe('starting');
    at(5_000 + 90_000);
    expect(statusOf(get('w41b11c0'))).toBe('running');
  });

  it('stop on running: 201 stopping, stopped once stopSeconds have passed', () => {
    const { stop, get, at } = makeCloud({ stopSeconds: 10 });
    const res = stop('a7c3e9f2');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      deploymentID: 'a7c3e9f2',
      deploymentName: 'production-broker',
      operation: 'stopping',
    });
    at(9_999);
    expect(statusOf(get('a7c3e9f2'))).toBe('stopping');
    at(10_000);
    expect(statusOf(get('a7c3e9f2'))).toBe('stopped');
  });

  it('the list shows the same computed status', () => {
    const { start, list, at } = makeCloud({ startSeconds: 30 });
    start('w41b11c0');
    const find = () =>
      (list().body as { deploymentID: string; status: string }[]).find(
        (d) => d.deploymentID === 'w41b11c0',
      )?.status;
    expect(find()).toBe('starting');
    at(30_000);
    expect(find()).toBe('running');
  });
});

describe('422 for start/stop in a state that does not allow it', () => {
  const cases: [string, 'start' | 'stop'][] = [
    ['running', 'start'],
    ['starting', 'start'],
    ['stopping', 'start'],
    ['pending', 'start'],
    ['failed', 'start'],
    ['stopped', 'stop'],
    ['starting', 'stop'],
    ['stopping', 'stop'],
    ['hibernating', 'stop'],
    ['hibernating', 'start'],
  ];
  it.each(cases)('%s -> %s is refused with {code, message} and changes nothing', (status, op) => {
    const sim = makeCloud();
    sim.cloud.setStatus('w41b11c0', status);
    const before = sim.cloud.changes().length;
    const res = sim[op]('w41b11c0');
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      code: expect.any(String),
      message: expect.stringContaining(status),
    });
    expect(sim.cloud.deployment('w41b11c0')?.status).toBe(status);
    expect(sim.cloud.changes()).toHaveLength(before);
  });
});

describe('forced statuses', () => {
  it('serves an unknown forced status verbatim, in the single read and the list', () => {
    const { cloud, get, list } = makeCloud();
    cloud.setStatus('a7c3e9f2', 'Suspended (billing)');
    expect(statusOf(get('a7c3e9f2'))).toBe('Suspended (billing)');
    expect((list().body as { status: string }[])[0]?.status).toBe('Suspended (billing)');
  });

  it('a forced status cancels a pending transition and never transitions on its own', () => {
    const { cloud, start, get, at } = makeCloud();
    start('w41b11c0');
    at(30_000);
    cloud.setStatus('w41b11c0', 'stopped');
    at(10 * MINUTE);
    expect(statusOf(get('w41b11c0'))).toBe('stopped');
    cloud.setStatus('w41b11c0', 'starting');
    at(60 * MINUTE);
    expect(statusOf(get('w41b11c0'))).toBe('starting');
  });

  it('refuses an empty status and an unknown deployment', () => {
    const { cloud } = makeCloud();
    expect(() => cloud.setStatus('w41b11c0', '')).toThrow();
    expect(() => cloud.setStatus('nope', 'running')).toThrow(/nope/);
  });
});

describe('adding and removing deployments', () => {
  it('a removed deployment answers 404; an added one is served', () => {
    const { cloud, get, list } = makeCloud();
    expect(cloud.removeDeployment('a7c3e9f2')).toBe(true);
    expect(cloud.removeDeployment('a7c3e9f2')).toBe(false);
    expect(get('a7c3e9f2').status).toBe(404);
    cloud.addDeployment({
      ...demo(0),
      deploymentID: 'n3w0d3p1',
      status: 'pending',
    });
    expect(statusOf(get('n3w0d3p1'))).toBe('pending');
    expect((list().body as unknown[]).length).toBe(3);
  });

  it('refuses a duplicate or malformed deployment', () => {
    const { cloud } = makeCloud();
    expect(() => cloud.addDeployment(demo(1))).toThrow(/already exists/);
    expect(() => cloud.addDeployment({ ...demo(0), deploymentID: 'a/b' })).toThrow(/deploymentID/);
  });
});

describe('change log', () => {
  it('records user, transition and external changes with the time they took effect', () => {
    const { cloud, start, stop, at } = makeCloud({ startSeconds: 90, stopSeconds: 60 });
    at(1_000);
    start('w41b11c0');
    at(2 * MINUTE);
    cloud.setStatus('k9d2s7x4', 'stopped');
    // nothing reads until much later: the transition keeps the time it took effect
    at(3 * 60 * MINUTE);
    stop('w41b11c0');
    at(5 * 60 * MINUTE);
    expect(cloud.changes()).toEqual([
      {
        time: T0 + 1_000,
        deploymentId: 'w41b11c0',
        from: 'stopped',
        to: 'starting',
        cause: 'user',
      },
      {
        time: T0 + 91_000,
        deploymentId: 'w41b11c0',
        from: 'starting',
        to: 'running',
        cause: 'transition',
      },
      {
        time: T0 + 2 * MINUTE,
        deploymentId: 'k9d2s7x4',
        from: 'running',
        to: 'stopped',
        cause: 'external',
      },
      {
        time: T0 + 180 * MINUTE,
        deploymentId: 'w41b11c0',
        from: 'running',
        to: 'stopping',
        cause: 'user',
      },
      {
        time: T0 + 180 * MINUTE + 60_000,
        deploymentId: 'w41b11c0',
        from: 'stopping',
        to: 'stopped',
        cause: 'transition',
      },
    ]);
  });

  it('orders transitions of several deployments by the time they took effect', () => {
    const { cloud, start, stop, at } = makeCloud({
      startSeconds: 90,
      stopSeconds: 30,
      limitScope: 'deployment',
    });
    start('w41b11c0');
    at(10_000);
    stop('a7c3e9f2');
    at(10 * MINUTE);
    const transitions = cloud.changes().filter((c) => c.cause === 'transition');
    expect(transitions.map((c) => [c.deploymentId, c.time - T0])).toEqual([
      ['a7c3e9f2', 40_000],
      ['w41b11c0', 90_000],
    ]);
  });

  it('records no change when a forced status equals the current one', () => {
    const { cloud } = makeCloud();
    cloud.setStatus('a7c3e9f2', 'running');
    expect(cloud.changes()).toEqual([]);
  });
});

describe('request log and counters', () => {
  it('logs time, method, path, route, deployment ID and status of every API request', () => {
    const { cloud, get, list, start, call, at } = makeCloud();
    get('w41b11c0');
    at(1_000);
    start('w41b11c0');
    list();
    call('GET', '/deployments/zzzzzzzz?x=1');
    call('GET', '/deployments/w41b11c0', {});
    call('GET', '/elsewhere');
    expect(cloud.requests()).toEqual([
      {
        time: T0,
        method: 'GET',
        path: '/public_api/v1/deployments/w41b11c0',
        route: 'get',
        deploymentId: 'w41b11c0',
        status: 200,
      },
      {
        time: T0 + 1_000,
        method: 'POST',
        path: '/public_api/v1/deployments/w41b11c0/start',
        route: 'start',
        deploymentId: 'w41b11c0',
        status: 201,
      },
      {
        time: T0 + 1_000,
        method: 'GET',
        path: '/public_api/v1/deployments',
        route: 'list',
        deploymentId: null,
        status: 200,
      },
      {
        time: T0 + 1_000,
        method: 'GET',
        path: '/public_api/v1/deployments/zzzzzzzz',
        route: 'get',
        deploymentId: 'zzzzzzzz',
        status: 404,
      },
      {
        time: T0 + 1_000,
        method: 'GET',
        path: '/public_api/v1/deployments/w41b11c0',
        route: 'get',
        deploymentId: 'w41b11c0',
        status: 401,
      },
      {
        time: T0 + 1_000,
        method: 'GET',
        path: '/public_api/v1/elsewhere',
        route: null,
        deploymentId: null,
        status: 404,
      },
    ]);
    expect(cloud.counters()).toEqual({
      total: 6,
      byStatus: { '200': 2, '201': 1, '401': 1, '404': 2 },
      byRoute: { get: 3, list: 1, start: 1, stop: 0, other: 1 },
      counted: 4,
      injectedFailures: 0,
    });
  });

  it('hands out copies', () => {
    const { cloud, get } = makeCloud();
    get('w41b11c0');
    const [first] = cloud.requests();
    if (first) first.status = 999;
    cloud.counters().byStatus['200'] = 999;
    const view = cloud.deployment('w41b11c0');
    if (view) view.status = 'x';
    expect(cloud.requests()[0]?.status).toBe(200);
    expect(cloud.counters().byStatus['200']).toBe(1);
    expect(cloud.deployment('w41b11c0')?.status).toBe('stopped');
  });
});
