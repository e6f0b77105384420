import { describe, expect, it } from 'vitest';
import { decideNotifications, type PolicyState } from '../../../electron/core/notify/policy';
import type {
  AccountHealth,
  DeploymentView,
  NotificationKind,
  ProblemKind,
  StatusKind,
} from '../../../electron/shared/model';
import type { NotificationRequest } from '../../../electron/core/app/ports';
import { makeAccount, makeDeployment, makePreferences, MINUTE, T0 } from '../../fixtures/snapshot';

const prod = (statusKind: StatusKind, more: Partial<DeploymentView> = {}) =>
  makeDeployment({ deploymentId: 'prod0001', name: 'Prod', statusKind, ...more });
const lab = (statusKind: StatusKind, more: Partial<DeploymentView> = {}) =>
  makeDeployment({ deploymentId: 'lab00002', name: 'Lab', statusKind, ...more });

function state(deployments: DeploymentView[], health: AccountHealth = 'ok'): PolicyState {
  return { accounts: [makeAccount({ health })], deployments };
}

const stale = (kind: ProblemKind) => ({
  stale: { since: T0, problem: { kind, message: kind, at: T0 } },
});

const ctx = (step = 0, baseline = false) => ({
  baseline,
  locale: 'en' as const,
  now: T0 + step * MINUTE,
});

/** Feeds consecutive states to the policy, as the controller does after each read. */
function replay(states: PolicyState[], prefs = makePreferences()): NotificationRequest[] {
  return states.slice(1).flatMap((after, i) => {
    const before = states[i];
    if (before === undefined) throw new Error('unreachable');
    return decideNotifications(before, after, prefs, ctx(i + 1));
  });
}

const kinds = (list: NotificationRequest[]): NotificationKind[] => list.map((n) => n.kind);

describe('decideNotifications', () => {
  it('stays silent on the first read after launch or resume', () => {
    const out = decideNotifications(
      state([prod('running')]),
      state([prod('stopped', { unexpectedStop: true })], 'auth-failed'),
      makePreferences(),
      ctx(1, true),
    );
    expect(out).toEqual([]);
  });

  it('stays silent for deployments just added', () => {
    expect(replay([state([]), state([prod('running')])])).toEqual([]);
    expect(replay([state([prod('unchecked')]), state([prod('stopped')])])).toEqual([]);
  });

  it('makes one notification per transition', () => {
    const out = replay([state([prod('stopped')]), state([prod('running')])]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      kind: 'became-running',
      title: 'Running: Prod',
      deploymentKey: 'acc1/prod0001',
      urgency: 'normal',
    });
  });

  it('lets transitional states pass without a word and reports where they lead', () => {
    const out = replay([
      state([prod('running')]),
      state([prod('stopping')]),
      state([prod('stopping')]),
      state([prod('stopped')]),
    ]);
    expect(kinds(out)).toEqual(['became-stopped']);
  });

  it('groups several changes of one step into one notification', () => {
    const out = replay([
      state([prod('running'), lab('stopped')]),
      state([prod('stopped', { unexpectedStop: true }), lab('running')]),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]?.title).toBe('2 deployments changed state');
    expect(out[0]?.body).toBe('Stopped unexpectedly: Prod\nRunning: Lab');
    expect(out[0]?.deploymentKey).toBe('acc1/prod0001');
  });

  it('marks an unexpected stop, failure and rejected key as critical', () => {
    const [stop] = replay([
      state([prod('running')]),
      state([prod('stopped', { unexpectedStop: true })]),
    ]);
    expect(stop).toMatchObject({ kind: 'unexpected-stop', urgency: 'critical' });
    const [failed] = replay([state([prod('running')]), state([prod('failed')])]);
    expect(failed).toMatchObject({ kind: 'failed', urgency: 'critical' });
    const [rejected] = replay([state([prod('running')]), state([prod('running')], 'forbidden')]);
    expect(rejected).toMatchObject({ kind: 'credentials-rejected', urgency: 'critical' });
    expect(rejected?.body).toMatch(/403/);
  });

  it('tells a deployment that disappeared', () => {
    const out = replay([state([prod('running')]), state([prod('not-found')])]);
    expect(out[0]).toMatchObject({ kind: 'not-found', title: 'Not found: Prod' });
  });

  it('respects a muted deployment', () => {
    const out = replay([
      state([prod('running'), lab('running')]),
      state([prod('stopped', { muted: true }), lab('stopped')]),
    ]);
    expect(out).toHaveLength(1);
    expect(out[0]?.title).toBe('Stopped: Lab');
  });

  it('respects the per-kind switches', () => {
    const prefs = makePreferences();
    prefs.notifications['became-running'] = false;
    const states = [
      state([prod('stopped'), lab('running')]),
      state([prod('running'), lab('stopped')]),
    ];
    expect(kinds(replay(states, prefs))).toEqual(['became-stopped']);
    prefs.notifications['became-stopped'] = false;
    expect(replay(states, prefs)).toEqual([]);
  });

  it('tells a connection problem once, not again while it lasts', () => {
    const out = replay([
      state([prod('running')]),
      state([prod('running', stale('Timeout'))]),
      state([prod('running', stale('NetworkError'))]),
      state([prod('running', stale('ServerError'))]),
    ]);
    expect(kinds(out)).toEqual(['connection-problem']);
    expect(out[0]?.title).toBe('Cannot check Team A');
    expect(out[0]?.body).toMatch(/did not answer in time/);
  });

  it('tells it again after the connection was good in between', () => {
    const out = replay([
      state([prod('running')]),
      state([prod('running', stale('Timeout'))]),
      state([prod('running')]),
      state([prod('running', stale('Timeout'))]),
    ]);
    expect(kinds(out)).toEqual(['connection-problem', 'connection-problem']);
  });

  it('does not call being offline a connection problem', () => {
    const out = replay([
      state([prod('running')]),
      state([prod('running', stale('Offline'))]),
      state([prod('running', stale('NetworkError'))]),
    ]);
    expect(out).toEqual([]);
  });

  it('tells a rejected key once while it stays rejected', () => {
    const out = replay([
      state([prod('running')]),
      state([prod('running', stale('AuthFailed'))], 'auth-failed'),
      state([prod('running', stale('AuthFailed'))], 'auth-failed'),
      state([prod('running', stale('AuthFailed'))], 'auth-failed'),
    ]);
    expect(kinds(out)).toEqual(['credentials-rejected']);
    expect(out[0]?.body).toMatch(/App ID/);
  });

  it('makes one notification per real change when a deployment flaps, never a duplicate', () => {
    const out = replay([
      state([prod('running')]),
      state([prod('stopped', { unexpectedStop: true })]),
      state([prod('stopped', { unexpectedStop: true })]),
      state([prod('starting')]),
      state([prod('running')]),
      state([prod('running')]),
      state([prod('stopped', { unexpectedStop: true })]),
      state([prod('running')]),
    ]);
    expect(kinds(out)).toEqual([
      'unexpected-stop',
      'became-running',
      'unexpected-stop',
      'became-running',
    ]);
    expect(new Set(out.map((n) => n.id)).size).toBe(out.length);
  });

  it('writes in the requested language', () => {
    const out = decideNotifications(
      state([prod('running')]),
      state([prod('failed')]),
      makePreferences(),
      { baseline: false, locale: 'zh-CN', now: T0 },
    );
    expect(out[0]?.title).toBe('异常：Prod');
  });
});
