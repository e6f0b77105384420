import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { TRAY_ICON_STATES } from '../../../electron/core/tray/model';
import { APP_USER_MODEL_ID } from '../../../electron/main/app-user-model-id';
import {
  APP_ICON_ICO,
  APP_ICON_PNG_256,
  APP_ICON_PNG_512,
  PANEL_THEMES,
  macTemplateIcon,
  panelIcon,
  trayIconFile,
  windowsTrayIcon,
} from '../../../electron/main/icon-files';

const root = join(__dirname, '..', '..', '..');
const require = createRequire(join(root, 'package.json'));
// electron-builder reads its YAML with js-yaml; the test uses the same parser.
const yaml = require('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
> & {
  mac: Record<string, unknown> & { extendInfo: Record<string, unknown> };
  linux: Record<string, unknown> & { desktop: { entry: Record<string, string> } };
  electronFuses: Record<string, boolean>;
  files: string[];
};

/** Every string under a key that names an icon or an entitlements file. */
function namedPaths(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return /icon$|entitlements/i.test(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => namedPaths(v, key));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => namedPaths(v, k));
  }
  return [];
}

function pngSize(path: string): { width: number; height: number } {
  const buf = readFileSync(path);
  expect(buf.subarray(1, 4).toString('latin1'), path).toBe('PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it('matches electron-builder’s own schema, checked the way electron-builder checks it', () => {
    const schema = JSON.parse(
      readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'),
    ) as object;
    // electron-builder's validator options; its schema uses a `typeof` keyword ajv does not know.
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would reject a misspelt option (the schema check can fail)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(
      JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object,
    );
    expect(validate({ ...config, mac: { ...config.mac, hardenedRuntim: true } })).toBe(false);
  });

  it('names only icon and entitlements files that exist', () => {
    const paths = namedPaths(config);
    expect(paths.length).toBeGreaterThanOrEqual(6);
    for (const p of paths) expect(existsSync(join(root, p)), p).toBe(true);
  });

  it('ships the bundles and the run-time icons, and packs them in an asar', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(
      expect.arrayContaining(['dist/**', 'package.json', 'assets/tray/**']),
    );
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/main/index.cjs');
  });

  it('flips the fuses a release needs', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds a menu bar app with the hardened runtime on macOS', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.extendInfo.LSUIElement).toBe(true);
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    const entitlements = readFileSync(join(root, String(config.mac.entitlements)), 'utf8');
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
    // Nothing that would weaken the hardened runtime.
    expect(entitlements).not.toContain('disable-library-validation');
    expect(entitlements).not.toContain('allow-dyld-environment-variables');
  });

  it('installs on Windows with NSIS and on Linux as AppImage and deb with a desktop entry', () => {
    expect((config.win as { target: string[] }).target).toEqual(['nsis']);
    // The Start menu shortcut carries the appId; notifications need the app to use the same.
    expect(config.appId).toBe(APP_USER_MODEL_ID);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.desktop.entry.Categories).toBe('Network;Utility;');
  });
});

describe('icons', () => {
  it('has every tray icon the app can ask for, at the right size', () => {
    for (const state of TRAY_ICON_STATES) {
      expect(pngSize(join(root, macTemplateIcon(state, 1)))).toEqual({ width: 16, height: 16 });
      expect(pngSize(join(root, macTemplateIcon(state, 2)))).toEqual({ width: 32, height: 32 });
      for (const theme of PANEL_THEMES) {
        for (const size of [16, 24, 32] as const) {
          expect(pngSize(join(root, panelIcon(state, theme, size)))).toEqual({
            width: size,
            height: size,
          });
        }
        const ico = readFileSync(join(root, windowsTrayIcon(state, theme)));
        // ICONDIR: reserved 0, type 1 (icon), three images.
        expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 3]);
      }
      for (const platform of ['darwin', 'win32', 'linux'] as const) {
        for (const dark of [false, true]) {
          expect(existsSync(join(root, trayIconFile(state, platform, dark)))).toBe(true);
        }
      }
    }
  });

  it('gives each tray state its own shape, not just its own colour', () => {
    // Template images are black on transparent: only the alpha channel (the shape) differs.
    const shapes = TRAY_ICON_STATES.map((s) => readFileSync(join(root, macTemplateIcon(s, 2))));
    expect(new Set(shapes.map((b) => b.toString('base64'))).size).toBe(TRAY_ICON_STATES.length);
    for (const state of TRAY_ICON_STATES) {
      expect(existsSync(join(root, 'assets/icons/src', `${state}.svg`)), state).toBe(true);
    }
  });

  it('has the app icon at 512 and 256 px and as .ico', () => {
    expect(pngSize(join(root, APP_ICON_PNG_512))).toEqual({ width: 512, height: 512 });
    expect(pngSize(join(root, APP_ICON_PNG_256))).toEqual({ width: 256, height: 256 });
    expect(readFileSync(join(root, APP_ICON_ICO)).readUInt16LE(2)).toBe(1);
  });
});
