// Contract, without sockets: the real API client through the simulator's in-process axios
// adapter, in virtual time, the way the benchmark runs a day of polling.
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../electron/core/api/client';
import { RateLimitedError } from '../../electron/core/api/errors';
import { VirtualClock } from '../../electron/core/clock';
import { createSimulatorAdapter } from '../../electron/simulator/axios-adapter';
import { SimulatedCloud } from '../../electron/simulator/cloud';

const MINUTE = 60_000;

function setup() {
  const clock = new VirtualClock();
  const cloud = new SimulatedCloud({ now: clock, startSeconds: 150 });
  const client = createApiClient({
    baseUrl: 'http://127.0.0.1:9/public_api/v1',
    key: 'demo-key',
    secret: 'demo-secret',
    adapter: createSimulatorAdapter(cloud),
    now: () => clock.now(),
  });
  return { clock, cloud, client };
}

describe('client through the in-process adapter, in virtual time', () => {
  it('polls once a minute for two hours: 60 reads per hour fit, a 61st within the hour does not', async () => {
    const { clock, cloud, client } = setup();
    const t0 = clock.now();
    await client.startDeployment('w41b11c0');
    const seen: string[] = [];
    for (let minute = 0; minute < 120; minute++) {
      seen.push((await client.getDeployment('w41b11c0')).status);
      await clock.advance(MINUTE);
    }
    expect(seen.slice(0, 3)).toEqual(['starting', 'starting', 'starting']);
    expect(seen.slice(3).every((s) => s === 'running')).toBe(true);
    expect(cloud.changes()).toEqual([
      expect.objectContaining({ to: 'starting', cause: 'user', time: t0 }),
      expect.objectContaining({ to: 'running', cause: 'transition', time: t0 + 150_000 }),
    ]);

    // at minute 120 the window holds minutes 61..119: one more read fits, a second does not
    expect((await client.getDeployment('w41b11c0')).status).toBe('running');
    const e = await client.getDeployment('w41b11c0').then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(RateLimitedError);
    expect((e as RateLimitedError).retryAt).toBe(t0 + 61 * MINUTE + 60 * MINUTE);
    expect(cloud.counters().byStatus).toEqual({ '200': 121, '201': 1, '429': 1 });
  });

  it('start and stop share one operation per hour', async () => {
    const { clock, client } = setup();
    await client.stopDeployment('a7c3e9f2');
    await clock.advance(59 * MINUTE);
    await expect(client.startDeployment('w41b11c0')).rejects.toBeInstanceOf(RateLimitedError);
    await clock.advance(MINUTE);
    await expect(client.startDeployment('w41b11c0')).resolves.toMatchObject({
      operation: 'starting',
    });
  });
});
