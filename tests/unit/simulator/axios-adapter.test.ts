import axios, { AxiosError } from 'axios';
import { describe, expect, it } from 'vitest';
import { createSimulatorAdapter } from '../../../electron/simulator/axios-adapter';
import { HOUR, T0, makeCloud } from './cloud-fixture';

function client(auth = { username: 'demo-key', password: 'demo-secret' }) {
  const sim = makeCloud({ retryAfter: 'seconds' });
  const http = axios.create({
    baseURL: 'http://simulated.invalid/public_api/v1',
    adapter: createSimulatorAdapter(sim.cloud),
    auth,
  });
  return { ...sim, http };
}

describe('in-process axios adapter', () => {
  it('answers through axios with parsed JSON, without a socket', async () => {
    const { http } = client();
    const res = await http.get('/deployments/w41b11c0');
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ deploymentID: 'w41b11c0', status: 'stopped' });
    expect(res.headers['content-type']).toMatch(/json/);
    const list = await http.get('/deployments');
    expect(list.data).toHaveLength(3);
  });

  it('rejects like axios does, with the response attached', async () => {
    const { http, clock } = client();
    await expect(http.post('/deployments/w41b11c0/start')).resolves.toMatchObject({ status: 201 });
    clock.t = T0 + HOUR / 2;
    const err = await http.post('/deployments/a7c3e9f2/stop').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AxiosError);
    const ax = err as AxiosError;
    expect(ax.response?.status).toBe(429);
    expect(ax.response?.headers['retry-after']).toBe('1800');
    // axios parses error bodies too, as it does for its own adapters
    expect(ax.response?.data).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });

  it('sends Basic credentials from config.auth or an Authorization header', async () => {
    const { http } = client({ username: 'demo-key', password: 'wrong' });
    await expect(http.get('/deployments/w41b11c0')).rejects.toMatchObject({
      response: { status: 401 },
    });
    const header = `Basic ${Buffer.from('demo-key:demo-secret').toString('base64')}`;
    const plain = axios.create({
      baseURL: 'http://simulated.invalid/public_api/v1',
      adapter: createSimulatorAdapter(makeCloud().cloud),
      headers: { Authorization: header },
    });
    await expect(plain.get('/deployments/w41b11c0')).resolves.toMatchObject({ status: 200 });
  });

  it('honours an aborted signal', async () => {
    const { http, cloud } = client();
    const ac = new AbortController();
    ac.abort();
    await expect(http.get('/deployments/w41b11c0', { signal: ac.signal })).rejects.toSatisfy(
      axios.isCancel,
    );
    expect(cloud.requests()).toHaveLength(0);
  });
});
