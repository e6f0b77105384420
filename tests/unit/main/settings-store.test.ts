import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as NodeFs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./fake-electron'));
// The adapter's own moves and copies can be made to fail (root may write anywhere here).
const fsFaults = vi.hoisted(() => ({ rename: false, copy: false }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof NodeFs>();
  const refuse = (): never => {
    throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
  };
  return {
    ...fs,
    renameSync: (...args: Parameters<typeof fs.renameSync>) =>
      fsFaults.rename ? refuse() : fs.renameSync(...args),
    copyFileSync: (...args: Parameters<typeof fs.copyFileSync>) =>
      fsFaults.copy ? refuse() : fs.copyFileSync(...args),
  };
});
vi.mock('electron-store', () => import('./fake-electron-store'));
import { createElectronSettingsStore } from '../../../electron/main/settings-store';
import type { SettingsCodec } from '../../../electron/core/app/controller-types';
import { SettingsUnreadableError } from '../../../electron/core/settings';
import { must } from './must';

interface Doc {
  version: 2;
  cadence: number;
}

// A codec with the core's contract: version 1 migrates, a bad cadence is repaired, anything
// without a version cannot be used.
const codec: SettingsCodec<Doc> = {
  defaults: () => ({ version: 2, cadence: 300 }),
  decode(raw) {
    const r = raw as { version?: unknown; cadence?: unknown };
    if (r.version === 1) return { ok: true, data: { version: 2, cadence: 600 }, migratedFrom: 1 };
    if (r.version !== 2) return { ok: false, reason: 'unknown version' };
    if (typeof r.cadence !== 'number') {
      return { ok: true, data: { version: 2, cadence: 300 }, repaired: ['cadence'] };
    }
    return { ok: true, data: { version: 2, cadence: r.cadence } };
  },
};

describe('electron-store settings', () => {
  let dir: string;
  const now = () => Date.UTC(2026, 0, 2, 3, 4, 5, 678);
  const make = () => createElectronSettingsStore({ codec, cwd: dir, now });
  const file = () => join(dir, 'settings.json');
  const aside = () =>
    readdirSync(dir)
      .filter((f) => f !== 'settings.json')
      .sort();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'settings-'));
  });
  afterEach(() => {
    fsFaults.rename = false;
    fsFaults.copy = false;
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts from defaults when there is no file', () => {
    expect(make().load()).toEqual({ data: { version: 2, cadence: 300 } });
    expect(existsSync(file())).toBe(false);
  });

  it('saves the document and reads it back', () => {
    make().save({ version: 2, cadence: 900 });
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual({ version: 2, cadence: 900 });
    expect(make().load()).toEqual({ data: { version: 2, cadence: 900 } });
  });

  it('moves a file that is not JSON aside, keeps it, and uses defaults', () => {
    writeFileSync(file(), '{"version": 2, "cadence": ');
    const result = make().load();
    const moved = join(dir, 'settings.corrupt-2026-01-02T03-04-05.678Z.json');
    expect(result).toEqual({
      data: { version: 2, cadence: 300 },
      recovered: { movedTo: moved, reason: 'invalid JSON' },
    });
    expect(readFileSync(moved, 'utf8')).toBe('{"version": 2, "cadence": ');
    expect(existsSync(file())).toBe(false);
  });

  it('moves aside JSON that is not an object', () => {
    writeFileSync(file(), '[1, 2, 3]');
    const result = make().load();
    expect(result.recovered?.reason).toMatch(/not hold a JSON object/);
    expect(aside()).toEqual(['settings.corrupt-2026-01-02T03-04-05.678Z.json']);
  });

  it('moves aside a document the codec cannot decode, and can save again after', () => {
    writeFileSync(file(), '{"hello": "world"}');
    const store = make();
    expect(store.load().recovered?.reason).toBe('unknown version');
    store.save({ version: 2, cadence: 120 });
    expect(make().load()).toEqual({ data: { version: 2, cadence: 120 } });
    expect(aside()).toEqual(['settings.corrupt-2026-01-02T03-04-05.678Z.json']);
  });

  it('never overwrites an earlier file moved aside', () => {
    writeFileSync(file(), 'x');
    make().load();
    writeFileSync(file(), 'y');
    make().load();
    expect(aside()).toEqual([
      'settings.corrupt-2026-01-02T03-04-05.678Z-1.json',
      'settings.corrupt-2026-01-02T03-04-05.678Z.json',
    ]);
  });

  it('uses a repaired document but keeps a copy of the original', () => {
    writeFileSync(file(), '{"version": 2, "cadence": "fast"}');
    const result = make().load();
    expect(result.data).toEqual({ version: 2, cadence: 300 });
    expect(result.recovered?.reason).toBe('invalid values dropped: cadence');
    expect(readFileSync(must(result.recovered).movedTo, 'utf8')).toBe(
      '{"version": 2, "cadence": "fast"}',
    );
    expect(existsSync(file())).toBe(true);
  });

  it('keeps the file of an older version beside the migrated one', () => {
    writeFileSync(file(), '{"version": 1}');
    expect(make().load()).toEqual({ data: { version: 2, cadence: 600 } });
    expect(aside()).toEqual(['settings.v1-2026-01-02T03-04-05.678Z.json']);
  });

  it('throws SettingsUnreadableError for a file it cannot read, and leaves it', () => {
    mkdirSync(file());
    const error = catchError(() => make().load());
    expect(error).toBeInstanceOf(SettingsUnreadableError);
    expect(error).toMatchObject({ path: file(), reason: 'EISDIR' });
    expect(aside()).toEqual([]);
  });

  it('throws SettingsUnreadableError when a damaged file cannot be moved aside', () => {
    writeFileSync(file(), '{"version": 2, "cadence": ');
    fsFaults.rename = true;
    expect(catchError(() => make().load())).toMatchObject({ path: file(), reason: 'EACCES' });
    expect(readFileSync(file(), 'utf8')).toBe('{"version": 2, "cadence": ');
  });

  it('throws SettingsUnreadableError when the copy before a migration fails', () => {
    writeFileSync(file(), '{"version": 1}');
    fsFaults.copy = true;
    expect(catchError(() => make().load())).toBeInstanceOf(SettingsUnreadableError);
    expect(readFileSync(file(), 'utf8')).toBe('{"version": 1}');
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
