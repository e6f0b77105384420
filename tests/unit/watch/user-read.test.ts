import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../../electron/core/api/errors';
import { FakeApi, deployment } from './fake-api';
import { HOUR, accountOf, setupEngine, stateOf } from './setup';

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
});
