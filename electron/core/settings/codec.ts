// Decoding the settings document: secrets dropped, old versions migrated step by step, and every
// field checked on its own so one damaged value costs that value, not the user's whole setup.
import type { z } from 'zod';
import { NOTIFICATION_KINDS } from '../../shared/model';
import type { Preferences } from '../../shared/model';
import type { SettingsCodec } from '../app/controller-types';
import {
  SETTINGS_VERSION,
  accountSchema,
  defaultSettings,
  deploymentSchema,
  jsonValueSchema,
  preferenceFieldSchemas,
  type JsonValue,
  type PersistedAccount,
  type PersistedDeployment,
  type PersistedSettings,
} from './schema';
import { stripSecretKeys } from './strip-secrets';
import { looksLikeVersion1, migrateV1ToV2 } from './version1';

type Raw = Record<string, unknown>;

/** Version N's document -> version N+1's shape. Each step leaves validation to the last one. */
const MIGRATIONS: Record<number, (raw: Raw) => Raw> = {
  1: migrateV1ToV2,
};

interface Tally {
  /** Paths of present values that were invalid and replaced by defaults or dropped. */
  repaired: string[];
  /** Present values that decoded. */
  kept: number;
}

export const settingsCodec: SettingsCodec<PersistedSettings> = {
  defaults: defaultSettings,
  decode(raw) {
    if (!isRecord(raw)) return { ok: false, reason: 'the settings document is not a JSON object' };
    let doc = stripSecretKeys(raw) as Raw;
    const tally: Tally = { repaired: [], kept: 0 };

    let version = readVersion(doc, tally);
    const original = version;
    while (version < SETTINGS_VERSION) {
      const step = MIGRATIONS[version];
      if (step === undefined) break;
      doc = step(doc);
      version += 1;
    }

    const data = decodeCurrent(doc, tally);
    const isEmpty = Object.keys(raw).length === 0;
    if (tally.kept === 0 && tally.repaired.length > 0 && !isEmpty) {
      return {
        ok: false,
        reason: `nothing usable in the settings document (invalid: ${tally.repaired.join(', ')})`,
      };
    }
    return {
      ok: true,
      data,
      ...(original !== SETTINGS_VERSION ? { migratedFrom: original } : {}),
      ...(tally.repaired.length > 0 ? { repaired: tally.repaired } : {}),
    };
  },
};

/**
 * The document's version. Missing: version 1 when it has version 1's fields, else the current
 * one. A future version is read as the current one, keeping every field this app understands.
 */
function readVersion(doc: Raw, tally: Tally): number {
  const v = doc.version;
  if (v === undefined) return looksLikeVersion1(doc) ? 1 : SETTINGS_VERSION;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1) return v;
  tally.repaired.push('version');
  return looksLikeVersion1(doc) ? 1 : SETTINGS_VERSION;
}

function decodeCurrent(doc: Raw, tally: Tally): PersistedSettings {
  const preferences = decodePreferences(doc.preferences, tally);
  const accounts = decodeAccounts(doc.accounts, tally);
  const deployments = decodeDeployments(doc.deployments, new Set(accounts.map((a) => a.id)), tally);
  const engine = decodeEngine(doc.engine, tally);
  const pendingKeychainDeletes = decodeIdList(
    doc.pendingKeychainDeletes,
    'pendingKeychainDeletes',
    tally,
  );
  return {
    version: SETTINGS_VERSION,
    preferences,
    accounts,
    deployments,
    engine,
    pendingKeychainDeletes,
  };
}

function decodePreferences(raw: unknown, tally: Tally): Preferences {
  const prefs = defaultSettings().preferences;
  if (raw === undefined) return prefs;
  if (!isRecord(raw)) {
    tally.repaired.push('preferences');
    return prefs;
  }
  const fields = preferenceFieldSchemas;
  prefs.idleCadenceSeconds = field(
    fields.idleCadenceSeconds,
    raw,
    'idleCadenceSeconds',
    prefs.idleCadenceSeconds,
    tally,
  );
  prefs.launchAtLogin = field(
    fields.launchAtLogin,
    raw,
    'launchAtLogin',
    prefs.launchAtLogin,
    tally,
  );
  prefs.startHidden = field(fields.startHidden, raw, 'startHidden', prefs.startHidden, tally);
  prefs.language = field(fields.language, raw, 'language', prefs.language, tally);
  prefs.theme = field(fields.theme, raw, 'theme', prefs.theme, tally);

  const toggles = raw.notifications;
  if (toggles !== undefined) {
    if (!isRecord(toggles)) {
      tally.repaired.push('preferences.notifications');
    } else {
      for (const kind of NOTIFICATION_KINDS) {
        const v = toggles[kind];
        if (v === undefined) continue;
        if (typeof v === 'boolean') {
          prefs.notifications[kind] = v;
          tally.kept += 1;
        } else {
          tally.repaired.push(`preferences.notifications.${kind}`);
        }
      }
    }
  }
  return prefs;
}

function field<S extends z.ZodType>(
  schema: S,
  raw: Raw,
  name: string,
  fallback: z.output<S>,
  tally: Tally,
): z.output<S> {
  if (raw[name] === undefined) return fallback;
  const r = schema.safeParse(raw[name]);
  if (r.success) {
    tally.kept += 1;
    return r.data;
  }
  tally.repaired.push(`preferences.${name}`);
  return fallback;
}

function decodeAccounts(raw: unknown, tally: Tally): PersistedAccount[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    tally.repaired.push('accounts');
    return [];
  }
  const out: PersistedAccount[] = [];
  const seen = new Set<string>();
  raw.forEach((item, i) => {
    const r = accountSchema.safeParse(item);
    if (!r.success || seen.has(r.data.id)) {
      tally.repaired.push(`accounts[${i}]`);
      return;
    }
    seen.add(r.data.id);
    out.push(r.data);
    tally.kept += 1;
  });
  return out;
}

function decodeDeployments(
  raw: unknown,
  accountIds: ReadonlySet<string>,
  tally: Tally,
): PersistedDeployment[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    tally.repaired.push('deployments');
    return [];
  }
  const out: PersistedDeployment[] = [];
  const seen = new Set<string>();
  raw.forEach((item, i) => {
    const r = deploymentSchema.safeParse(item);
    const key = r.success ? `${r.data.accountId}/${r.data.deploymentId}` : '';
    if (!r.success || !accountIds.has(r.data.accountId) || seen.has(key)) {
      tally.repaired.push(`deployments[${i}]`);
      return;
    }
    seen.add(key);
    const d: PersistedDeployment = {
      accountId: r.data.accountId,
      deploymentId: r.data.deploymentId,
      muted: r.data.muted,
    };
    if (r.data.lastKnownName !== undefined) d.lastKnownName = r.data.lastKnownName;
    out.push(d);
    tally.kept += 1;
  });
  return out;
}

function decodeEngine(raw: unknown, tally: Tally): Record<string, JsonValue> {
  if (raw === undefined) return {};
  if (!isRecord(raw)) {
    tally.repaired.push('engine');
    return {};
  }
  const out: Record<string, JsonValue> = {};
  for (const [name, value] of Object.entries(raw)) {
    const r = jsonValueSchema.safeParse(value);
    if (r.success) {
      out[name] = r.data;
      tally.kept += 1;
    } else {
      tally.repaired.push(`engine.${name}`);
    }
  }
  return out;
}

function decodeIdList(raw: unknown, name: string, tally: Tally): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    tally.repaired.push(name);
    return [];
  }
  const out: string[] = [];
  raw.forEach((item, i) => {
    if (typeof item === 'string' && item !== '' && item.length <= 64 && !out.includes(item)) {
      out.push(item);
      tally.kept += 1;
    } else {
      tally.repaired.push(`${name}[${i}]`);
    }
  });
  return out;
}

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
