import { describe, expect, it } from 'vitest';
import { FakeApi, deployment } from './fake-api';
import { HOUR, MINUTE, maxInWindow, setupEngine, stateOf } from './setup';

describe('a flapping deployment', () => {
  it('records each change it sees, keeps a bounded history and stays inside the budget', async () => {
    const { clock, engine, changes } = setupEngine();
    const api = new FakeApi(clock, [deployment('a1', 'running'), deployment('b2', 'running')]);
    engine.addAccount('acc', api);
    engine.watch('acc', 'a1');
    engine.watch('acc', 'b2');
    await clock.advance(0);
    // Every 5 minutes: running -> stopping -> stopped -> starting -> running, 75 s per step.
    const steps = ['stopping', 'stopped', 'starting', 'running'];
    for (let i = 0; i < 4 * 24; i++) {
      await clock.advance(75_000);
      api.set('a1', steps[i % 4] ?? 'running');
    }
    const d = stateOf(engine, 'acc', 'a1');
    expect(d.transitions.length).toBe(20);
    const seen = d.transitions.map((t) => t.to);
    expect(seen).toContain('stopped');
    expect(seen).toContain('starting');
    expect(d.transitions.every((t) => !t.userInitiated)).toBe(true);
    // Transitional statuses speed the checks up, but background reads stay under the reserve.
    expect(maxInWindow(api.reads().map((c) => c.at))).toBeLessThanOrEqual(40);
    expect(api.reads().length).toBeGreaterThan(60);
    // The unexpected stop is flagged each time it lands on stopped without us.
    const stops = changes.filter((c) => {
      const after = c.after.deployments.find((x) => x.deploymentId === 'a1');
      const before = c.before.deployments.find((x) => x.deploymentId === 'a1');
      return after?.statusKind === 'stopped' && before?.statusKind !== 'stopped';
    });
    expect(stops.length).toBeGreaterThan(10);
    expect(
      stops.every((c) => c.after.deployments.find((x) => x.deploymentId === 'a1')?.unexpectedStop),
    ).toBe(true);
    // Calm again: back to the idle cadence.
    api.set('a1', 'running');
    await clock.advance(HOUR);
    const last = api
      .reads()
      .slice(-5)
      .map((c) => c.at);
    const gaps = last.slice(1).map((t, i) => t - (last[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThan(110_000);
    engine.dispose();
  });

  it('a deployment stuck in a transition goes back to idle after half an hour', async () => {
    const { clock, engine } = setupEngine();
    const api = new FakeApi(clock, [deployment('a1', 'pending')]);
    engine.addAccount('acc', api);
    engine.watch('acc', 'a1');
    await clock.advance(10 * MINUTE);
    expect(api.reads().length).toBeGreaterThan(10);
    await clock.advance(2 * HOUR);
    const last = api
      .reads()
      .slice(-5)
      .map((c) => c.at);
    const gaps = last.slice(1).map((t, i) => t - (last[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThan(110_000);
    engine.dispose();
  });
});
