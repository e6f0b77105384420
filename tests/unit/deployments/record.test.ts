import { describe, expect, it } from 'vitest';
import {
  MAX_TRANSITIONS,
  OPERATION_ECHO_GRACE_MS,
  applyNotFound,
  applyOperationAccepted,
  applyRead,
  applyStale,
  markBaseline,
  newRecord,
} from '../../../electron/core/deployments/record';
import { deploymentState } from '../../../electron/core/deployments/view';
import type { Deployment } from '../../../electron/core/api/types';
import type { Problem } from '../../../electron/shared/model';

const T0 = Date.UTC(2026, 0, 1);

function read(status: string, extra: Partial<Deployment> = {}): Deployment {
  return {
    deploymentID: 'w41b11c0',
    deploymentName: 'deployment-w41b11c0',
    deploymentType: 'dedicated',
    status,
    connections: 1000,
    createAt: '2024-07-22 05:32',
    platform: '阿里云',
    region: '杭州',
    extra: { undocumented: true },
    ...extra,
  };
}

const problem = (at: number): Problem => ({
  kind: 'ServerError',
  message: 'down',
  status: 503,
  at,
});
const allowed = { allowed: true } as const;

describe('reads', () => {
  it('the first read is a baseline and records where the status came from', () => {
    const rec = newRecord('acc', 'w41b11c0', T0);
    expect(rec.baselinePending).toBe(true);
    const out = applyRead(rec, read('running'), T0 + 1);
    expect(out.baseline).toBe(true);
    expect(out.transition).toEqual({ at: T0 + 1, from: null, to: 'running', userInitiated: false });
    expect(out.record.baselinePending).toBe(false);
    expect(out.record.checkedAt).toBe(T0 + 1);
    expect(out.record.fields?.extra).toEqual({ undocumented: true });
    const again = applyRead(out.record, read('running'), T0 + 2);
    expect(again.transition).toBeUndefined();
    expect(again.baseline).toBe(false);
  });

  it('an initial read given at watch time is the baseline itself', () => {
    const rec = newRecord('acc', 'w41b11c0', T0, read('stopped'));
    expect(rec.baselinePending).toBe(false);
    expect(rec.checkedAt).toBe(T0);
    expect(rec.transitions).toEqual([{ at: T0, from: null, to: 'stopped', userInitiated: false }]);
    expect(rec.unexpectedStop).toBe(false);
  });

  it('flags a stop nobody asked for, and clears it on the next change', () => {
    let rec = newRecord('acc', 'w41b11c0', T0, read('running'));
    rec = applyRead(rec, read('stopped'), T0 + 1).record;
    expect(rec.unexpectedStop).toBe(true);
    rec = applyRead(rec, read('running'), T0 + 2).record;
    expect(rec.unexpectedStop).toBe(false);
  });

  it('a stop of ours is expected: stopping and stopped are user-initiated', () => {
    let rec = newRecord('acc', 'w41b11c0', T0, read('running'));
    rec = applyOperationAccepted(
      rec,
      'stop',
      { deploymentID: 'w41b11c0', deploymentName: 'x', operation: 'stopping' },
      T0 + 10,
    );
    expect(rec.fields?.status).toBe('stopping');
    expect(rec.pendingOperation).toEqual({ op: 'stop', sentAt: T0 + 10 });
    expect(rec.transitions.at(-1)).toEqual({
      at: T0 + 10,
      from: 'running',
      to: 'stopping',
      userInitiated: true,
    });
    rec = applyRead(rec, read('stopped'), T0 + 70_000).record;
    expect(rec.transitions.at(-1)).toEqual({
      at: T0 + 70_000,
      from: 'stopping',
      to: 'stopped',
      userInitiated: true,
    });
    expect(rec.unexpectedStop).toBe(false);
    expect(rec.pendingOperation).toBeUndefined();
  });

  it('does not blink back while the cloud has not caught up with an accepted start', () => {
    let rec = newRecord('acc', 'w41b11c0', T0, read('stopped'));
    rec = applyOperationAccepted(
      rec,
      'start',
      { deploymentID: 'w41b11c0', deploymentName: 'x', operation: 'starting' },
      T0,
    );
    const lagging = applyRead(rec, read('stopped'), T0 + 5_000);
    expect(lagging.transition).toBeUndefined();
    expect(lagging.record.fields?.status).toBe('starting');
    expect(lagging.record.pendingOperation).toBeDefined();
    // After the grace, the cloud's word stands: the start did not happen.
    const late = applyRead(lagging.record, read('stopped'), T0 + OPERATION_ECHO_GRACE_MS + 1);
    expect(late.transition).toMatchObject({
      from: 'starting',
      to: 'stopped',
      userInitiated: false,
    });
    expect(late.record.pendingOperation).toBeUndefined();
    expect(late.record.unexpectedStop).toBe(true);
  });

  it('keeps the last 20 transitions of a flapping deployment', () => {
    let rec = newRecord('acc', 'w41b11c0', T0, read('running'));
    for (let i = 1; i <= 50; i++)
      rec = applyRead(rec, read(i % 2 === 0 ? 'running' : 'stopped'), T0 + i).record;
    expect(rec.transitions).toHaveLength(MAX_TRANSITIONS);
    expect(rec.transitions.at(-1)).toMatchObject({ at: T0 + 50, to: 'running' });
    expect(rec.transitions[0]).toMatchObject({ at: T0 + 31 });
  });

  it('keeps list-only fields across single reads', () => {
    let rec = newRecord(
      'acc',
      'w41b11c0',
      T0,
      read('running', { projectName: 'staging', version: '5.8.6', tps: 1000 }),
    );
    rec = applyRead(rec, read('running'), T0 + 1).record;
    expect(rec.fields).toMatchObject({ projectName: 'staging', version: '5.8.6', tps: 1000 });
    rec = applyRead(rec, read('running', { version: '5.9.0' }), T0 + 2).record;
    expect(rec.fields?.version).toBe('5.9.0');
  });

  it('keeps a descriptive field a later answer lacks, and names one never given', () => {
    let rec = newRecord('acc', 'w41b11c0', T0, read('running'));
    rec = applyRead(
      rec,
      read('running', { platform: '', connections: 0, missingFields: ['connections', 'platform'] }),
      T0 + 1,
    ).record;
    expect(rec.fields).toMatchObject({ platform: '阿里云', connections: 1000 });
    expect(rec.fields?.missingFields).toBeUndefined();

    let serverless = newRecord(
      'acc',
      'k9d2s7x4',
      T0,
      read('running', { connections: 0, missingFields: ['connections'] }),
    );
    expect(serverless.fields?.missingFields).toEqual(['connections']);
    serverless = applyRead(
      serverless,
      read('running', { connections: 0, missingFields: ['connections'] }),
      T0 + 1,
    ).record;
    expect(serverless.fields?.missingFields).toEqual(['connections']);
    serverless = applyRead(serverless, read('running', { connections: 200 }), T0 + 2).record;
    expect(serverless.fields?.connections).toBe(200);
    expect(serverless.fields?.missingFields).toBeUndefined();
  });
});

describe('failures', () => {
  it('stale keeps the time of the first failure and the latest problem', () => {
    let rec = newRecord('acc', 'w41b11c0', T0, read('running'));
    rec = applyStale(rec, problem(T0 + 10));
    rec = applyStale(rec, problem(T0 + 20));
    expect(rec.stale).toEqual({ since: T0 + 10, problem: problem(T0 + 20) });
    expect(rec.fields?.status).toBe('running');
    rec = applyRead(rec, read('running'), T0 + 30).record;
    expect(rec.stale).toBeUndefined();
  });

  it('not-found keeps the last snapshot and shows as not-found', () => {
    let rec = newRecord('acc', 'w41b11c0', T0, read('running'));
    rec = applyNotFound(rec, { kind: 'NotFound', message: 'gone', status: 404, at: T0 + 1 });
    const view = deploymentState(rec, allowed, allowed);
    expect(view.statusKind).toBe('not-found');
    expect(view.fields?.status).toBe('running');
    expect(view.name).toBe('deployment-w41b11c0');
    // It came back: the next read is compared with nothing.
    const back = applyRead(rec, read('running'), T0 + 2);
    expect(back.transition).toMatchObject({ from: null, to: 'running' });
  });

  it('a resume makes the next read a baseline again', () => {
    const rec = markBaseline(newRecord('acc', 'w41b11c0', T0, read('running')));
    expect(applyRead(rec, read('stopped'), T0 + 1).baseline).toBe(true);
  });
});

describe('view', () => {
  it('maps onto DeploymentView without muted', () => {
    const unchecked = deploymentState(newRecord('acc', 'w41b11c0', T0), allowed, allowed);
    expect(unchecked).toEqual({
      key: 'acc/w41b11c0',
      accountId: 'acc',
      deploymentId: 'w41b11c0',
      name: 'w41b11c0',
      statusKind: 'unchecked',
      transitions: [],
      unexpectedStop: false,
      start: allowed,
      stop: allowed,
    });
    const odd = deploymentState(
      newRecord('acc', 'w41b11c0', T0, read('hibernating')),
      allowed,
      allowed,
    );
    expect(odd.statusKind).toBe('unknown');
    expect(odd.fields?.status).toBe('hibernating');
  });
});
