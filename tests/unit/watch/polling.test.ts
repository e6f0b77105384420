import { describe, expect, it } from 'vitest';
import { FakeApi, deployment } from './fake-api';
import { HOUR, MINUTE, accountOf, maxInWindow, setupEngine, stateOf } from './setup';

describe('list polling', () => {
  it('reads once at launch as a baseline, then every idle period with small jitter', async () => {
    const { clock, engine, changes } = setupEngine();
    const api = new FakeApi(clock, [deployment('a1', 'running'), deployment('b2', 'stopped')]);
    engine.addAccount('acc', api);
    engine.watch('acc', 'a1');
    engine.watch('acc', 'b2');
    await clock.advance(0);
    expect(api.count('list')).toBe(1);
    expect(stateOf(engine, 'acc', 'a1').statusKind).toBe('running');
    expect(stateOf(engine, 'acc', 'b2').statusKind).toBe('stopped');
    const first = changes.find((c) => c.reason === 'poll');
    expect(first?.baselineKeys.sort()).toEqual(['acc/a1', 'acc/b2']);
    expect(accountOf(engine, 'acc').listEndpoint).toBe('available');
    expect(accountOf(engine, 'acc').health).toBe('ok');

    await clock.advance(2 * HOUR);
    const times = api.reads().map((c) => c.at);
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(0.95 * 120_000);
      expect(gap).toBeLessThanOrEqual(1.05 * 120_000);
    }
    expect(new Set(gaps).size).toBeGreaterThan(1);
    expect(api.count('get')).toBe(0);
    // Later reads are not baselines.
    expect(
      changes
        .filter((c) => c.reason === 'poll')
        .slice(1)
        .every((c) => c.baselineKeys.length === 0),
    ).toBe(true);
    engine.dispose();
  });

  it('spends the same reads per hour for 200 deployments as for one', async () => {
    const run = async (n: number) => {
      const { clock, engine } = setupEngine();
      const api = new FakeApi(
        clock,
        Array.from({ length: n }, (_, i) => deployment(`d${i}`, 'running')),
      );
      engine.addAccount('acc', api);
      for (let i = 0; i < n; i++) engine.watch('acc', `d${i}`);
      await clock.advance(3 * HOUR);
      engine.dispose();
      return api.reads().length;
    };
    const one = await run(1);
    const many = await run(200);
    expect(one).toBeGreaterThanOrEqual(89);
    expect(one).toBeLessThanOrEqual(92);
    expect(many).toBe(one);
  });

  it('follows a new idle cadence at once', async () => {
    const { clock, engine } = setupEngine();
    const api = new FakeApi(clock, [deployment('a1', 'running')]);
    engine.addAccount('acc', api);
    engine.watch('acc', 'a1');
    await clock.advance(0);
    engine.setIdleCadence(10 * MINUTE);
    const before = api.count();
    await clock.advance(HOUR);
    expect(api.count() - before).toBeGreaterThanOrEqual(5);
    expect(api.count() - before).toBeLessThanOrEqual(7);
    expect(() => engine.setIdleCadence(5)).toThrow(RangeError);
    engine.dispose();
  });

  it('uses the initial read given to watch as the baseline and does not read again at once', async () => {
    const { clock, engine, changes } = setupEngine();
    const api = new FakeApi(clock, [deployment('a1', 'stopped')]);
    engine.addAccount('acc', api);
    engine.watch('acc', 'a1', deployment('a1', 'stopped'));
    expect(changes.at(-1)?.baselineKeys).toEqual(['acc/a1']);
    expect(stateOf(engine, 'acc', 'a1').checkedAt).toBe(clock.now());
    await clock.advance(MINUTE);
    expect(api.count()).toBe(0);
    await clock.advance(2 * MINUTE);
    expect(api.count('list')).toBe(1);
    engine.dispose();
  });

  it('shows nextCheckAt and clears every timer on dispose', async () => {
    const { clock, engine } = setupEngine();
    const api = new FakeApi(clock, [deployment('a1', 'running')]);
    engine.addAccount('acc', api);
    engine.watch('acc', 'a1');
    await clock.advance(0);
    const next = accountOf(engine, 'acc').nextCheckAt;
    expect(next).toBeGreaterThan(clock.now());
    expect(clock.pending).toBeGreaterThan(0);
    engine.dispose();
    expect(clock.pending).toBe(0);
    await clock.advance(HOUR);
    expect(api.count()).toBe(1);
  });
});

describe('manual refresh', () => {
  it('is served at once, coalesced with a read in flight, and answered from a fresh read', async () => {
    const { clock, engine } = setupEngine();
    const api = new FakeApi(clock, [deployment('a1', 'running')]);
    api.latencyMs = 800;
    engine.addAccount('acc', api);
    engine.watch('acc', 'a1');
    await clock.advance(30_000);
    expect(api.count()).toBe(1);

    api.set('a1', 'stopped');
    const first = engine.refresh();
    const second = engine.refresh({ accountId: 'acc', deploymentId: 'a1' });
    await clock.advance(1_000);
    expect(await first).toEqual([{ accountId: 'acc', result: 'checked' }]);
    expect(await second).toEqual([{ accountId: 'acc', result: 'joined' }]);
    expect(api.count()).toBe(2);
    expect(stateOf(engine, 'acc', 'a1').statusKind).toBe('stopped');

    const third = engine.refresh();
    expect(await third).toEqual([{ accountId: 'acc', result: 'fresh' }]);
    expect(api.count()).toBe(2);
    engine.dispose();
  });

  it('sends one list read for two refreshes that waited on the same read', async () => {
    const { clock, engine } = setupEngine();
    // b2 is not in the list: the single read that decides whether it is gone goes next.
    const api = new FakeApi(clock, [deployment('a1', 'running')]);
    api.latencyMs = 800;
    engine.addAccount('acc', api);
    engine.watch('acc', 'a1');
    engine.watch('acc', 'b2');
    const start = clock.now();
    await clock.advance(0);
    api.latencyMs = 10_000;
    await clock.advance(6_000);
    expect(api.calls.map((c) => [c.at - start, c.kind])).toEqual([
      [0, 'list'],
      [800, 'get'],
    ]);

    const both = Promise.all([engine.refresh(), engine.refresh()]);
    await clock.advance(20_000);
    const outcomes = (await both).flat().map((o) => o.result);
    expect(outcomes.sort()).toEqual(['checked', 'joined']);
    expect(api.count('list')).toBe(2);
    expect(api.count()).toBe(3);
    engine.dispose();
  });

  it('reads each deployment once for two refreshes by ID that waited on the same read', async () => {
    const { clock, engine } = setupEngine();
    const api = new FakeApi(clock, [deployment('a1', 'running'), deployment('b2', 'running')]);
    api.listAvailable = false;
    engine.addAccount('acc', api);
    engine.watch('acc', 'a1');
    engine.watch('acc', 'b2');
    await clock.advance(0);
    expect(accountOf(engine, 'acc').listEndpoint).toBe('unavailable');
    await clock.advance(6_000);
    const before = api.count('get');

    api.latencyMs = 1_000;
    // b2 is in flight; a1, not fresh either, is next for both.
    const one = engine.refresh({ accountId: 'acc', deploymentId: 'b2' });
    const both = Promise.all([engine.refresh(), engine.refresh()]);
    await clock.advance(5_000);
    await one;
    await both;
    expect(api.count('get') - before).toBe(2);
    expect(api.count('get', 'a1')).toBe(api.count('get', 'b2'));
    engine.dispose();
  });

  it('is deferred, not refused, when the budget has no room, and goes first when it has', async () => {
    const { clock, engine } = setupEngine();
    const api = new FakeApi(clock, [deployment('a1', 'running')]);
    engine.addAccount('acc', api);
    engine.watch('acc', 'a1');
    await clock.advance(0);
    // Use up the hour with refreshes a few seconds apart.
    let outcome;
    for (let i = 0; i < 80; i++) {
      await clock.advance(6_000);
      outcome = (await engine.refresh())[0];
      if (outcome?.result === 'deferred') break;
    }
    expect(outcome?.result).toBe('deferred');
    expect(maxInWindow(api.reads().map((c) => c.at))).toBe(60);
    const at = outcome?.result === 'deferred' ? outcome.at : 0;
    expect(at).toBe((api.reads()[0]?.at ?? 0) + HOUR);
    const count = api.count();
    await clock.advanceTo(at);
    expect(api.count()).toBe(count + 1);
    expect(maxInWindow(api.reads().map((c) => c.at))).toBe(60);
    engine.dispose();
  });
});
