import { describe, expect, it } from 'vitest';
import { FakeApi, deployment, errors } from './fake-api';
import { HOUR, MINUTE, accountOf, maxInWindow, setupEngine, stateOf } from './setup';

async function watching(ids: Record<string, string> = { a1: 'running', b2: 'stopped' }) {
  const setup = setupEngine();
  const api = new FakeApi(
    setup.clock,
    Object.entries(ids).map(([id, status]) => deployment(id, status)),
  );
  setup.engine.addAccount('acc', api);
  for (const id of Object.keys(ids)) setup.engine.watch('acc', id);
  await setup.clock.advance(0);
  return { ...setup, api };
}

describe('passing failures', () => {
  it('show as stale since the first failure, never as a status change, and back off', async () => {
    const { clock, engine, api } = await watching();
    await clock.advance(MINUTE);
    const lastGood = stateOf(engine, 'acc', 'a1').checkedAt;
    const failFrom = clock.now();
    api.failNext('any', errors.server, 5);
    await clock.advance(2 * MINUTE + 20_000);
    const firstFailure = api.reads().find((c) => c.at > failFrom)?.at ?? 0;
    const d = stateOf(engine, 'acc', 'a1');
    expect(d.statusKind).toBe('running');
    expect(d.checkedAt).toBe(lastGood);
    expect(d.stale).toMatchObject({ since: firstFailure, problem: { kind: 'ServerError' } });
    expect(d.stale?.problem.at).toBeGreaterThan(firstFailure); // the latest failure, same streak
    expect(d.transitions).toHaveLength(1);

    await clock.advance(20 * MINUTE);
    const failing = api
      .reads()
      .filter((c) => c.at >= firstFailure)
      .slice(0, 6)
      .map((c) => c.at);
    const gaps = failing.slice(1).map((t, i) => t - (failing[i] ?? 0));
    // 15 s, 30 s, 60 s, 120 s doubling (+-20 % jitter), then the good read.
    expect(gaps.slice(0, 4).every((g, i) => i === 0 || g > (gaps[i - 1] ?? 0))).toBe(true);
    expect(gaps[0]).toBeGreaterThanOrEqual(12_000);
    expect(gaps[0]).toBeLessThanOrEqual(18_000);
    const healed = stateOf(engine, 'acc', 'a1');
    expect(healed.stale).toBeUndefined();
    expect(healed.statusKind).toBe('running');
    engine.dispose();
  });

  it('on 429 with Retry-After, pauses reads until then and sends nothing before', async () => {
    const { clock, engine, api } = await watching();
    await clock.advance(MINUTE);
    api.failNext('list', () => errors.rateLimited(clock.now() + 25 * MINUTE));
    await clock.advance(3 * MINUTE);
    const limitedAt = api.reads().at(-1)?.at ?? 0;
    const retryAt = limitedAt + 25 * MINUTE;
    const budget = accountOf(engine, 'acc').budget;
    expect(budget.reads.rateLimitedUntil).toBe(retryAt);
    expect(budget.sharedKeySuspected).toBe(true); // two reads of ours cannot explain a 429
    expect(stateOf(engine, 'acc', 'a1').stale?.problem.kind).toBe('RateLimited');
    await clock.advanceTo(retryAt - 1);
    expect(api.reads().at(-1)?.at).toBe(limitedAt);
    expect(await engine.refresh()).toEqual([{ accountId: 'acc', result: 'deferred', at: retryAt }]);
    await clock.advance(1);
    expect(api.reads().at(-1)?.at).toBe(retryAt);
    expect(stateOf(engine, 'acc', 'a1').stale).toBeUndefined();
    engine.dispose();
  });

  it('on 429 without Retry-After, waits until the oldest read of the window is an hour old', async () => {
    const { clock, engine, api } = await watching();
    const first = api.reads()[0]?.at ?? 0;
    await clock.advance(10 * MINUTE);
    api.failNext('list', () => errors.rateLimited());
    await clock.advance(3 * MINUTE);
    expect(accountOf(engine, 'acc').budget.reads.rateLimitedUntil).toBe(first + HOUR);
    const count = api.reads().length;
    await clock.advanceTo(first + HOUR - 1);
    expect(api.reads().length).toBe(count);
    await clock.advance(1_000);
    expect(api.reads().length).toBe(count + 1);
    engine.dispose();
  });

  it('learns that another client shares the key and slows down', async () => {
    const { clock, engine, api } = await watching();
    await clock.advance(40 * MINUTE);
    const used = accountOf(engine, 'acc').budget.reads.used;
    api.failNext('list', () => errors.rateLimited(clock.now() + 3 * MINUTE));
    await clock.advance(3 * MINUTE);
    const budget = accountOf(engine, 'acc').budget;
    expect(budget.sharedKeySuspected).toBe(true);
    expect(budget.reads.limit).toBeLessThan(60);
    expect(budget.reads.limit).toBeLessThanOrEqual(Math.max(12, used));
    await clock.advance(3 * HOUR);
    expect(
      maxInWindow(
        api
          .reads()
          .filter((c) => c.at > clock.now() - 2 * HOUR)
          .map((c) => c.at),
      ),
    ).toBeLessThanOrEqual(budget.reads.limit);
    // Forgotten after six quiet hours.
    await clock.advance(4 * HOUR);
    expect(accountOf(engine, 'acc').budget.sharedKeySuspected).toBe(false);
    expect(accountOf(engine, 'acc').budget.reads.limit).toBe(60);
    engine.dispose();
  });
});

describe('rejected credentials and vanished deployments', () => {
  it('401 stops the account until its client is replaced', async () => {
    const { clock, engine, api } = await watching();
    await clock.advance(MINUTE);
    api.failNext('list', errors.auth);
    await clock.advance(2 * MINUTE);
    const account = accountOf(engine, 'acc');
    expect(account.health).toBe('auth-failed');
    expect(account.problem).toMatchObject({ kind: 'AuthFailed', status: 401 });
    expect(account.nextCheckAt).toBeUndefined();
    expect(stateOf(engine, 'acc', 'a1').statusKind).toBe('running');
    expect(stateOf(engine, 'acc', 'a1').stop).toEqual({
      allowed: false,
      reason: 'account-problem',
      kind: 'AuthFailed',
    });
    const count = api.count();
    await clock.advance(5 * HOUR);
    expect(api.count()).toBe(count);
    expect(await engine.refresh()).toEqual([
      { accountId: 'acc', result: 'skipped', reason: 'account-problem' },
    ]);

    const fixed = new FakeApi(clock, [deployment('a1', 'stopped'), deployment('b2', 'stopped')]);
    engine.replaceClient('acc', fixed);
    await clock.advance(0);
    expect(fixed.count('list')).toBe(1);
    expect(accountOf(engine, 'acc').health).toBe('ok');
    expect(accountOf(engine, 'acc').problem).toBeUndefined();
    expect(stateOf(engine, 'acc', 'a1').statusKind).toBe('stopped');
    await clock.advance(HOUR);
    expect(fixed.count('list')).toBeGreaterThan(25);
    expect(api.count()).toBe(count);
    engine.dispose();
  });

  it('403 stops the account with the reason', async () => {
    const { clock, engine, api } = await watching();
    api.failNext('list', errors.forbidden);
    await clock.advance(3 * MINUTE);
    const account = accountOf(engine, 'acc');
    expect(account.health).toBe('forbidden');
    expect(account.problem).toMatchObject({
      kind: 'Forbidden',
      serverMessage: 'no deployment scope',
    });
    const count = api.count();
    await clock.advance(HOUR);
    expect(api.count()).toBe(count);
    engine.dispose();
  });

  it('404 on a watched ID marks it not-found and stops reading it; it stays in the list', async () => {
    const { clock, engine, api } = await watching({ a1: 'running', b2: 'stopped', c3: 'running' });
    api.listAvailable = false;
    await clock.advance(10 * MINUTE);
    api.deployments.delete('b2');
    await clock.advance(20 * MINUTE);
    const gone = stateOf(engine, 'acc', 'b2');
    expect(gone.statusKind).toBe('not-found');
    expect(gone.fields?.status).toBe('stopped');
    expect(gone.start).toEqual({ allowed: false, reason: 'not-found' });
    const notFoundAt = api.calls.filter((c) => c.id === 'b2').at(-1)?.at ?? 0;
    await clock.advance(2 * HOUR);
    expect(api.calls.filter((c) => c.id === 'b2').at(-1)?.at).toBe(notFoundAt);
    expect(api.count('get', 'a1')).toBeGreaterThan(10);
    expect(engine.getState().deployments.map((d) => d.deploymentId)).toEqual(['a1', 'b2', 'c3']);
    engine.dispose();
  });

  it('a watched ID missing from the list is confirmed gone with one single read', async () => {
    const { clock, engine, api } = await watching();
    api.deployments.delete('b2');
    await clock.advance(3 * MINUTE);
    expect(api.count('get', 'b2')).toBe(1);
    expect(stateOf(engine, 'acc', 'b2').statusKind).toBe('not-found');
    await clock.advance(HOUR);
    expect(api.count('get', 'b2')).toBe(1);
    expect(stateOf(engine, 'acc', 'a1').statusKind).toBe('running');
    engine.dispose();
  });
});
