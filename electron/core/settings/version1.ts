// Version 1, the first format: one account's fields at the top level and a flat list of
// deployment IDs. Its secret sat in the keychain under the account name `default`, so the
// migrated account keeps that id and its secret is found where it was.
import { SITE_PRESETS } from '../api/types';

export const VERSION1_ACCOUNT_ID = 'default';

/** What version 1 wrote. Every field may be missing or damaged in a file found on disk. */
export interface SettingsV1 {
  version: 1;
  site: 'international' | 'china' | 'custom';
  /** Only for `custom`. */
  baseUrl?: string;
  /** The Platform API key. */
  apiKey: string;
  deploymentIds: string[];
  pollIntervalSeconds?: number;
  /** One switch for every kind of notification. */
  notificationsEnabled?: boolean;
  launchAtLogin?: boolean;
}

/** Whether a document without a `version` field has version 1's shape. */
export function looksLikeVersion1(raw: Record<string, unknown>): boolean {
  return 'apiKey' in raw || 'deploymentIds' in raw;
}

/**
 * Turns a version 1 document into the version 2 shape, without validating it: the version 2
 * decoder checks every field afterwards and keeps what is valid.
 */
export function migrateV1ToV2(raw: Record<string, unknown>): Record<string, unknown> {
  const site = raw.site === 'china' || raw.site === 'custom' ? raw.site : 'international';
  const baseUrl =
    site === 'custom' ? raw.baseUrl : SITE_PRESETS[site === 'china' ? 'china' : 'international'];
  const keyId = typeof raw.apiKey === 'string' ? raw.apiKey.trim() : undefined;

  const accounts: Record<string, unknown>[] = [];
  if (keyId !== undefined && keyId !== '') {
    accounts.push({
      id: VERSION1_ACCOUNT_ID,
      // Empty: the window shows the default name in the language current then.
      label: '',
      site,
      baseUrl,
      keyId,
    });
  }

  const ids = Array.isArray(raw.deploymentIds) ? raw.deploymentIds : [];
  const deployments =
    accounts.length === 0
      ? []
      : ids
          .filter((id): id is string => typeof id === 'string')
          .map((deploymentId) => ({ accountId: VERSION1_ACCOUNT_ID, deploymentId, muted: false }));

  const preferences: Record<string, unknown> = {};
  if (typeof raw.pollIntervalSeconds === 'number' && Number.isFinite(raw.pollIntervalSeconds)) {
    // Version 1 allowed faster polling than the budget can carry; clamp rather than drop it.
    preferences.idleCadenceSeconds = Math.min(
      3600,
      Math.max(60, Math.round(raw.pollIntervalSeconds)),
    );
  }
  if (typeof raw.notificationsEnabled === 'boolean') {
    const on = raw.notificationsEnabled;
    preferences.notifications = {
      'became-running': on,
      'became-stopped': on,
      'unexpected-stop': on,
      failed: on,
      'not-found': on,
      'credentials-rejected': on,
      'connection-problem': on,
    };
  }
  if (raw.launchAtLogin !== undefined) preferences.launchAtLogin = raw.launchAtLogin;

  return { version: 2, preferences, accounts, deployments, engine: {}, pendingKeychainDeletes: [] };
}
