import { describe, expect, it } from 'vitest';
import {
  operationAvailability,
  type OperationContext,
} from '../../../electron/core/deployments/operation-rules';
import {
  applyNotFound,
  applyOperationSent,
  newRecord,
} from '../../../electron/core/deployments/record';
import type { Deployment } from '../../../electron/core/api/types';

const T0 = Date.UTC(2026, 0, 1);

function read(status: string): Deployment {
  return {
    deploymentID: 'a1',
    deploymentName: 'a',
    deploymentType: 'dedicated',
    status,
    connections: 1,
    createAt: '2024-07-22 05:32',
    platform: 'AWS',
    region: 'x',
    extra: {},
  };
}

function ctx(status: string | undefined, over: Partial<OperationContext> = {}): OperationContext {
  return {
    op: 'start',
    record: newRecord('acc', 'a1', T0, status === undefined ? undefined : read(status)),
    online: true,
    writes: {},
    now: T0,
    ...over,
  };
}

describe('operation rules', () => {
  it('start only from stopped, stop only from running', () => {
    expect(operationAvailability(ctx('stopped'))).toEqual({ allowed: true });
    expect(operationAvailability(ctx('running', { op: 'stop' }))).toEqual({ allowed: true });
    expect(operationAvailability(ctx('running'))).toEqual({
      allowed: false,
      reason: 'wrong-state',
      status: 'running',
    });
    expect(operationAvailability(ctx('stopped', { op: 'stop' }))).toEqual({
      allowed: false,
      reason: 'wrong-state',
      status: 'stopped',
    });
    for (const status of ['starting', 'stopping', 'pending', 'failed']) {
      expect(operationAvailability(ctx(status))).toMatchObject({
        allowed: false,
        reason: 'wrong-state',
      });
    }
  });

  it('never on an unknown status, a deployment never checked, or one that is gone', () => {
    expect(operationAvailability(ctx('hibernating'))).toEqual({
      allowed: false,
      reason: 'unknown-status',
    });
    expect(operationAvailability(ctx(undefined))).toEqual({
      allowed: false,
      reason: 'not-checked',
    });
    const gone = applyNotFound(newRecord('acc', 'a1', T0, read('stopped')), {
      kind: 'NotFound',
      message: 'gone',
      at: T0,
    });
    expect(operationAvailability(ctx('stopped', { record: gone }))).toEqual({
      allowed: false,
      reason: 'not-found',
    });
  });

  it('not while a request is in flight, offline, or with rejected credentials', () => {
    const flying = applyOperationSent(newRecord('acc', 'a1', T0, read('stopped')), 'start');
    expect(operationAvailability(ctx('stopped', { record: flying }))).toEqual({
      allowed: false,
      reason: 'in-flight',
    });
    expect(operationAvailability(ctx('stopped', { online: false }))).toEqual({
      allowed: false,
      reason: 'offline',
    });
    expect(operationAvailability(ctx('stopped', { accountProblem: 'Forbidden' }))).toEqual({
      allowed: false,
      reason: 'account-problem',
      kind: 'Forbidden',
    });
  });

  it('not inside the start/stop window or a 429 pause, with the time it opens', () => {
    expect(operationAvailability(ctx('stopped', { writes: { nextAllowedAt: T0 + 5 } }))).toEqual({
      allowed: false,
      reason: 'window',
      availableAt: T0 + 5,
    });
    expect(
      operationAvailability(
        ctx('stopped', { writes: { nextAllowedAt: T0 + 9, rateLimitedUntil: T0 + 9 } }),
      ),
    ).toEqual({ allowed: false, reason: 'rate-limited', availableAt: T0 + 9 });
    expect(operationAvailability(ctx('stopped', { writes: { nextAllowedAt: T0 } }))).toEqual({
      allowed: true,
    });
  });
});
