// The watch engine's public face: what the controller (and the benchmark) call and receive.
import type { ApiClient, Deployment, OperationAccepted } from '../api/types';
import type { LedgerStore } from '../budget/store';
import type { Clock } from '../clock';
import type { DeploymentState } from '../deployments/view';
import type { Logger } from '../log/logger';
import type {
  AccountView,
  BudgetView,
  Operation,
  OperationAvailability,
  OperationBlock,
  Problem,
} from '../../shared/model';

export type { DeploymentState } from '../deployments/view';

export interface WatchEngineOptions {
  clock: Clock;
  /** Where the request ledger lives between runs (the controller's settings file). */
  ledgerStore: LedgerStore;
  /** Idle check cadence; default 120 000. */
  idleCadenceMs?: number;
  /** [0, 1) source for jitter; default Math.random. Seed it for reproducible runs. */
  random?: () => number;
  logger?: Logger;
}

export interface AccountOptions {
  /**
   * What the server counts limits against, e.g. `${baseUrl} ${keyId}`. Accounts with the same
   * scope share one budget. Default: the account id.
   */
  budgetScope?: string;
}

/** The engine's part of an account: the controller adds label, site, key id, secret state. */
export type EngineHealth = Extract<
  AccountView['health'],
  'ok' | 'auth-failed' | 'forbidden' | 'checking'
>;

export interface AccountState {
  id: string;
  health: EngineHealth;
  /** Why polling stopped (401/403). */
  problem?: Problem;
  listEndpoint: AccountView['listEndpoint'];
  budget: BudgetView;
  /** When the next scheduled read goes out; absent while nothing is scheduled. */
  nextCheckAt?: number;
  /**
   * The interval between idle checks of each deployment that polling actually keeps: the idle
   * cadence setting, or longer when the budget's background pace cannot cover every deployment
   * that often (see `effectiveIntervalMs`).
   */
  effectiveIntervalMs: number;
}

export interface EngineState {
  at: number;
  online: boolean;
  suspended: boolean;
  /** In the order they were added. */
  accounts: AccountState[];
  /** Grouped by account, each in the order watched. */
  deployments: DeploymentState[];
}

export type ChangeReason =
  'poll' | 'refresh' | 'operation' | 'watch' | 'account' | 'power' | 'network' | 'settings';

export interface EngineChange {
  reason: ChangeReason;
  accountId?: string;
  /**
   * Deployments whose read in this change was a baseline: the first read after watching, launch
   * or resume. What it shows is not news, so the notification policy stays quiet about them.
   */
  baselineKeys: string[];
  /** Set when reason is `operation`: the deployment and what the user asked for. */
  operation?: { deploymentKey: string; op: Operation };
  before: EngineState;
  after: EngineState;
}

export type ChangeListener = (change: EngineChange) => void;

export type RefreshSkip =
  'suspended' | 'offline' | 'account-problem' | 'nothing-to-check' | 'unknown-account';

export type RefreshOutcome =
  /** A read served this refresh (its result, good or bad, is in the state). */
  | { accountId: string; result: 'checked' }
  /** Joined a read already in flight. */
  | { accountId: string; result: 'joined' }
  /** Everything asked for was read within the last few seconds; nothing was sent. */
  | { accountId: string; result: 'fresh' }
  /** The budget has no room now: the read goes out at `at`, before anything scheduled. */
  | { accountId: string; result: 'deferred'; at: number }
  | { accountId: string; result: 'skipped'; reason: RefreshSkip };

export type OperationResult =
  | { outcome: 'sent'; accepted: OperationAccepted }
  | { outcome: 'blocked'; block: OperationBlock }
  /** 422: the state did not allow it. The status was re-read. */
  | { outcome: 'refused'; problem: Problem }
  /** Anything else. Never retried; if the outcome is unknown, the status is checked closely. */
  | { outcome: 'failed'; problem: Problem };

export interface RefreshTarget {
  accountId: string;
  deploymentId?: string;
}

export type UserReadResult<T> =
  | { ok: true; value: T }
  /** The budget has no room for it now; nothing was sent. */
  | { ok: false; availableAt: number };

export interface WatchEngine {
  addAccount(accountId: string, client: ApiClient, opts?: AccountOptions): void;
  /**
   * New credentials: clears a 401/403 stop and checks at once, unless `verifiedList` holds the
   * list the caller just read with them (that read is the check).
   */
  replaceClient(
    accountId: string,
    client: ApiClient,
    opts?: AccountOptions & { verifiedList?: Deployment[] },
  ): void;
  removeAccount(accountId: string): void;
  /** `initial`: a read the caller just made (e.g. when adding), used as the baseline. */
  watch(accountId: string, deploymentId: string, initial?: Deployment): void;
  unwatch(accountId: string, deploymentId: string): void;
  /** A user's refresh: everything, one account, or one deployment. */
  refresh(target?: RefreshTarget): Promise<RefreshOutcome[]>;
  operate(accountId: string, deploymentId: string, op: Operation): Promise<OperationResult>;
  /**
   * A one-off read the user asked for outside polling (a connection test, an account's list,
   * the check before watching a deployment), counted at user priority against `budgetScope`
   * like any other read, so the server's count and ours never drift apart. Errors of `read`
   * are rethrown after a 429 has been recorded.
   */
  userRead<T>(budgetScope: string, read: () => Promise<T>): Promise<UserReadResult<T>>;
  /** A list the caller just read for the account (through userRead): as good as a poll. */
  observeList(accountId: string, list: Deployment[]): void;
  availability(accountId: string, deploymentId: string, op: Operation): OperationAvailability;
  setIdleCadence(ms: number): void;
  suspend(): void;
  resume(): void;
  setOnline(online: boolean): void;
  getState(): EngineState;
  /** Returns an unsubscribe function. */
  subscribe(listener: ChangeListener): () => void;
  /** Clears every timer and aborts reads in flight; the engine does nothing afterwards. */
  dispose(): void;
}
