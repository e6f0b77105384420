import { describe, expect, it } from 'vitest';
import { InvalidInputError, RateLimitedError } from '../../../electron/core/api/errors';
import { FakeApi, deployment } from './fake-api';
import { HOUR, MINUTE, accountOf, setupEngine, stateOf } from './setup';

describe('reads made for the user outside polling', () => {
  it('are counted at user priority in the scope, and refused without calling when spent', async () => {
    const { clock, engine } = setupEngine();
    const api = new FakeApi(clock, [deployment('a1', 'running')]);
    engine.addAccount('acc', api, { budgetScope: 'scope-1' });
    let calls = 0;
    const read = async () => {
      calls++;
      return 'value';
    };
    let refusedAt: number | undefined;
    for (let i = 0; i < 80 && refusedAt === undefined; i++) {
      const r = await engine.userRead('scope-1', read);
      if (!r.ok) refusedAt = r.availableAt;
    }
    expect(calls).toBeLessThanOrEqual(60);
    expect(calls).toBeGreaterThan(30);
    expect(refusedAt).toBeGreaterThan(clock.now());
    expect(refusedAt).toBeLessThanOrEqual(clock.now() + HOUR);
    expect(accountOf(engine, 'acc').budget.reads.used).toBe(calls);
    engine.dispose();
  });

  it('records a 429 from the read and rethrows it', async () => {
    const { clock, engine } = setupEngine();
    const retryAt = clock.now() + 10 * 60_000;
    await expect(
      engine.userRead('scope-2', async () => {
        throw new RateLimitedError('limited', { status: 429, retryAt });
      }),
    ).rejects.toBeInstanceOf(RateLimitedError);
    const next = await engine.userRead('scope-2', async () => 'never');
    expect(next).toEqual({ ok: false, availableAt: retryAt });
    engine.dispose();
  });

  it('gives the read back when the client refused it before sending (a bad ID)', async () => {
    const { clock, engine } = setupEngine();
    engine.addAccount('acc', new FakeApi(clock), { budgetScope: 'scope-3' });
    await engine.userRead('scope-3', async () => 'ok');
    await expect(
      engine.userRead('scope-3', async () => {
        throw new InvalidInputError('The deployment ID is not valid.');
      }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(accountOf(engine, 'acc').budget.reads.used).toBe(1);
    engine.dispose();
  });

  it('takes a list read for the user as a poll: health, list endpoint and statuses', async () => {
    const { clock, engine } = setupEngine();
    const api = new FakeApi(clock, [deployment('a1', 'running')]);
    engine.addAccount('acc', api);
    engine.watch('acc', 'a1', deployment('a1', 'running'));
    expect(accountOf(engine, 'acc').listEndpoint).toBe('unknown');
    engine.observeList('acc', [deployment('a1', 'stopped')]);
    expect(accountOf(engine, 'acc')).toMatchObject({ health: 'ok', listEndpoint: 'available' });
    expect(stateOf(engine, 'acc', 'a1').statusKind).toBe('stopped');
    engine.dispose();
  });

  it('while a poll is in flight: each request counted once, one transition, no extra read', async () => {
    const { clock, engine } = setupEngine();
    const api = new FakeApi(clock, [deployment('a1', 'running')]);
    api.latencyMs = 2_000;
    engine.addAccount('acc', api, { budgetScope: 's' });
    engine.watch('acc', 'a1', deployment('a1', 'running'));
    await clock.advanceTo(accountOf(engine, 'acc').nextCheckAt ?? 0);
    expect(api.count('list')).toBe(1); // the poll, still on the wire
    api.set('a1', 'stopped');
    const forUser = engine.userRead('s', () => api.listDeployments());
    await clock.advance(2_000);
    const result = await forUser;
    if (!result.ok) throw new Error('the budget had room');
    engine.observeList('acc', result.value);

    expect(api.count('list')).toBe(2);
    expect(accountOf(engine, 'acc').budget.reads.used).toBe(2);
    const d = stateOf(engine, 'acc', 'a1');
    expect(d.statusKind).toBe('stopped');
    expect(d.transitions.map((t) => t.to)).toEqual(['running', 'stopped']);
    const next = accountOf(engine, 'acc').nextCheckAt ?? 0;
    expect(next - clock.now()).toBeGreaterThan(MINUTE);
    await clock.advance(MINUTE);
    expect(api.count('list')).toBe(2);
    engine.dispose();
  });

  it('a list read for the user answers a refresh the budget had deferred', async () => {
    const { clock, engine } = setupEngine();
    const api = new FakeApi(clock, [deployment('a1', 'running')]);
    engine.addAccount('acc', api, { budgetScope: 's' });
    engine.watch('acc', 'a1', deployment('a1', 'running'));
    const start = clock.now();
    while ((await engine.userRead('s', async () => 'x')).ok);
    await clock.advance(10_000);
    const [outcome] = await engine.refresh({ accountId: 'acc' });
    expect(outcome).toMatchObject({ result: 'deferred', at: start + HOUR });

    await clock.advanceTo(start + HOUR - 30_000);
    engine.observeList('acc', [deployment('a1', 'running')]);
    await clock.advanceTo(start + HOUR + 60_000);
    // Without the deferred refresh, the next read waits for the idle cadence after the list.
    expect(api.count('list')).toBe(0);
    await clock.advance(2 * MINUTE);
    expect(api.count('list')).toBe(1);
    engine.dispose();
  });
});
