// Plain-data state that crosses from the core to the window and the tray. No behaviour here:
// the core computes every field; the renderer only reads them.

export type Locale = 'en' | 'zh-CN';
export type LanguageSetting = 'system' | Locale;
export type ThemeSetting = 'system' | 'light' | 'dark';
export type SiteSetting = 'international' | 'china' | 'custom';
export type Operation = 'start' | 'stop';
/** A screen of the window the core may ask it to show (the tray's Settings…). */
export type FocusScreen = 'settings' | 'deployments';

/** Why a request failed, in data; the UI turns it into words with the i18n catalog. */
export type ProblemKind =
  | 'AuthFailed'
  | 'Forbidden'
  | 'NotFound'
  | 'InvalidState'
  | 'RateLimited'
  | 'ServerError'
  | 'BadResponse'
  | 'Timeout'
  | 'NetworkError'
  | 'InvalidInput'
  | 'Aborted'
  | 'Offline'
  | 'KeychainUnavailable'
  | 'KeychainLocked';

export interface Problem {
  kind: ProblemKind;
  /** English technical message (never contains a secret). */
  message: string;
  status?: number;
  code?: string;
  serverMessage?: string;
  retryAt?: number;
  field?: string;
  /** When it happened, epoch ms. */
  at: number;
}

/** Why an operation (start/stop) is not offered right now. */
export type OperationBlock =
  | { reason: 'wrong-state'; status: string }
  | { reason: 'in-flight' }
  | { reason: 'window'; availableAt: number }
  | { reason: 'rate-limited'; availableAt?: number }
  | { reason: 'account-problem'; kind: ProblemKind }
  | { reason: 'offline' }
  | { reason: 'unknown-status' }
  | { reason: 'not-checked' }
  | { reason: 'not-found' };

export type OperationAvailability = { allowed: true } | ({ allowed: false } & OperationBlock);

export interface TransitionRecord {
  at: number;
  from: string | null;
  to: string;
  /** True when the change followed a start/stop this app sent. */
  userInitiated: boolean;
}

/** Every field the API returned for a deployment, as last read. */
export interface DeploymentFields {
  deploymentID: string;
  deploymentName: string;
  /** `dedicated`, `serverless`, `dedicatedFlex`, or any other text. */
  deploymentType: string;
  /** Verbatim from the API: values nobody documented are kept and shown as they are. */
  status: string;
  /** The plan's connection capacity, not live clients. */
  connections: number;
  /** Minute precision, no time zone given: show as text, never parse. */
  createAt: string;
  /** Localised display strings: show, never parse. */
  platform: string;
  region: string;
  projectName?: string;
  version?: string;
  tps?: number;
  /**
   * Descriptive fields (`deploymentType`, `connections`, `createAt`, `platform`, `region`) the
   * API did not send or sent with an unusable type (that value, if any, is in `extra`). Their
   * values above are placeholders ('' or 0): show them as not given. Absent when none.
   */
  missingFields?: string[];
  /** Every field the API sent that is not named above, unchanged. */
  extra: Record<string, unknown>;
}

/**
 * `status` for the icon and badges: a known API status, `unknown` for any other value (shown
 * verbatim from `fields.status`), `not-found` after a 404, `unchecked` before the first read.
 */
export type StatusKind =
  | 'running'
  | 'starting'
  | 'stopped'
  | 'pending'
  | 'stopping'
  | 'failed'
  | 'unknown'
  | 'not-found'
  | 'unchecked';

export interface DeploymentView {
  /** `${accountId}/${deploymentId}`: unique across accounts. */
  key: string;
  accountId: string;
  deploymentId: string;
  /** The name from the last read, or the ID until one succeeds. */
  name: string;
  statusKind: StatusKind;
  /** Last good snapshot; absent until the first successful read. */
  fields?: DeploymentFields;
  checkedAt?: number;
  /** Set when the last attempt failed: the shown status may be old. */
  stale?: { since: number; problem: Problem };
  transitions: TransitionRecord[];
  /** An operation this app sent that the cloud has not yet finished. */
  pendingOperation?: { op: Operation; sentAt: number };
  /** The last change was a stop nobody asked for through this app (e.g. a billing stop). */
  unexpectedStop: boolean;
  start: OperationAvailability;
  stop: OperationAvailability;
  muted: boolean;
}

export interface BudgetClassView {
  limit: number;
  /** Requests counted in the current rolling 60-minute window. */
  used: number;
  /** Kept for user actions (refreshes, checks after start/stop). */
  reserved: number;
  /** Earliest time the next request of this class may go out; absent when now. */
  nextAllowedAt?: number;
  /** Paused by a 429 until then. */
  rateLimitedUntil?: number;
}

export interface BudgetView {
  reads: BudgetClassView;
  writes: BudgetClassView;
  /** A 429 came although our own ledger had room: something else uses this key. */
  sharedKeySuspected: boolean;
}

export type AccountHealth = 'ok' | 'auth-failed' | 'forbidden' | 'no-secret' | 'checking';

export interface AccountView {
  id: string;
  label: string;
  site: SiteSetting;
  baseUrl: string;
  /** The Platform API key (not secret). */
  keyId: string;
  health: AccountHealth;
  problem?: Problem;
  /** Whether `GET /deployments` is available on this API. */
  listEndpoint: 'unknown' | 'available' | 'unavailable';
  /** The secret lives only in memory for this run (no keychain available). */
  sessionOnly: boolean;
  demo: boolean;
  budget: BudgetView;
  nextCheckAt?: number;
}

export type NotificationKind =
  | 'became-running'
  | 'became-stopped'
  | 'unexpected-stop'
  | 'failed'
  | 'not-found'
  | 'credentials-rejected'
  | 'connection-problem';

export interface Preferences {
  /** Idle check cadence in seconds (the fast cadence is the engine's business). */
  idleCadenceSeconds: number;
  notifications: Record<NotificationKind, boolean>;
  launchAtLogin: boolean;
  startHidden: boolean;
  language: LanguageSetting;
  theme: ThemeSetting;
}

export type NoticeKind =
  | 'settings-recovered'
  /** The settings file is there but cannot be read: `{ path, reason }`; nothing is saved. */
  | 'settings-unreadable'
  | 'keychain-unavailable'
  | 'demo-mode'
  | 'operation-sent'
  | 'operation-refused'
  | 'operation-failed';

/** Something the window should tell the user once (a banner), until dismissed. */
export interface Notice {
  id: string;
  kind: NoticeKind;
  at: number;
  params: Record<string, string | number>;
}

export interface AppSnapshot {
  /** Increases with every snapshot, so a late one never overwrites a newer. */
  revision: number;
  now: number;
  locale: Locale;
  preferences: Preferences;
  accounts: AccountView[];
  deployments: DeploymentView[];
  online: boolean;
  suspended: boolean;
  demo: boolean;
  notices: Notice[];
  /** Asks the window to show this deployment's details (after a notification click). */
  focusDeploymentKey?: string;
  /**
   * Asks the window to show a screen (after the tray's Settings…). `seq` grows with every
   * request, so asking for the same screen again is noticed too.
   */
  focusScreen?: { screen: FocusScreen; seq: number };
  /** Whether the platform supports launching at login (e.g. not in the headless shell). */
  platform: { os: 'darwin' | 'win32' | 'linux' | 'other'; loginItemSupported: boolean };
  appVersion: string;
}

export function deploymentKey(accountId: string, deploymentId: string): string {
  return `${accountId}/${deploymentId}`;
}

// Every member of the unions above, as run-time lists (for catalogs, tests and menus). A
// `Record<Union, true>` makes the compiler refuse a list that misses or invents a member.
const statusKindSet: Record<StatusKind, true> = {
  running: true,
  starting: true,
  stopped: true,
  pending: true,
  stopping: true,
  failed: true,
  unknown: true,
  'not-found': true,
  unchecked: true,
};
export const STATUS_KINDS = Object.keys(statusKindSet) as StatusKind[];

const problemKindSet: Record<ProblemKind, true> = {
  AuthFailed: true,
  Forbidden: true,
  NotFound: true,
  InvalidState: true,
  RateLimited: true,
  ServerError: true,
  BadResponse: true,
  Timeout: true,
  NetworkError: true,
  InvalidInput: true,
  Aborted: true,
  Offline: true,
  KeychainUnavailable: true,
  KeychainLocked: true,
};
export const PROBLEM_KINDS = Object.keys(problemKindSet) as ProblemKind[];

export type OperationBlockReason = OperationBlock['reason'];
const operationBlockReasonSet: Record<OperationBlockReason, true> = {
  'wrong-state': true,
  'in-flight': true,
  window: true,
  'rate-limited': true,
  'account-problem': true,
  offline: true,
  'unknown-status': true,
  'not-checked': true,
  'not-found': true,
};
export const OPERATION_BLOCK_REASONS = Object.keys(
  operationBlockReasonSet,
) as OperationBlockReason[];

const notificationKindSet: Record<NotificationKind, true> = {
  'became-running': true,
  'became-stopped': true,
  'unexpected-stop': true,
  failed: true,
  'not-found': true,
  'credentials-rejected': true,
  'connection-problem': true,
};
export const NOTIFICATION_KINDS = Object.keys(notificationKindSet) as NotificationKind[];
