import { describe, expect, it } from 'vitest';
import { memoryLedgerStore } from '../../../electron/core/budget/store';
import { FakeApi, deployment, errors } from './fake-api';
import { HOUR, MINUTE, accountOf, setupEngine, stateOf } from './setup';

async function started(status = 'stopped') {
  const setup = setupEngine();
  const api = new FakeApi(setup.clock, [deployment('a1', status), deployment('b2', 'running')]);
  setup.engine.addAccount('acc', api);
  setup.engine.watch('acc', 'a1');
  setup.engine.watch('acc', 'b2');
  await setup.clock.advance(0);
  return { ...setup, api };
}

describe('start and stop', () => {
  it('shows starting at once on 201 and confirms running within seconds on the fast ramp', async () => {
    const { clock, engine, api, changes } = await started();
    await clock.advance(40_000);
    const result = await engine.operate('acc', 'a1', 'start');
    expect(result.outcome).toBe('sent');
    const d = stateOf(engine, 'acc', 'a1');
    expect(d.statusKind).toBe('starting');
    expect(d.pendingOperation).toEqual({ op: 'start', sentAt: clock.now() });
    expect(d.transitions.at(-1)).toMatchObject({
      from: 'stopped',
      to: 'starting',
      userInitiated: true,
    });
    expect(changes.some((c) => c.reason === 'operation' && c.operation?.op === 'start')).toBe(true);

    const sentAt = clock.now();
    await clock.advance(30_000);
    api.set('a1', 'running');
    const readsBefore = api.reads().length;
    await clock.advance(15_000);
    const after = stateOf(engine, 'acc', 'a1');
    expect(after.statusKind).toBe('running');
    expect(after.pendingOperation).toBeUndefined();
    expect(after.transitions.at(-1)).toMatchObject({ to: 'running', userInitiated: true });
    expect(after.unexpectedStop).toBe(false);
    expect(api.reads().length).toBeGreaterThan(readsBefore);
    // Fast checks: at least four reads in the first 45 seconds after the 201.
    expect(
      api.reads().filter((c) => c.at > sentAt && c.at <= sentAt + 45_000).length,
    ).toBeGreaterThanOrEqual(4);

    // Back to the idle cadence once settled.
    await clock.advance(5 * MINUTE);
    const reads = api.reads().map((c) => c.at);
    const lastGap = (reads.at(-1) ?? 0) - (reads.at(-2) ?? 0);
    expect(lastGap).toBeGreaterThan(100_000);
    engine.dispose();
  });

  it('sends exactly one request for two clicks within a second', async () => {
    const { clock, engine, api } = await started();
    api.latencyMs = 700;
    const first = engine.operate('acc', 'a1', 'start');
    await clock.advance(300);
    expect(engine.availability('acc', 'a1', 'start')).toEqual({
      allowed: false,
      reason: 'in-flight',
    });
    const second = engine.operate('acc', 'a1', 'start');
    await clock.advance(1_000);
    expect((await first).outcome).toBe('sent');
    expect(await second).toEqual({ outcome: 'blocked', block: { reason: 'in-flight' } });
    const third = await engine.operate('acc', 'a1', 'start');
    expect(third.outcome).toBe('blocked');
    expect(api.count('start')).toBe(1);
    engine.dispose();
  });

  it('keeps the start/stop window for an hour, across a restart', async () => {
    const store = memoryLedgerStore();
    const one = setupEngine({ store });
    const api = new FakeApi(one.clock, [deployment('a1', 'stopped'), deployment('b2', 'running')]);
    one.engine.addAccount('acc', api);
    one.engine.watch('acc', 'a1');
    one.engine.watch('acc', 'b2');
    await one.clock.advance(0);
    expect((await one.engine.operate('acc', 'a1', 'start')).outcome).toBe('sent');
    const sentAt = one.clock.now();
    expect(one.engine.availability('acc', 'b2', 'stop')).toEqual({
      allowed: false,
      reason: 'window',
      availableAt: sentAt + HOUR,
    });
    expect(accountOf(one.engine, 'acc').budget.writes).toMatchObject({
      used: 1,
      nextAllowedAt: sentAt + HOUR,
    });
    one.engine.dispose();

    await one.clock.advance(20 * MINUTE);
    const two = setupEngine({ clock: one.clock, store });
    two.engine.addAccount('acc', api);
    two.engine.watch('acc', 'b2', deployment('b2', 'running'));
    expect(two.engine.availability('acc', 'b2', 'stop')).toEqual({
      allowed: false,
      reason: 'window',
      availableAt: sentAt + HOUR,
    });
    expect((await two.engine.operate('acc', 'b2', 'stop')).outcome).toBe('blocked');
    await two.clock.advanceTo(sentAt + HOUR);
    expect(two.engine.availability('acc', 'b2', 'stop')).toEqual({ allowed: true });
    expect(api.count('start') + api.count('stop')).toBe(1);
    two.engine.dispose();
  });

  it('re-reads the status on 422 and reports that the state did not allow it', async () => {
    const { clock, engine, api } = await started();
    await clock.advance(10_000);
    api.set('a1', 'running'); // started elsewhere; we have not seen it yet
    const reads = api.reads().length;
    const result = await engine.operate('acc', 'a1', 'start');
    expect(result.outcome).toBe('refused');
    if (result.outcome === 'refused')
      expect(result.problem).toMatchObject({ kind: 'InvalidState', status: 422 });
    expect(api.reads().length).toBe(reads + 1);
    expect(stateOf(engine, 'acc', 'a1').statusKind).toBe('running');
    expect(api.count('start')).toBe(1);
    engine.dispose();
  });

  it('re-reads on 422 even right after a read, when that read is what the 422 contradicts', async () => {
    const { clock, engine, api } = await started();
    await clock.advance(1_000);
    const reads = api.reads().length;
    expect(stateOf(engine, 'acc', 'a1').checkedAt).toBe(clock.now() - 1_000);
    api.set('a1', 'running');
    const result = await engine.operate('acc', 'a1', 'start');
    expect(result.outcome).toBe('refused');
    expect(api.reads().length).toBe(reads + 1);
    expect(stateOf(engine, 'acc', 'a1').statusKind).toBe('running');
    expect(api.count('start')).toBe(1);
    engine.dispose();
  });

  it('never retries a start that got no answer, and watches closely to learn what happened', async () => {
    const { clock, engine, api } = await started();
    api.failNext('start', errors.network);
    const result = await engine.operate('acc', 'a1', 'start');
    expect(result).toMatchObject({ outcome: 'failed', problem: { kind: 'NetworkError' } });
    expect(stateOf(engine, 'acc', 'a1').pendingOperation?.op).toBe('start');
    expect(engine.availability('acc', 'a1', 'start')).toMatchObject({
      allowed: false,
      reason: 'window',
    });
    // The request reached the cloud after all.
    api.set('a1', 'starting');
    await clock.advance(10_000);
    expect(stateOf(engine, 'acc', 'a1').statusKind).toBe('starting');
    api.set('a1', 'running');
    await clock.advance(30_000);
    const d = stateOf(engine, 'acc', 'a1');
    expect(d.statusKind).toBe('running');
    expect(d.transitions.at(-1)).toMatchObject({ to: 'running', userInitiated: true });
    await clock.advance(2 * HOUR);
    expect(api.count('start')).toBe(1);
    engine.dispose();
  });

  it('pauses start/stop until Retry-After on 429, and gives the hour back after a 401', async () => {
    const { clock, engine, api } = await started();
    api.failNext('start', () => errors.rateLimited(clock.now() + 40 * MINUTE));
    expect((await engine.operate('acc', 'a1', 'start')).outcome).toBe('failed');
    expect(engine.availability('acc', 'a1', 'start')).toEqual({
      allowed: false,
      reason: 'rate-limited',
      availableAt: clock.now() + 40 * MINUTE,
    });
    engine.dispose();

    const second = await started();
    second.api.failNext('start', errors.auth);
    expect((await second.engine.operate('acc', 'a1', 'start')).outcome).toBe('failed');
    expect(second.engine.availability('acc', 'a1', 'start')).toEqual({
      allowed: false,
      reason: 'account-problem',
      kind: 'AuthFailed',
    });
    second.engine.replaceClient('acc', second.api);
    await second.clock.advance(0);
    expect(accountOf(second.engine, 'acc').health).toBe('ok');
    expect(second.engine.availability('acc', 'a1', 'start')).toEqual({ allowed: true });
    second.engine.dispose();
  });

  it('offers only what the state allows', async () => {
    const { clock, engine } = await started();
    expect(engine.availability('acc', 'a1', 'start')).toEqual({ allowed: true });
    expect(engine.availability('acc', 'a1', 'stop')).toEqual({
      allowed: false,
      reason: 'wrong-state',
      status: 'stopped',
    });
    expect(engine.availability('acc', 'nope', 'start')).toEqual({
      allowed: false,
      reason: 'not-found',
    });
    engine.watch('acc', 'c3');
    expect(engine.availability('acc', 'c3', 'start')).toEqual({
      allowed: false,
      reason: 'not-checked',
    });
    engine.setOnline(false);
    expect(engine.availability('acc', 'a1', 'start')).toEqual({
      allowed: false,
      reason: 'offline',
    });
    engine.setOnline(true);
    engine.suspend();
    expect(engine.availability('acc', 'a1', 'start')).toEqual({
      allowed: false,
      reason: 'offline',
    });
    engine.resume();
    await clock.advance(0);
    expect(engine.getState().deployments.find((d) => d.deploymentId === 'a1')?.start).toEqual({
      allowed: true,
    });
    engine.dispose();
  });

  it('does not act on a status nobody documented', async () => {
    const { engine, api } = await started('hibernating');
    expect(stateOf(engine, 'acc', 'a1').statusKind).toBe('unknown');
    expect(stateOf(engine, 'acc', 'a1').fields?.status).toBe('hibernating');
    expect(await engine.operate('acc', 'a1', 'start')).toEqual({
      outcome: 'blocked',
      block: { reason: 'unknown-status' },
    });
    expect(api.count('start')).toBe(0);
    engine.dispose();
  });
});
