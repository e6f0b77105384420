import { describe, expect, it } from 'vitest';
import { memoryLedgerStore } from '../../../electron/core/budget/store';
import { FakeApi, deployment } from './fake-api';
import { HOUR, MINUTE, accountOf, maxInWindow, setupEngine, stateOf } from './setup';

describe('without the list endpoint', () => {
  it('falls back to single reads on 404 from the list, fairly and within the budget', async () => {
    const { clock, engine } = setupEngine();
    const ids = ['a1', 'b2', 'c3', 'd4', 'e5'];
    const api = new FakeApi(
      clock,
      ids.map((id) => deployment(id, 'running')),
    );
    api.listAvailable = false;
    engine.addAccount('acc', api);
    for (const id of ids) engine.watch('acc', id);
    await clock.advance(0);
    expect(api.count('list')).toBe(1);
    expect(accountOf(engine, 'acc').listEndpoint).toBe('unavailable');
    for (const id of ids) expect(stateOf(engine, 'acc', id).statusKind).toBe('running');

    await clock.advance(6 * HOUR);
    expect(api.count('list')).toBe(1);
    const reads = api.reads().map((c) => c.at);
    expect(maxInWindow(reads)).toBeLessThanOrEqual(40); // the reserve stays free
    const perId = ids.map((id) => api.count('get', id));
    expect(Math.max(...perId) - Math.min(...perId)).toBeLessThanOrEqual(1);
    // Each deployment is checked about as often as the budget's steady pace allows: 32 an
    // hour, shared.
    const last5h = api.reads().filter((c) => c.at > clock.now() - 5 * HOUR);
    expect(last5h.length).toBeGreaterThanOrEqual(5 * 30);
    // Round robin after the launch round: each one in turn, evenly spread.
    const order = api
      .reads()
      .filter((c) => c.kind === 'get')
      .slice(5)
      .map((c) => c.id);
    expect(order.every((id, i) => i < 5 || id === order[i - 5])).toBe(true);
    const gets = api
      .reads()
      .filter((c) => c.kind === 'get')
      .slice(10)
      .map((c) => c.at);
    const gaps = gets.slice(1).map((t, i) => t - (gets[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThan(60_000);
    engine.dispose();
  });

  it('with one deployment, keeps the idle cadence', async () => {
    const { clock, engine } = setupEngine();
    const api = new FakeApi(clock, [deployment('a1', 'running')]);
    api.listAvailable = false;
    engine.addAccount('acc', api);
    engine.watch('acc', 'a1');
    await clock.advance(2 * HOUR);
    const gets = api.calls.filter((c) => c.kind === 'get').map((c) => c.at);
    const gaps = gets.slice(1).map((t, i) => t - (gets[i] ?? 0));
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(114_000);
      expect(gap).toBeLessThanOrEqual(126_000);
    }
    engine.dispose();
  });

  it('after a start, the fast checks read the started deployment first', async () => {
    const { clock, engine } = setupEngine();
    const ids = ['a1', 'b2', 'c3'];
    const api = new FakeApi(
      clock,
      ids.map((id) => deployment(id, id === 'a1' ? 'stopped' : 'running')),
    );
    api.listAvailable = false;
    engine.addAccount('acc', api);
    for (const id of ids) engine.watch('acc', id);
    await clock.advance(10 * MINUTE);
    expect((await engine.operate('acc', 'a1', 'start')).outcome).toBe('sent');
    const sentAt = clock.now();
    await clock.advance(20_000);
    api.set('a1', 'running');
    await clock.advance(20_000);
    expect(stateOf(engine, 'acc', 'a1').statusKind).toBe('running');
    const fast = api.calls.filter(
      (c) => c.kind === 'get' && c.at > sentAt && c.at <= sentAt + 40_000,
    );
    expect(fast.length).toBeGreaterThanOrEqual(3);
    expect(fast.every((c) => c.id === 'a1')).toBe(true);
    engine.dispose();
  });
});

describe('a restart in the middle of a window', () => {
  it('respects the reads the previous run spent', async () => {
    const store = memoryLedgerStore();
    const one = setupEngine({ store });
    const api = new FakeApi(one.clock, [deployment('a1', 'running')]);
    one.engine.addAccount('acc', api);
    one.engine.watch('acc', 'a1');
    await one.clock.advance(0);
    for (let i = 0; i < 55; i++) {
      await one.clock.advance(10_000);
      await one.engine.refresh();
    }
    one.engine.dispose();
    expect(api.reads().length).toBe(56);

    await one.clock.advance(5 * MINUTE);
    const two = setupEngine({ clock: one.clock, store });
    two.engine.addAccount('acc', api);
    two.engine.watch('acc', 'a1');
    expect(accountOf(two.engine, 'acc').budget.reads.used).toBe(56);
    await two.clock.advance(2 * HOUR);
    expect(maxInWindow(api.reads().map((c) => c.at))).toBeLessThanOrEqual(60);
    two.engine.dispose();
  });
});
