// Snapshots as the controller would send them, with just enough defaults to be valid.
import {
  makeAccount as makeSharedAccount,
  makeBudget as makeSharedBudget,
  makePreferences as makeSharedPreferences,
} from '../../fixtures/snapshot';
import type {
  AccountView,
  AppSnapshot,
  BudgetView,
  DeploymentFields,
  DeploymentView,
  Preferences,
} from '../../../electron/shared/model';

/** 2026-01-15 09:30 UTC; the tests run with TZ=UTC. */
export const NOW = Date.UTC(2026, 0, 15, 9, 30);
export const MINUTE = 60_000;

export function makeBudget(overrides: Partial<BudgetView> = {}): BudgetView {
  return makeSharedBudget({ reads: { limit: 60, used: 12, reserved: 5 }, ...overrides });
}

export function makeAccount(overrides: Partial<AccountView> = {}): AccountView {
  return makeSharedAccount({
    id: 'acc-1',
    label: 'Production',
    keyId: 'key-123',
    budget: makeBudget(),
    nextCheckAt: NOW + 3 * MINUTE,
    ...overrides,
  });
}

export function makeFields(overrides: Partial<DeploymentFields> = {}): DeploymentFields {
  return {
    deploymentID: 'w41b11c0',
    deploymentName: 'factory-broker',
    deploymentType: 'dedicated',
    status: 'running',
    connections: 1000,
    createAt: '2024-07-22 05:32',
    platform: 'AWS',
    region: 'N. Virginia (us-east-1)',
    extra: {},
    ...overrides,
  };
}

export function makeDeployment(
  overrides: Partial<DeploymentView> & { id?: string; name?: string } = {},
): DeploymentView {
  const { id = 'w41b11c0', name = 'factory-broker', ...rest } = overrides;
  const accountId = rest.accountId ?? 'acc-1';
  return {
    key: `${accountId}/${id}`,
    accountId,
    deploymentId: id,
    name,
    statusKind: 'running',
    fields: makeFields({ deploymentID: id, deploymentName: name }),
    checkedAt: NOW - 2 * MINUTE,
    transitions: [],
    unexpectedStop: false,
    start: { allowed: false, reason: 'wrong-state', status: 'running' },
    stop: { allowed: true },
    muted: false,
    ...rest,
  };
}

export function makePreferences(overrides: Partial<Preferences> = {}): Preferences {
  return makeSharedPreferences({ language: 'system', ...overrides });
}

export function makeSnapshot(overrides: Partial<AppSnapshot> = {}): AppSnapshot {
  return {
    revision: 1,
    now: NOW,
    locale: 'en',
    preferences: makePreferences(),
    accounts: [makeAccount()],
    deployments: [makeDeployment()],
    online: true,
    suspended: false,
    demo: false,
    notices: [],
    platform: { os: 'linux', loginItemSupported: true },
    appVersion: '0.1.0',
    ...overrides,
  };
}

/** The next snapshot in the controller's order. */
export function next(snapshot: AppSnapshot, changes: Partial<AppSnapshot>): AppSnapshot {
  return { ...snapshot, ...changes, revision: snapshot.revision + 1 };
}

export function manyDeployments(count: number): DeploymentView[] {
  return Array.from({ length: count }, (_, i) =>
    makeDeployment({ id: `d${String(i).padStart(7, '0')}`, name: `broker-${i + 1}` }),
  );
}
