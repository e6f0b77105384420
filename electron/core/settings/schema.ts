// The persisted settings document, version 2. Only what is not secret: preferences, account
// records (the key id, never its secret), watched deployments and the engine's own state.
import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../../shared/model';
import type { NotificationKind, Preferences, SiteSetting } from '../../shared/model';

export const SETTINGS_VERSION = 2;

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface PersistedAccount {
  id: string;
  label: string;
  site: SiteSetting;
  baseUrl: string;
  /** The Platform API key (the user name of HTTP Basic); its secret lives in the keychain. */
  keyId: string;
}

export interface PersistedDeployment {
  accountId: string;
  deploymentId: string;
  muted: boolean;
  /** The name from the last read, so the tray can show names before the first read. */
  lastKnownName?: string;
}

export interface PersistedSettings {
  version: typeof SETTINGS_VERSION;
  preferences: Preferences;
  accounts: PersistedAccount[];
  deployments: PersistedDeployment[];
  /**
   * Whatever the watch engine asks to keep (budget ledger, start/stop windows), by name. The
   * settings layer treats it as opaque JSON; the engine validates its own parts on load.
   */
  engine: Record<string, JsonValue>;
  /**
   * Accounts removed while the keychain refused to delete their entry; retried at start so no
   * credential is left behind for an account the user removed.
   */
  pendingKeychainDeletes: string[];
}

export const jsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number().refine(Number.isFinite),
    z.boolean(),
    z.null(),
    z.array(jsonValueSchema),
    z.record(z.string(), jsonValueSchema),
  ]),
);

/** The longest deployment name kept; the cloud's names are far shorter in practice. */
export const MAX_NAME_LENGTH = 512;

/** A name cut to MAX_NAME_LENGTH, never in the middle of a surrogate pair. */
export function clampName(name: string): string {
  if (name.length <= MAX_NAME_LENGTH) return name;
  const cut = name.slice(0, MAX_NAME_LENGTH);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

export const idleCadenceSchema = z.number().int().min(60).max(3600);
export const siteSchema = z.enum(['international', 'china', 'custom']);
export const languageSchema = z.enum(['system', 'en', 'zh-CN']);
export const themeSchema = z.enum(['system', 'light', 'dark']);

export const accountSchema = z.object({
  id: z.string().min(1).max(64),
  label: z.string().max(100),
  site: siteSchema,
  baseUrl: z.string().min(1).max(2048),
  keyId: z.string().min(1).max(512),
});

export const deploymentSchema = z.object({
  accountId: z.string().min(1).max(64),
  deploymentId: z.string().min(1).max(256),
  muted: z.boolean().default(false),
  // Shortened rather than refused: a long name must not cost the user the whole entry.
  lastKnownName: z.string().transform(clampName).optional(),
});

/** The preference fields and their schemas, each decoded on its own. */
export const preferenceFieldSchemas = {
  idleCadenceSeconds: idleCadenceSchema,
  launchAtLogin: z.boolean(),
  startHidden: z.boolean(),
  language: languageSchema,
  theme: themeSchema,
} as const;

export function defaultPreferences(): Preferences {
  const notifications = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, true])) as Record<
    NotificationKind,
    boolean
  >;
  return {
    idleCadenceSeconds: 120,
    notifications,
    launchAtLogin: false,
    startHidden: true,
    language: 'system',
    theme: 'system',
  };
}

export function defaultSettings(): PersistedSettings {
  return {
    version: SETTINGS_VERSION,
    preferences: defaultPreferences(),
    accounts: [],
    deployments: [],
    engine: {},
    pendingKeychainDeletes: [],
  };
}
