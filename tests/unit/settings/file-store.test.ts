import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SettingsUnreadableError,
  createFileSettingsStore,
  defaultSettings,
  settingsCodec,
} from '../../../electron/core/settings';

const FIXED = Date.UTC(2026, 0, 2, 3, 4, 5, 6);
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'settings-test-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function store() {
  return createFileSettingsStore({ dir, codec: settingsCodec, now: () => FIXED });
}

describe('createFileSettingsStore', () => {
  it('answers the defaults when there is no file, without reporting a recovery', () => {
    const r = store().load();
    expect(r.data).toEqual(defaultSettings());
    expect(r.recovered).toBeUndefined();
  });

  it('saves and loads a document', () => {
    const doc = { ...defaultSettings(), engine: { ledger: [1, 2] } };
    doc.preferences.theme = 'dark';
    store().save(doc);
    expect(store().load().data).toEqual(doc);
    // Only the document remains: the temporary file was renamed over it.
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('creates the directory when it is missing', () => {
    const nested = join(dir, 'a', 'b');
    createFileSettingsStore({ dir: nested, codec: settingsCodec }).save(defaultSettings());
    expect(readdirSync(nested)).toEqual(['settings.json']);
  });

  it('moves a file with invalid JSON aside and keeps it', () => {
    writeFileSync(join(dir, 'settings.json'), '{"version": 2, "accou');
    const r = store().load();
    expect(r.data).toEqual(defaultSettings());
    expect(r.recovered?.reason).toBe('invalid JSON');
    const aside = 'settings.corrupt-2026-01-02T03-04-05.006Z.json';
    expect(r.recovered?.movedTo).toBe(join(dir, aside));
    expect(readdirSync(dir)).toEqual([aside]);
    expect(readFileSync(join(dir, aside), 'utf8')).toBe('{"version": 2, "accou');
  });

  it('moves an undecodable document aside', () => {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify([1, 2, 3]));
    const r = store().load();
    expect(r.data).toEqual(defaultSettings());
    expect(r.recovered?.movedTo).toMatch(/settings\.corrupt-.*\.json$/);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('never overwrites an earlier file moved aside', () => {
    writeFileSync(join(dir, 'settings.json'), 'first');
    store().load();
    writeFileSync(join(dir, 'settings.json'), 'second');
    store().load();
    const names = readdirSync(dir).sort();
    expect(names).toHaveLength(2);
    const contents = names.map((n) => readFileSync(join(dir, n), 'utf8')).sort();
    expect(contents).toEqual(['first', 'second']);
  });

  it('uses a partly damaged document and keeps a copy of the original', () => {
    const raw = {
      version: 2,
      preferences: { theme: 'purple', language: 'zh-CN' },
    };
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(raw));
    const r = store().load();
    expect(r.data.preferences.language).toBe('zh-CN');
    expect(r.data.preferences.theme).toBe('system');
    expect(r.recovered?.reason).toContain('preferences.theme');
    expect(JSON.parse(readFileSync(r.recovered?.movedTo ?? '', 'utf8'))).toEqual(raw);
  });

  it('keeps a copy of an older version before it is migrated', () => {
    const v1 = { version: 1, site: 'international', apiKey: 'k', deploymentIds: ['d1'] };
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(v1));
    const r = store().load();
    expect(r.recovered).toBeUndefined();
    expect(r.data.deployments).toHaveLength(1);
    const backup = readdirSync(dir).find((n) => n.startsWith('settings.v1-'));
    expect(backup).toBeDefined();
    expect(JSON.parse(readFileSync(join(dir, backup ?? ''), 'utf8'))).toEqual(v1);
  });

  it('honours another file name', () => {
    const s = createFileSettingsStore({
      dir,
      codec: settingsCodec,
      fileName: 'prefs.json',
      now: () => FIXED,
    });
    writeFileSync(join(dir, 'prefs.json'), 'nope');
    expect(s.load().recovered?.movedTo).toBe(
      join(dir, 'prefs.corrupt-2026-01-02T03-04-05.006Z.json'),
    );
  });

  it('throws for a file it cannot read instead of answering defaults, and leaves it', () => {
    const path = join(dir, 'settings.json');
    mkdirSync(path);
    let error: unknown;
    try {
      store().load();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SettingsUnreadableError);
    expect(error).toMatchObject({ path, reason: 'EISDIR' });
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });
});
