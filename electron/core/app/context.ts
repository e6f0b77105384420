// What the command handlers and tray actions share: the controller's parts and the few
// operations that keep them consistent (activate an account, announce a change).
import type { ApiClient, ApiClientOptions, Deployment } from '../api/types';
import type { SecretVault } from '../accounts/secret-vault';
import type { Logger } from '../log/logger';
import type { PersistedSettings } from '../settings/schema';
import type { WatchEngine } from '../watch/types';
import type { AppSnapshot, FocusScreen, Locale } from '../../shared/model';
import type { ControllerDeps, DemoCloud } from './controller-types';
import type { NoticeBoard } from './notices';
import type { AccountEntry, Registry } from './registry';
import type { RecentLists } from './counted-read';
import type { RemovalUndo } from './removal-undo';

export interface ControllerContext {
  deps: ControllerDeps<PersistedSettings>;
  engine: WatchEngine;
  registry: Registry;
  vault: SecretVault;
  notices: NoticeBoard;
  undo: RemovalUndo;
  /** Lists read for the user lately; picking from one needs no further read. */
  recentLists: RecentLists;
  /** A read made for the user, counted in the key's budget (refused when it has no room). */
  countedRead<T>(budgetScope: string, read: () => Promise<T>): Promise<T>;
  logger: Logger;
  /** The client of an active account (throws for an unknown or inactive one). */
  clientOf(accountId: string): ApiClient;
  /** A client for these credentials; throws InvalidInputError for a bad base URL, key or secret. */
  makeClient(opts: ApiClientOptions): ApiClient;
  now(): number;
  /** Whether the controller was disposed (the app is quitting): nothing new may start or stay. */
  disposed(): boolean;
  locale(): Locale;
  /** Something changed: one snapshot and tray render follow this tick; `save` saves settings. */
  changed(opts?: { save?: boolean }): void;
  /** Shows the window; with a key, on that deployment. */
  showWindow(deploymentKey?: string): void;
  /** Shows the window on one of its screens. */
  showScreen(screen: FocusScreen): void;
  /** The current snapshot (changes made so far included). */
  snapshot(): AppSnapshot;
  /**
   * Registers an account that has a secret with the engine and watches its deployments;
   * `initial` holds reads just made, used as their baselines.
   */
  activate(entry: AccountEntry, client: ApiClient, initial?: ReadonlyMap<string, Deployment>): void;
  /**
   * Reads again the secrets of accounts the keychain refused (locked or unavailable) and
   * activates those it now gives; never rejects.
   */
  retryKeychain(): Promise<void>;
  demo: { cloud?: DemoCloud; starting?: Promise<string> };
}
