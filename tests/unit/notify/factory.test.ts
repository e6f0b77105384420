import { describe, expect, it } from 'vitest';
import type { NotifyEvent } from '../../../electron/core/notify/events';
import {
  GROUP_LINES,
  groupedNotification,
  notificationsFor,
  singleNotification,
} from '../../../electron/core/notify/factory';
import { T0 } from '../../fixtures/snapshot';

const stopped: NotifyEvent = {
  kind: 'unexpected-stop',
  deploymentKey: 'acc1/aaaa1111',
  name: 'Prod',
};
const running: NotifyEvent = {
  kind: 'became-running',
  deploymentKey: 'acc1/bbbb2222',
  name: 'Lab',
};
const rejected: NotifyEvent = {
  kind: 'credentials-rejected',
  accountId: 'acc1',
  name: 'Team A',
  problem: { kind: 'AuthFailed' },
};

describe('singleNotification', () => {
  it('names the deployment and points a click at it', () => {
    const n = singleNotification(running, 'en', T0);
    expect(n).toEqual({
      id: `became-running:acc1/bbbb2222@${T0}`,
      kind: 'became-running',
      title: 'Running: Lab',
      body: 'Clients can connect to it again.',
      urgency: 'normal',
      deploymentKey: 'acc1/bbbb2222',
    });
  });

  it('flags an unexpected stop as critical and hints at billing', () => {
    const n = singleNotification(stopped, 'en', T0);
    expect(n.urgency).toBe('critical');
    expect(n.title).toBe('Stopped unexpectedly: Prod');
    expect(n.body).toMatch(/spend limit/);
  });

  it('explains rejected credentials and has no deployment to open', () => {
    const n = singleNotification(rejected, 'en', T0);
    expect(n.urgency).toBe('critical');
    expect(n.title).toBe('EMQX Cloud rejected the key of Team A');
    expect(n.body).toMatch(/Platform API Key/);
    expect(n.deploymentKey).toBeUndefined();
  });

  it('speaks Chinese when asked', () => {
    const n = singleNotification(stopped, 'zh-CN', T0);
    expect(n.title).toBe('意外停止：Prod');
  });

  it('gives the same id for the same event at the same time', () => {
    expect(singleNotification(stopped, 'en', T0).id).toBe(
      singleNotification(stopped, 'zh-CN', T0).id,
    );
    expect(singleNotification(stopped, 'en', T0).id).not.toBe(
      singleNotification(stopped, 'en', T0 + 1).id,
    );
  });
});

describe('groupedNotification', () => {
  it('counts deployments and lists each change', () => {
    const n = groupedNotification([stopped, running], 'en', T0);
    expect(n.title).toBe('2 deployments changed state');
    expect(n.body).toBe('Stopped unexpectedly: Prod\nRunning: Lab');
    expect(n.kind).toBe('unexpected-stop');
    expect(n.urgency).toBe('critical');
    expect(n.deploymentKey).toBe('acc1/aaaa1111');
  });

  it('uses a general title when accounts are involved and opens the first deployment', () => {
    const n = groupedNotification([rejected, running], 'zh-CN', T0);
    expect(n.title).toBe('EMQX Cloud 有 2 条更新');
    expect(n.kind).toBe('credentials-rejected');
    expect(n.deploymentKey).toBe('acc1/bbbb2222');
  });

  it('is normal urgency when nothing critical is in it', () => {
    const other: NotifyEvent = { ...running, deploymentKey: 'acc1/cccc3333', name: 'Dev' };
    expect(groupedNotification([running, other], 'en', T0).urgency).toBe('normal');
  });

  it('keeps the body short when many change at once', () => {
    const many: NotifyEvent[] = Array.from({ length: GROUP_LINES + 3 }, (_, i) => ({
      kind: 'became-stopped',
      deploymentKey: `acc1/d${i}`,
      name: `D${i}`,
    }));
    const lines = groupedNotification(many, 'en', T0).body.split('\n');
    expect(lines).toHaveLength(GROUP_LINES + 1);
    expect(lines.at(-1)).toBe('…and 3 more');
  });

  it('refuses an empty group', () => {
    expect(() => groupedNotification([], 'en', T0)).toThrow(RangeError);
  });
});

describe('notificationsFor', () => {
  it('makes none, one, or one grouped', () => {
    expect(notificationsFor([], 'en', T0)).toEqual([]);
    expect(notificationsFor([running], 'en', T0)[0]?.title).toBe('Running: Lab');
    const grouped = notificationsFor([running, stopped, rejected], 'en', T0);
    expect(grouped).toHaveLength(1);
    expect(grouped[0]?.title).toBe('3 updates from EMQX Cloud');
  });
});
