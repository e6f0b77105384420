import { describe, expect, it } from 'vitest';
import { operationFor, operationItem } from '../../../electron/core/tray/operation-item';
import {
  OPERATION_BLOCK_REASONS,
  type OperationAvailability,
  type OperationBlock,
  type OperationBlockReason,
} from '../../../electron/shared/model';
import { makeDeployment, T0 } from '../../fixtures/snapshot';

const at1542 = Date.UTC(2025, 11, 4, 15, 42);

// A running deployment whose Stop is refused for the given reason.
const blocks: Record<OperationBlockReason, { block: OperationBlock; label: string; hint: string }> =
  {
    'wrong-state': {
      block: { reason: 'wrong-state', status: 'stopping' },
      label: 'Stop — status: Stopping',
      hint: 'Not available in the current state (Stopping)',
    },
    'in-flight': {
      block: { reason: 'in-flight' },
      label: 'Stop — in progress',
      hint: 'A start or stop request is already in progress',
    },
    window: {
      block: { reason: 'window', availableAt: at1542 },
      label: 'Stop — available at 15:42',
      hint: 'Start/stop available at 15:42',
    },
    'rate-limited': {
      block: { reason: 'rate-limited', availableAt: at1542 },
      label: 'Stop — rate limited until 15:42',
      hint: 'EMQX Cloud’s request limit is reached until 15:42',
    },
    'account-problem': {
      block: { reason: 'account-problem', kind: 'Forbidden' },
      label: 'Stop — check the account',
      hint: 'The account needs attention first',
    },
    offline: {
      block: { reason: 'offline' },
      label: 'Stop — offline',
      hint: 'Not available while offline',
    },
    'unknown-status': {
      block: { reason: 'unknown-status' },
      label: 'Stop — status unknown',
      hint: 'Not offered while the status is unknown',
    },
    'not-checked': {
      block: { reason: 'not-checked' },
      label: 'Stop — not checked yet',
      hint: 'Available once the status has been checked',
    },
    'not-found': {
      block: { reason: 'not-found' },
      label: 'Stop — not found',
      hint: 'The deployment was not found',
    },
  };

const refused = (block: OperationBlock): OperationAvailability => ({ allowed: false, ...block });

describe('operationItem', () => {
  it('offers Stop on a running deployment with the confirmation attached', () => {
    const item = operationItem(makeDeployment({ statusKind: 'running', name: 'Prod' }), 'en');
    expect(item).toMatchObject({
      id: 'deployment:acc1/w41b11c0:stop',
      label: 'Stop…',
      enabled: true,
    });
    expect(item.action).toEqual({
      type: 'operate',
      deploymentKey: 'acc1/w41b11c0',
      op: 'stop',
      confirm: {
        title: 'Stop deployment',
        message: 'Stop “Prod”?',
        detail: expect.stringMatching(
          /is disconnected.*no deployment in this account.*60 minutes/s,
        ),
        confirmLabel: 'Stop',
        cancelLabel: 'Cancel',
      },
    });
  });

  it('offers Start on a stopped deployment', () => {
    const item = operationItem(makeDeployment({ statusKind: 'stopped' }), 'en');
    expect(item).toMatchObject({ id: 'deployment:acc1/w41b11c0:start', label: 'Start…' });
    expect(item.action).toMatchObject({ op: 'start', confirm: { confirmLabel: 'Start' } });
  });

  it.each(OPERATION_BLOCK_REASONS)('is disabled and says why when blocked by %s', (reason) => {
    const { block, label, hint } = blocks[reason];
    const deployment = makeDeployment({
      statusKind: 'running',
      stop: refused(block),
      start: refused(block),
    });
    const item = operationItem(deployment, 'en', 'UTC');
    expect(item).toMatchObject({ enabled: false, label, hint });
    expect(item.action).toBeUndefined();
  });

  it('says it in Chinese', () => {
    const deployment = makeDeployment({
      statusKind: 'stopped',
      start: refused({ reason: 'window', availableAt: at1542 }),
    });
    expect(operationItem(deployment, 'zh-CN', 'UTC').label).toBe('启动 — 15:42 后可用');
    expect(operationItem(makeDeployment({ name: '生产' }), 'zh-CN').action).toMatchObject({
      confirm: { message: '确定要停止“生产”吗？', cancelLabel: '取消' },
    });
  });
});

describe('operationFor', () => {
  it('follows an operation already sent', () => {
    const d = makeDeployment({
      statusKind: 'running',
      pendingOperation: { op: 'start', sentAt: T0 },
    });
    expect(operationFor(d)).toBe('start');
  });

  it('prefers the one the engine allows', () => {
    const d = makeDeployment({
      statusKind: 'unknown',
      start: { allowed: true },
      stop: { allowed: false, reason: 'wrong-state', status: 'x' },
    });
    expect(operationFor(d)).toBe('start');
  });

  it('falls back on the status when neither is allowed', () => {
    expect(operationFor(makeDeployment({ statusKind: 'starting' }))).toBe('stop');
    expect(operationFor(makeDeployment({ statusKind: 'stopping' }))).toBe('start');
    expect(operationFor(makeDeployment({ statusKind: 'failed' }))).toBe('start');
  });
});
