import { describe, expect, it } from 'vitest';
import {
  SETTINGS_VERSION,
  VERSION1_ACCOUNT_ID,
  defaultSettings,
  isSecretLikeKey,
  settingsCodec,
  type PersistedSettings,
} from '../../../electron/core/settings';

function decodeOk(raw: unknown) {
  const r = settingsCodec.decode(raw);
  if (!r.ok) throw new Error(`expected ok, got: ${r.reason}`);
  return r;
}

const account = {
  id: 'acc-1',
  label: 'Work',
  site: 'international',
  baseUrl: 'https://cloud-intl.emqx.com/public_api/v1',
  keyId: 'key123',
};

describe('settingsCodec defaults', () => {
  it('has the documented preference defaults', () => {
    const d = settingsCodec.defaults();
    expect(d.version).toBe(SETTINGS_VERSION);
    expect(d.preferences).toMatchObject({
      idleCadenceSeconds: 120,
      launchAtLogin: false,
      startHidden: true,
      language: 'system',
      theme: 'system',
    });
    expect(Object.values(d.preferences.notifications).every((v) => v)).toBe(true);
    expect(Object.keys(d.preferences.notifications)).toHaveLength(7);
    expect(d.accounts).toEqual([]);
    expect(d.deployments).toEqual([]);
  });

  it('fills missing fields from the defaults', () => {
    const r = decodeOk({ version: 2, preferences: { theme: 'dark' } });
    expect(r.data.preferences.theme).toBe('dark');
    expect(r.data.preferences.idleCadenceSeconds).toBe(120);
    expect(r.data.engine).toEqual({});
    expect(r.repaired).toBeUndefined();
  });

  it('round-trips a full document unchanged', () => {
    const doc: PersistedSettings = {
      ...defaultSettings(),
      accounts: [{ ...account, site: 'international' }],
      deployments: [
        { accountId: 'acc-1', deploymentId: 'w41b11c0', muted: true, lastKnownName: 'prod' },
      ],
      engine: { budget: { 'acc-1': { reads: [1, 2, 3] } }, windows: [] },
      pendingKeychainDeletes: ['acc-old'],
    };
    const r = decodeOk(JSON.parse(JSON.stringify(doc)));
    expect(r.data).toEqual(doc);
    expect(r.migratedFrom).toBeUndefined();
  });
});

describe('settingsCodec recovery', () => {
  it('refuses a document that is not an object', () => {
    expect(settingsCodec.decode('hello').ok).toBe(false);
    expect(settingsCodec.decode([1, 2]).ok).toBe(false);
    expect(settingsCodec.decode(null).ok).toBe(false);
  });

  it('keeps valid fields and reports each damaged one', () => {
    const r = decodeOk({
      version: 2,
      preferences: { idleCadenceSeconds: 'fast', theme: 'dark', notifications: { failed: 'no' } },
      accounts: [account, { id: 'acc-2', site: 'mars' }],
      deployments: [
        { accountId: 'acc-1', deploymentId: 'd1' },
        { accountId: 'acc-2', deploymentId: 'd2' },
        { accountId: 'acc-1', deploymentId: 42 },
      ],
    });
    expect(r.data.preferences.theme).toBe('dark');
    expect(r.data.preferences.idleCadenceSeconds).toBe(120);
    expect(r.data.preferences.notifications.failed).toBe(true);
    expect(r.data.accounts.map((a) => a.id)).toEqual(['acc-1']);
    expect(r.data.deployments).toEqual([{ accountId: 'acc-1', deploymentId: 'd1', muted: false }]);
    expect(r.repaired).toEqual(
      expect.arrayContaining([
        'preferences.idleCadenceSeconds',
        'preferences.notifications.failed',
        'accounts[1]',
        'deployments[1]',
        'deployments[2]',
      ]),
    );
  });

  it('fails when every field present is damaged', () => {
    const r = settingsCodec.decode({ version: 2, accounts: 'x', preferences: 7, deployments: {} });
    expect(r.ok).toBe(false);
  });

  it('treats an empty object as a fresh document', () => {
    const r = decodeOk({});
    expect(r.data).toEqual(defaultSettings());
  });

  it('drops duplicate accounts and deployments', () => {
    const r = decodeOk({
      version: 2,
      accounts: [account, { ...account, label: 'again' }],
      deployments: [
        { accountId: 'acc-1', deploymentId: 'd1' },
        { accountId: 'acc-1', deploymentId: 'd1', muted: true },
      ],
    });
    expect(r.data.accounts).toHaveLength(1);
    expect(r.data.accounts[0]?.label).toBe('Work');
    expect(r.data.deployments).toHaveLength(1);
  });

  it('reads a future version field by field and says where it came from', () => {
    const r = decodeOk({
      version: 7,
      preferences: { language: 'zh-CN', brandNewToggle: true },
      accounts: [{ ...account, region: 'eu' }],
      deployments: [{ accountId: 'acc-1', deploymentId: 'd1', muted: true, color: 'red' }],
      somethingNew: { a: 1 },
    });
    expect(r.migratedFrom).toBe(7);
    expect(r.data.version).toBe(2);
    expect(r.data.preferences.language).toBe('zh-CN');
    expect(r.data.accounts).toEqual([account]);
    expect(r.data.deployments).toEqual([{ accountId: 'acc-1', deploymentId: 'd1', muted: true }]);
    expect(r.data).not.toHaveProperty('somethingNew');
  });

  it('keeps only JSON values in the engine section', () => {
    const r = decodeOk({ version: 2, engine: { ledger: { a: [1, 'x', null] }, windows: 5 } });
    expect(r.data.engine).toEqual({ ledger: { a: [1, 'x', null] }, windows: 5 });
  });
});

describe('settingsCodec migration from version 1', () => {
  const v1 = {
    version: 1,
    site: 'china',
    apiKey: 'abcdef123456',
    deploymentIds: ['d1', 'd2', 3],
    pollIntervalSeconds: 30,
    notificationsEnabled: false,
    launchAtLogin: true,
  };

  it('turns the top-level account into the account list', () => {
    const r = decodeOk(v1);
    expect(r.migratedFrom).toBe(1);
    expect(r.data.accounts).toEqual([
      {
        id: VERSION1_ACCOUNT_ID,
        label: '',
        site: 'china',
        baseUrl: 'https://cloud.emqx.com/public_api/v1',
        keyId: 'abcdef123456',
      },
    ]);
    expect(r.data.deployments).toEqual([
      { accountId: VERSION1_ACCOUNT_ID, deploymentId: 'd1', muted: false },
      { accountId: VERSION1_ACCOUNT_ID, deploymentId: 'd2', muted: false },
    ]);
  });

  it('carries the preferences over, clamping the cadence into the allowed range', () => {
    const r = decodeOk(v1);
    expect(r.data.preferences.idleCadenceSeconds).toBe(60);
    expect(r.data.preferences.launchAtLogin).toBe(true);
    expect(Object.values(r.data.preferences.notifications).some((v) => v)).toBe(false);
    expect(r.repaired).toBeUndefined();
  });

  it('recognises version 1 without a version field', () => {
    const { version: _v, ...unversioned } = v1;
    const r = decodeOk(unversioned);
    expect(r.migratedFrom).toBe(1);
    expect(r.data.accounts).toHaveLength(1);
  });

  it('keeps a custom base URL', () => {
    const r = decodeOk({
      version: 1,
      site: 'custom',
      baseUrl: 'https://proxy.example.com/public_api/v1',
      apiKey: 'k',
      deploymentIds: [],
    });
    expect(r.data.accounts[0]?.baseUrl).toBe('https://proxy.example.com/public_api/v1');
    expect(r.data.accounts[0]?.site).toBe('custom');
  });

  it('produces no account when version 1 had no key', () => {
    const r = decodeOk({ version: 1, site: 'international', deploymentIds: ['d1'] });
    expect(r.data.accounts).toEqual([]);
    expect(r.data.deployments).toEqual([]);
  });
});

describe('settingsCodec drops secrets', () => {
  it('removes secret-like properties at any depth, in every version', () => {
    const raw = {
      version: 2,
      secret: 'top-secret-1',
      preferences: { theme: 'dark', password: 'top-secret-2' },
      accounts: [{ ...account, secret: 'top-secret-3', apiSecret: 'top-secret-4' }],
      deployments: [{ accountId: 'acc-1', deploymentId: 'd1', authToken: 'top-secret-5' }],
      engine: { ledger: { nested: [{ accessToken: 'top-secret-6', keep: 1 }] } },
    };
    const r = decodeOk(raw);
    const text = JSON.stringify(r.data);
    expect(text).not.toMatch(/top-secret/);
    expect(r.data.accounts).toHaveLength(1);
    expect(r.data.engine).toEqual({ ledger: { nested: [{ keep: 1 }] } });
  });

  it('drops a secret that version 1 might have held', () => {
    const r = decodeOk({
      version: 1,
      site: 'international',
      apiKey: 'k1',
      apiSecret: 'top-secret-7',
      Password: 'top-secret-8',
      deploymentIds: [],
    });
    expect(JSON.stringify(r.data)).not.toMatch(/top-secret/);
    expect(r.data.accounts).toHaveLength(1);
  });
});

describe('isSecretLikeKey', () => {
  it('matches credential names in any spelling', () => {
    for (const key of [
      'secret',
      'apiSecret',
      'client_secret',
      'SECRET_KEY',
      'password',
      'userPassword',
      'passwd',
      'token',
      'accessToken',
      'refresh-token',
      'Authorization',
      'credentials',
      'mysecretvalue',
    ]) {
      expect(isSecretLikeKey(key), key).toBe(true);
    }
  });

  it('leaves ordinary names alone', () => {
    for (const key of ['keyId', 'tokens', 'label', 'baseUrl', 'deploymentId', 'muted', 'at']) {
      expect(isSecretLikeKey(key), key).toBe(false);
    }
  });

  it('keeps the request ledger intact (its pacing counts tokens)', () => {
    const ledger = {
      version: 1,
      scopes: {
        'acc-1': { reads: { sent: [1] }, writes: { sent: [] }, pacing: { tokens: 3, at: 5 } },
      },
    };
    const r = decodeOk({ version: 2, engine: { budget: ledger } });
    expect(r.data.engine.budget).toEqual(ledger);
  });
});

describe('settings codec: names too long for the schema', () => {
  it('keeps the deployment with its name shortened', () => {
    const r = decodeOk({
      version: 2,
      accounts: [account],
      deployments: [
        { accountId: 'acc-1', deploymentId: 'w41b11c0', lastKnownName: 'n'.repeat(600) },
      ],
    });
    expect(r.repaired).toBeUndefined();
    expect(r.data.deployments).toEqual([
      {
        accountId: 'acc-1',
        deploymentId: 'w41b11c0',
        muted: false,
        lastKnownName: 'n'.repeat(512),
      },
    ]);
  });
});

describe('settings codec: the budget ledger', () => {
  it('keeps the scope of a key whose name has a word like token in it', () => {
    const scope = `${account.baseUrl} kTokenAb12`;
    const ledger = { scopes: { [scope]: { reads: [1, 2], token: 'x' } } };
    const r = decodeOk({ version: 2, accounts: [account], engine: { ledger } });
    expect(r.data.engine).toEqual({ ledger: { scopes: { [scope]: { reads: [1, 2] } } } });
  });
});
