import { describe, expect, it } from 'vitest';
import { handleSimulatorRequest } from '../../../electron/simulator/admin-routes';
import { T0, basic, demo, makeCloud } from './cloud-fixture';

function admin(opts: { admin?: boolean } = { admin: true }) {
  const sim = makeCloud(opts);
  const call = (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    handleSimulatorRequest(sim.cloud, {
      method,
      path,
      headers,
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  return { ...sim, admin: call };
}

describe('control routes under /__sim/', () => {
  it('do not exist with admin off: 401 without credentials, 404 with them', () => {
    const { admin: call } = admin({ admin: false });
    expect(call('POST', '/__sim/reset-limits').status).toBe(401);
    expect(call('POST', '/__sim/reset-limits', undefined, basic()).status).toBe(404);
    expect(call('GET', '/__sim/requests', undefined, basic()).status).toBe(404);
  });

  it('force a status, served verbatim and logged as external', () => {
    const { admin: call, get, cloud } = admin();
    const res = call('POST', '/__sim/deployments/a7c3e9f2/status', { status: 'overdue' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ deploymentID: 'a7c3e9f2', status: 'overdue' });
    expect((get('a7c3e9f2').body as { status: string }).status).toBe('overdue');
    expect(cloud.changes()).toEqual([
      { time: T0, deploymentId: 'a7c3e9f2', from: 'running', to: 'overdue', cause: 'external' },
    ]);
    expect(call('POST', '/__sim/deployments/nope/status', { status: 'x' }).status).toBe(404);
    expect(call('POST', '/__sim/deployments/a7c3e9f2/status', { status: '' }).status).toBe(400);
    expect(call('POST', '/__sim/deployments/a7c3e9f2/status', '{oops').status).toBe(400);
  });

  it('add, list and delete deployments', () => {
    const { admin: call, get } = admin();
    const fresh = { ...demo(0), deploymentID: 'abcd1234', status: 'stopped' };
    expect(call('POST', '/__sim/deployments', fresh).status).toBe(201);
    expect(call('POST', '/__sim/deployments', fresh).status).toBe(409);
    expect(call('POST', '/__sim/deployments', { deploymentID: 'x' }).status).toBe(400);
    expect(get('abcd1234').status).toBe(200);
    expect((call('GET', '/__sim/deployments').body as unknown[]).length).toBe(4);
    expect(call('DELETE', '/__sim/deployments/abcd1234').status).toBe(200);
    expect(call('DELETE', '/__sim/deployments/abcd1234').status).toBe(404);
    expect(get('abcd1234').status).toBe(404);
  });

  it('reset limits, inject failures and report requests, changes and counters', () => {
    const { admin: call, get, start } = admin();
    for (let i = 0; i < 60; i++) get('w41b11c0');
    expect(get('w41b11c0').status).toBe(429);
    expect(call('POST', '/__sim/reset-limits').status).toBe(200);
    expect(get('w41b11c0').status).toBe(200);
    expect(call('POST', '/__sim/fail-next', { count: 1, status: 502 }).status).toBe(200);
    expect(get('w41b11c0').status).toBe(502);
    expect(call('POST', '/__sim/fail-next', { count: 1, status: 200 }).status).toBe(400);
    start('w41b11c0');
    const requests = call('GET', '/__sim/requests').body as { status: number }[];
    expect(requests).toHaveLength(64);
    expect(requests.at(-1)).toMatchObject({ route: 'start', status: 201 });
    expect(call('GET', '/__sim/changes').body).toEqual([
      { time: T0, deploymentId: 'w41b11c0', from: 'stopped', to: 'starting', cause: 'user' },
    ]);
    expect(call('GET', '/__sim/counters').body).toMatchObject({ total: 64, injectedFailures: 1 });
    expect(call('GET', '/__sim/nothing').status).toBe(404);
    expect(call('PUT', '/__sim/reset-limits').status).toBe(404);
  });
});
