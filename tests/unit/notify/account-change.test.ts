import { describe, expect, it } from 'vitest';
import {
  connectionProblemStarted,
  credentialsNewlyRejected,
} from '../../../electron/core/notify/account-change';
import type { PolicyState } from '../../../electron/core/notify/policy-state';
import type { AccountHealth, ProblemKind } from '../../../electron/shared/model';
import { makeAccount, makeDeployment, T0 } from '../../fixtures/snapshot';

const account = (health: AccountHealth) => makeAccount({ health });

function state(staleKind?: ProblemKind, health: AccountHealth = 'ok'): PolicyState {
  return {
    accounts: [makeAccount({ health })],
    deployments: [
      makeDeployment({ deploymentId: 'aaaa1111' }),
      makeDeployment({
        deploymentId: 'bbbb2222',
        ...(staleKind
          ? { stale: { since: T0, problem: { kind: staleKind, message: 'x', at: T0 } } }
          : {}),
      }),
    ],
  };
}

describe('credentialsNewlyRejected', () => {
  it('is true when a working key starts being refused', () => {
    expect(credentialsNewlyRejected(account('ok'), account('auth-failed'))).toBe(true);
    expect(credentialsNewlyRejected(account('checking'), account('forbidden'))).toBe(true);
  });

  it('is false while it stays refused, for a new account, and for other health', () => {
    expect(credentialsNewlyRejected(account('auth-failed'), account('forbidden'))).toBe(false);
    expect(credentialsNewlyRejected(account('auth-failed'), account('auth-failed'))).toBe(false);
    expect(credentialsNewlyRejected(undefined, account('auth-failed'))).toBe(false);
    expect(credentialsNewlyRejected(account('ok'), account('no-secret'))).toBe(false);
  });
});

describe('connectionProblemStarted', () => {
  it('returns the problem when checks start failing for a transient reason', () => {
    expect(connectionProblemStarted(state(), state('Timeout'), 'acc1')?.kind).toBe('Timeout');
    expect(connectionProblemStarted(state(), state('ServerError'), 'acc1')?.kind).toBe(
      'ServerError',
    );
  });

  it('stays quiet while already stale, whatever the reason was', () => {
    expect(
      connectionProblemStarted(state('Timeout'), state('NetworkError'), 'acc1'),
    ).toBeUndefined();
    expect(
      connectionProblemStarted(state('Offline'), state('NetworkError'), 'acc1'),
    ).toBeUndefined();
    expect(connectionProblemStarted(state('Aborted'), state('Timeout'), 'acc1')).toBeUndefined();
  });

  it('does not announce being offline, asleep or rate limited', () => {
    expect(connectionProblemStarted(state(), state('Offline'), 'acc1')).toBeUndefined();
    expect(connectionProblemStarted(state(), state('Aborted'), 'acc1')).toBeUndefined();
    expect(connectionProblemStarted(state(), state('RateLimited'), 'acc1')).toBeUndefined();
  });

  it('leaves rejected keys and unknown accounts to other rules', () => {
    expect(
      connectionProblemStarted(state(), state('Timeout', 'auth-failed'), 'acc1'),
    ).toBeUndefined();
    expect(
      connectionProblemStarted({ accounts: [], deployments: [] }, state('Timeout'), 'acc1'),
    ).toBeUndefined();
  });

  it('counts a transient problem of the account itself', () => {
    const after: PolicyState = {
      ...state(),
      accounts: [makeAccount({ problem: { kind: 'NetworkError', message: 'x', at: T0 } })],
    };
    expect(connectionProblemStarted(state(), after, 'acc1')?.kind).toBe('NetworkError');
  });
});
