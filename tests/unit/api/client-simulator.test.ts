// The real client against the project's simulator through its in-process axios adapter: the
// path the benchmark takes, with no sockets.

import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../electron/core/api/client';
import { ApiError } from '../../../electron/core/api/errors';
import { createSimulatedCloud, createSimulatorAdapter } from '../../../electron/simulator';
import { must } from './fake-adapter';

const BASE = 'http://127.0.0.1/public_api/v1';

function setup(secret = 'demo-secret') {
  let now = Date.UTC(2026, 0, 1);
  const cloud = createSimulatedCloud({ now: () => now });
  const client = createApiClient({
    baseUrl: BASE,
    key: 'demo-key',
    secret,
    adapter: createSimulatorAdapter(cloud),
    now: () => now,
  });
  return { client, advance: (ms: number) => (now += ms) };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('resolved, expected a rejection');
}

describe('client with the simulator adapter', () => {
  it('lists, reads, starts and sees the start take effect', async () => {
    const { client, advance } = setup();
    const list = await client.listDeployments();
    expect(list.length).toBeGreaterThan(0);
    const stopped = list.find((d) => d.status === 'stopped');
    expect(stopped).toBeDefined();
    const id = must(stopped).deploymentID;
    const op = await client.startDeployment(id);
    expect(op).toMatchObject({ deploymentID: id, operation: 'starting' });
    expect((await client.getDeployment(id)).status).toBe('starting');
    advance(10 * 60 * 1000);
    expect((await client.getDeployment(id)).status).toBe('running');
  });

  it('maps the simulator errors: wrong secret, unknown ID, second start within the hour', async () => {
    expect((await failure(setup('wrong').client.listDeployments())).kind).toBe('AuthFailed');
    const { client } = setup();
    expect((await failure(client.getDeployment('nope0000'))).kind).toBe('NotFound');
    const id = must(
      (await client.listDeployments()).find((d) => d.status === 'stopped'),
    ).deploymentID;
    await client.startDeployment(id);
    const second = await failure(client.stopDeployment(id));
    // Start and stop share one request per rolling hour.
    expect(second.kind).toBe('RateLimited');
    expect(second.toInfo().retryAt).toBeGreaterThan(Date.UTC(2026, 0, 1));
  });
});
