// One AppSnapshot from the engine's state and the controller's records. Accounts the engine does
// not know (no secret yet, keychain refused) still appear, with their deployments as last known,
// so the tray shows names and the window can ask for what is missing.
import { defaultAccountLabel } from '../accounts/label';
import { budgetView, emptyLedger, scopeOf } from '../budget/ledger';
import { parseLedgerData } from '../budget/store';
import type { AccountState, DeploymentState, EngineState } from '../watch/types';
import type {
  AccountView,
  AppSnapshot,
  DeploymentView,
  Locale,
  Notice,
  OperationAvailability,
  Preferences,
} from '../../shared/model';
import { deploymentKey } from '../../shared/model';
import type { PersistedDeployment } from '../settings/schema';
import type { AccountEntry } from './registry';

export interface SnapshotParts {
  revision: number;
  now: number;
  locale: Locale;
  preferences: Preferences;
  accounts: readonly AccountEntry[];
  watched: readonly PersistedDeployment[];
  engine: EngineState;
  /** The persisted ledger, for the budget of accounts the engine does not know. */
  ledger: unknown;
  notices: Notice[];
  focusDeploymentKey?: string;
  focusScreen?: AppSnapshot['focusScreen'];
  platform: AppSnapshot['platform'];
  appVersion: string;
  isSessionOnly(accountId: string): boolean;
}

export function buildSnapshot(parts: SnapshotParts): AppSnapshot {
  const engineAccounts = new Map(parts.engine.accounts.map((a) => [a.id, a]));
  const engineDeployments = new Map(parts.engine.deployments.map((d) => [d.key, d]));
  const ledger = parseLedgerData(parts.ledger) ?? emptyLedger();

  const accounts = parts.accounts.map((entry) => {
    const state = entry.active ? engineAccounts.get(entry.record.id) : undefined;
    return accountView(entry, state, parts, () =>
      budgetView(scopeOf(ledger, entry.budgetScope, parts.now), parts.now),
    );
  });

  const byId = new Map(parts.accounts.map((a) => [a.record.id, a]));
  const deployments: DeploymentView[] = [];
  for (const w of parts.watched) {
    const entry = byId.get(w.accountId);
    if (entry === undefined) continue;
    const key = deploymentKey(w.accountId, w.deploymentId);
    const state = entry.active ? engineDeployments.get(key) : undefined;
    deployments.push(state === undefined ? inactiveView(w, entry) : activeView(w, state));
  }

  const snapshot: AppSnapshot = {
    revision: parts.revision,
    now: parts.now,
    locale: parts.locale,
    preferences: structuredClone(parts.preferences),
    accounts,
    deployments,
    online: parts.engine.online,
    suspended: parts.engine.suspended,
    demo: parts.accounts.some((a) => a.demo),
    notices: parts.notices,
    platform: { ...parts.platform },
    appVersion: parts.appVersion,
  };
  if (parts.focusDeploymentKey !== undefined) {
    snapshot.focusDeploymentKey = parts.focusDeploymentKey;
  }
  if (parts.focusScreen !== undefined) snapshot.focusScreen = { ...parts.focusScreen };
  return snapshot;
}

function accountView(
  entry: AccountEntry,
  state: AccountState | undefined,
  parts: SnapshotParts,
  storedBudget: () => AccountView['budget'],
): AccountView {
  const { record } = entry;
  const view: AccountView = {
    id: record.id,
    label:
      record.label === ''
        ? defaultAccountLabel(record.site, record.keyId, parts.locale)
        : record.label,
    site: record.site,
    baseUrl: record.baseUrl,
    keyId: record.keyId,
    health: state?.health ?? 'no-secret',
    listEndpoint: state?.listEndpoint ?? 'unknown',
    sessionOnly: parts.isSessionOnly(record.id),
    demo: entry.demo,
    budget: state?.budget ?? storedBudget(),
  };
  const problem = state?.problem ?? (state === undefined ? entry.problem : undefined);
  if (problem !== undefined) view.problem = { ...problem };
  if (state?.nextCheckAt !== undefined) view.nextCheckAt = state.nextCheckAt;
  return view;
}

function activeView(w: PersistedDeployment, state: DeploymentState): DeploymentView {
  const view: DeploymentView = { ...state, muted: w.muted };
  // Until the first read the engine knows only the ID; the name from last time reads better.
  if (state.fields === undefined && w.lastKnownName !== undefined) view.name = w.lastKnownName;
  return view;
}

function inactiveView(w: PersistedDeployment, entry: AccountEntry): DeploymentView {
  const kind = entry.problem?.kind;
  const blocked: OperationAvailability =
    kind === undefined || kind === 'InvalidInput'
      ? { allowed: false, reason: 'not-checked' }
      : { allowed: false, reason: 'account-problem', kind };
  return {
    key: deploymentKey(w.accountId, w.deploymentId),
    accountId: w.accountId,
    deploymentId: w.deploymentId,
    name: w.lastKnownName ?? w.deploymentId,
    statusKind: 'unchecked',
    transitions: [],
    unexpectedStop: false,
    start: blocked,
    stop: { ...blocked },
    muted: w.muted,
  };
}
