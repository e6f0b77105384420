// The interval polling actually keeps per deployment, as the engine states it, against the
// benchmark's figures and the reads the engine makes.
import { describe, expect, it } from 'vitest';
import { backgroundPaceMs } from '../../../electron/core/budget/ledger';
import { effectiveIntervalMs } from '../../../electron/core/watch/cadence';
import { appIdleIntervalMs } from '../../bench/bench';
import { FakeApi, deployment } from './fake-api';
import { HOUR, MINUTE, accountOf, setupEngine } from './setup';

describe('effectiveIntervalMs', () => {
  it('gives the benchmark figures', () => {
    expect(effectiveIntervalMs(120_000, 200, 'list')).toBe(120_000);
    expect(effectiveIntervalMs(120_000, 5, 'id')).toBe(562_500);
    const bench = { name: 'x', limitScope: 'key', hours: 1, seed: 1 } as const;
    for (const [deployments, listEndpoint] of [
      [1, true],
      [200, true],
      [2, false],
      [5, false],
    ] as const) {
      expect(effectiveIntervalMs(120_000, deployments, listEndpoint ? 'list' : 'id')).toBe(
        appIdleIntervalMs({ ...bench, deployments, listEndpoint, idleCadenceMs: 120_000 }),
      );
    }
  });

  it('cannot meet a 1-minute setting: the background pace is the floor', () => {
    expect(backgroundPaceMs(60)).toBe(112_500);
    expect(effectiveIntervalMs(60_000, 1, 'list')).toBe(112_500);
    expect(effectiveIntervalMs(60_000, 1, 'id')).toBe(112_500);
    expect(effectiveIntervalMs(60_000, 5, 'id')).toBe(562_500);
    expect(effectiveIntervalMs(10 * MINUTE, 5, 'id')).toBe(10 * MINUTE);
    // A limit lowered after a 429 on a shared key slows the pace.
    expect(effectiveIntervalMs(60_000, 1, 'list', 12)).toBe(HOUR / 6);
  });
});

describe('engine state', () => {
  it('states the list interval and keeps it', async () => {
    const { clock, engine } = setupEngine({ idleCadenceMs: MINUTE });
    const api = new FakeApi(clock, [deployment('a1', 'running'), deployment('b2', 'running')]);
    engine.addAccount('acc', api);
    engine.watch('acc', 'a1');
    engine.watch('acc', 'b2');
    await clock.advance(0);
    expect(accountOf(engine, 'acc').effectiveIntervalMs).toBe(112_500);

    await clock.advance(3 * HOUR);
    const times = api.reads().map((c) => c.at);
    const gaps = times.slice(-10).map((t, i, all) => (i === 0 ? 0 : t - (all[i - 1] ?? 0)));
    for (const gap of gaps.slice(1)) {
      expect(gap).toBeGreaterThanOrEqual(0.95 * 112_500);
      expect(gap).toBeLessThanOrEqual(1.05 * 112_500);
    }

    engine.setIdleCadence(5 * MINUTE);
    expect(accountOf(engine, 'acc').effectiveIntervalMs).toBe(5 * MINUTE);
    engine.dispose();
  });

  it('states the per-ID interval for the deployments still there', async () => {
    const { clock, engine } = setupEngine({ idleCadenceMs: MINUTE });
    const ids = ['a1', 'b2', 'c3', 'd4', 'e5'];
    const api = new FakeApi(
      clock,
      ids.map((id) => deployment(id, 'running')),
    );
    api.listAvailable = false;
    engine.addAccount('acc', api);
    expect(accountOf(engine, 'acc').effectiveIntervalMs).toBe(112_500);
    for (const id of ids) engine.watch('acc', id);
    engine.watch('acc', 'gone');
    await clock.advance(0);
    expect(accountOf(engine, 'acc').listEndpoint).toBe('unavailable');
    expect(accountOf(engine, 'acc').effectiveIntervalMs).toBe(562_500);

    await clock.advance(6 * HOUR);
    const last = api.reads().filter((c) => c.id === 'a1' && c.at > clock.now() - 4 * HOUR);
    const mean = ((last.at(-1)?.at ?? 0) - (last[0]?.at ?? 0)) / (last.length - 1);
    expect(Math.abs(mean - 562_500) / 562_500).toBeLessThanOrEqual(0.05);

    engine.unwatch('acc', 'e5');
    expect(accountOf(engine, 'acc').effectiveIntervalMs).toBe(450_000);
    engine.dispose();
  });
});
