// The engine with the real API client, talking to the simulated cloud through the in-process
// axios adapter, in virtual time.
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../electron/core/api/client';
import { SITE_PRESETS } from '../../../electron/core/api/types';
import {
  DEFAULT_KEY,
  DEFAULT_SECRET,
  SimulatedCloud,
  createSimulatorAdapter,
  type SimulatedCloudOptions,
} from '../../../electron/simulator';
import { HOUR, MINUTE, accountOf, maxInWindow, setupEngine, stateOf } from './setup';

function withCloud(opts: SimulatedCloudOptions = {}) {
  const setup = setupEngine();
  const cloud = new SimulatedCloud({ now: setup.clock, ...opts });
  const client = createApiClient({
    baseUrl: SITE_PRESETS.international,
    key: DEFAULT_KEY,
    secret: DEFAULT_SECRET,
    adapter: createSimulatorAdapter(cloud),
    now: () => setup.clock.now(),
  });
  setup.engine.addAccount('acc', client);
  for (const d of cloud.deployments()) setup.engine.watch('acc', d.deploymentID);
  return { ...setup, cloud };
}

describe('engine against the simulated cloud', () => {
  it('starts a deployment: starting at once, running confirmed on the fast ramp', async () => {
    const { clock, engine, cloud } = withCloud({ startSeconds: 90 });
    await clock.advance(MINUTE);
    expect(stateOf(engine, 'acc', 'w41b11c0').statusKind).toBe('stopped');
    expect(stateOf(engine, 'acc', 'a7c3e9f2').fields?.projectName).toBe('default');
    const result = await engine.operate('acc', 'w41b11c0', 'start');
    expect(result).toMatchObject({ outcome: 'sent', accepted: { operation: 'starting' } });
    expect(stateOf(engine, 'acc', 'w41b11c0').statusKind).toBe('starting');
    await clock.advance(90_000 + 15_000);
    expect(stateOf(engine, 'acc', 'w41b11c0').statusKind).toBe('running');
    const ran = cloud.changes().find((c) => c.deploymentId === 'w41b11c0' && c.to === 'running');
    const seen = stateOf(engine, 'acc', 'w41b11c0').transitions.at(-1);
    expect(seen?.userInitiated).toBe(true);
    expect((seen?.at ?? 0) - (ran?.time ?? 0)).toBeLessThanOrEqual(15_000);
    expect(cloud.counters().byStatus['429']).toBeUndefined();
    engine.dispose();
  });

  it('a day of polling with the list off never draws a 429 and never exceeds 60 reads an hour', async () => {
    const { clock, engine, cloud } = withCloud({ listEndpoint: 'off' });
    await clock.advance(24 * HOUR);
    expect(accountOf(engine, 'acc').listEndpoint).toBe('unavailable');
    const reads = cloud.requests().filter((r) => r.route === 'get' || r.route === 'list');
    expect(cloud.counters().byStatus['429']).toBeUndefined();
    expect(maxInWindow(reads.map((r) => r.time))).toBeLessThanOrEqual(60);
    for (const d of cloud.deployments()) {
      expect(stateOf(engine, 'acc', d.deploymentID).statusKind).toBe(d.status);
    }
    engine.dispose();
  });

  it('a refused start (422) and a server failure on the next reads', async () => {
    const { clock, engine, cloud, changes } = withCloud();
    await clock.advance(MINUTE);
    cloud.setStatus('w41b11c0', 'running'); // started from the console
    const result = await engine.operate('acc', 'w41b11c0', 'start');
    expect(result).toMatchObject({
      outcome: 'refused',
      problem: { kind: 'InvalidState', status: 422 },
    });
    expect(stateOf(engine, 'acc', 'w41b11c0').statusKind).toBe('running');
    cloud.failNext(2, 502);
    await clock.advance(5 * MINUTE);
    const staleSeen = changes.some(
      (c) =>
        c.after.deployments.find((d) => d.deploymentId === 'w41b11c0')?.stale?.problem.kind ===
        'ServerError',
    );
    expect(staleSeen).toBe(true);
    expect(stateOf(engine, 'acc', 'w41b11c0').stale).toBeUndefined();
    engine.dispose();
  });
});
