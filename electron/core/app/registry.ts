// The controller's own records: accounts (with how their secret stands) and watched deployments,
// in the user's order, and the settings document they persist as. Demo accounts and their
// deployments live here too but never reach the document.
import type { Problem } from '../../shared/model';
import { deploymentKey } from '../../shared/model';
import { stripSecretKeys } from '../settings/strip-secrets';
import type {
  JsonValue,
  PersistedAccount,
  PersistedDeployment,
  PersistedSettings,
} from '../settings/schema';
import { clampName, SETTINGS_VERSION } from '../settings/schema';

/** Where the engine's request ledger is kept in the settings document's `engine` section. */
export const LEDGER_KEY = 'ledger';

/** Ledger scopes of demo accounts start with this, so they are never persisted. */
export const DEMO_SCOPE_PREFIX = 'demo:';

export interface AccountEntry {
  record: PersistedAccount;
  demo: boolean;
  /** Registered with the engine: it has a secret and a client. */
  active: boolean;
  /** Why the account is not active (no secret, keychain refused, bad base URL). */
  problem?: Problem;
  budgetScope: string;
}

export function budgetScopeOf(record: PersistedAccount, demo: boolean): string {
  return demo ? `${DEMO_SCOPE_PREFIX}${record.id}` : credentialScope(record.baseUrl, record.keyId);
}

/** Accounts with the same key on the same API share what the server counts. */
export function credentialScope(baseUrl: string, keyId: string): string {
  return `${baseUrl} ${keyId}`;
}

export class Registry {
  private accountList: AccountEntry[] = [];
  private watchedList: PersistedDeployment[] = [];

  constructor(private readonly document: PersistedSettings) {}

  get preferences(): PersistedSettings['preferences'] {
    return this.document.preferences;
  }

  set preferences(prefs: PersistedSettings['preferences']) {
    this.document.preferences = prefs;
  }

  get engineData(): Record<string, JsonValue> {
    return this.document.engine;
  }

  get pendingKeychainDeletes(): string[] {
    return this.document.pendingKeychainDeletes;
  }

  set pendingKeychainDeletes(ids: string[]) {
    this.document.pendingKeychainDeletes = ids;
  }

  accounts(): readonly AccountEntry[] {
    return this.accountList;
  }

  account(id: string): AccountEntry | undefined {
    return this.accountList.find((a) => a.record.id === id);
  }

  /** Whether an id is in use or still owns a keychain entry waiting to be deleted. */
  isIdTaken(id: string): boolean {
    return this.account(id) !== undefined || this.document.pendingKeychainDeletes.includes(id);
  }

  addAccount(entry: AccountEntry): void {
    this.accountList.push(entry);
  }

  removeAccount(id: string): PersistedDeployment[] {
    this.accountList = this.accountList.filter((a) => a.record.id !== id);
    const removed = this.watchedList.filter((d) => d.accountId === id);
    this.watchedList = this.watchedList.filter((d) => d.accountId !== id);
    return removed;
  }

  /** Watched deployments grouped by account (in account order), each in the order added. */
  watched(): PersistedDeployment[] {
    const out: PersistedDeployment[] = [];
    for (const a of this.accountList) {
      for (const d of this.watchedList) if (d.accountId === a.record.id) out.push(d);
    }
    return out;
  }

  watchedOf(accountId: string): PersistedDeployment[] {
    return this.watchedList.filter((d) => d.accountId === accountId);
  }

  find(key: string): PersistedDeployment | undefined {
    return this.watchedList.find((d) => deploymentKey(d.accountId, d.deploymentId) === key);
  }

  /** Adds at `index` of the whole list (to restore an undone removal), else at the end. */
  watch(entry: PersistedDeployment, index?: number): void {
    const at =
      index === undefined ? this.watchedList.length : Math.min(index, this.watchedList.length);
    if (entry.lastKnownName !== undefined) entry.lastKnownName = clampName(entry.lastKnownName);
    this.watchedList.splice(at, 0, entry);
  }

  /** The removed entry and where it was, or undefined when it was not watched. */
  unwatch(key: string): { entry: PersistedDeployment; index: number } | undefined {
    const index = this.watchedList.findIndex(
      (d) => deploymentKey(d.accountId, d.deploymentId) === key,
    );
    const entry = this.watchedList[index];
    if (entry === undefined) return undefined;
    this.watchedList.splice(index, 1);
    return { entry, index };
  }

  /** The settings document as it should be saved now. */
  toDocument(): PersistedSettings {
    const demoIds = new Set(this.accountList.filter((a) => a.demo).map((a) => a.record.id));
    const doc: PersistedSettings = {
      version: SETTINGS_VERSION,
      preferences: structuredClone(this.document.preferences),
      accounts: this.accountList.filter((a) => !a.demo).map((a) => ({ ...a.record })),
      deployments: this.watchedList.filter((d) => !demoIds.has(d.accountId)).map((d) => ({ ...d })),
      engine: withoutDemoScopes(structuredClone(this.document.engine)),
      pendingKeychainDeletes: [...this.document.pendingKeychainDeletes],
    };
    // Defence in depth: whatever a future field carries, no credential-named property is saved.
    return stripSecretKeys(doc) as PersistedSettings;
  }
}

/** The ledger without the scopes of demo accounts (they would be noise on the next run). */
function withoutDemoScopes(engine: Record<string, JsonValue>): Record<string, JsonValue> {
  const ledger = engine[LEDGER_KEY];
  if (typeof ledger !== 'object' || ledger === null || Array.isArray(ledger)) return engine;
  const scopes = ledger.scopes;
  if (typeof scopes !== 'object' || scopes === null || Array.isArray(scopes)) return engine;
  const kept = Object.entries(scopes).filter(([name]) => !name.startsWith(DEMO_SCOPE_PREFIX));
  return { ...engine, [LEDGER_KEY]: { ...ledger, scopes: Object.fromEntries(kept) } };
}
