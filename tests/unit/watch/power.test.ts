import { describe, expect, it } from 'vitest';
import { FakeApi, deployment, errors } from './fake-api';
import { HOUR, MINUTE, accountOf, setupEngine, stateOf } from './setup';

async function watching() {
  const setup = setupEngine();
  const api = new FakeApi(setup.clock, [deployment('a1', 'running'), deployment('b2', 'stopped')]);
  setup.engine.addAccount('acc', api);
  setup.engine.watch('acc', 'a1');
  setup.engine.watch('acc', 'b2');
  await setup.clock.advance(0);
  return { ...setup, api };
}

describe('suspend and resume', () => {
  it('sends nothing for three hours asleep, then one refresh at once, read as a baseline', async () => {
    const { clock, engine, api, changes } = await watching();
    await clock.advance(10 * MINUTE);
    engine.suspend();
    expect(engine.getState().suspended).toBe(true);
    expect(accountOf(engine, 'acc').nextCheckAt).toBeUndefined();
    const count = api.count();
    api.set('a1', 'stopped'); // a billing stop while the lid was closed
    await clock.advance(3 * HOUR);
    expect(api.count()).toBe(count);
    expect(clock.pending).toBe(0);

    changes.length = 0;
    engine.resume();
    await clock.advance(0);
    expect(api.count()).toBe(count + 1);
    const read = changes.find((c) => c.reason === 'refresh');
    expect(read?.baselineKeys.sort()).toEqual(['acc/a1', 'acc/b2']);
    const a1 = stateOf(engine, 'acc', 'a1');
    expect(a1.statusKind).toBe('stopped');
    expect(a1.stale).toBeUndefined();
    // The next change is news again.
    api.set('a1', 'running');
    await clock.advance(3 * MINUTE);
    const news = changes.filter((c) => c.reason === 'poll').at(-1);
    expect(news?.baselineKeys).toEqual([]);
    expect(stateOf(engine, 'acc', 'a1').statusKind).toBe('running');
    engine.dispose();
  });

  it('does not report failures of the sleep period or of the network waking up', async () => {
    const { clock, engine, api } = await watching();
    api.latencyMs = 5_000;
    await clock.advance(2 * MINUTE + 1_000); // a read is in flight
    engine.suspend();
    await clock.advance(HOUR);
    api.latencyMs = 0;
    api.failNext('any', errors.network, 2);
    engine.resume();
    await clock.advance(45_000);
    expect(stateOf(engine, 'acc', 'a1').stale).toBeUndefined();
    await clock.advance(2 * MINUTE);
    const a1 = stateOf(engine, 'acc', 'a1');
    expect(a1.stale).toBeUndefined();
    expect(a1.checkedAt).toBeGreaterThan(clock.now() - 2 * MINUTE);
    engine.dispose();
  });

  it('stays quiet offline and refreshes once back online', async () => {
    const { clock, engine, api, changes } = await watching();
    engine.setOnline(false);
    expect(engine.getState().online).toBe(false);
    expect(await engine.refresh()).toEqual([
      { accountId: 'acc', result: 'skipped', reason: 'offline' },
    ]);
    const count = api.count();
    await clock.advance(HOUR);
    expect(api.count()).toBe(count);
    api.set('b2', 'running');
    changes.length = 0;
    engine.setOnline(true);
    await clock.advance(0);
    expect(api.count()).toBe(count + 1);
    // Not a baseline: what changed during a network outage is news.
    expect(changes.find((c) => c.reason === 'refresh')?.baselineKeys).toEqual([]);
    expect(stateOf(engine, 'acc', 'b2').statusKind).toBe('running');
    engine.dispose();
  });

  it('waits for the network after resuming offline', async () => {
    const { clock, engine, api, changes } = await watching();
    engine.suspend();
    engine.setOnline(false);
    await clock.advance(HOUR);
    engine.resume();
    const count = api.count();
    await clock.advance(10 * MINUTE);
    expect(api.count()).toBe(count);
    changes.length = 0;
    engine.setOnline(true);
    await clock.advance(0);
    expect(api.count()).toBe(count + 1);
    expect(changes.find((c) => c.reason === 'refresh')?.baselineKeys.sort()).toEqual([
      'acc/a1',
      'acc/b2',
    ]);
    engine.dispose();
  });
});
