import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEV_SERVER_ENV,
  devServerUrl,
  isTrustedRendererUrl,
  rendererEntryUrl,
} from '../../../electron/main/renderer-origin';

describe('renderer origin', () => {
  it('reads the variable `npm run dev` sets', () => {
    // scripts/dev.mjs is plain JavaScript and spells the name out; a rename must reach it too.
    const dev = readFileSync(join(__dirname, '..', '..', '..', 'scripts', 'dev.mjs'), 'utf8');
    expect(dev).toContain(`const DEV_SERVER_ENV = '${DEV_SERVER_ENV}';`);
  });

  it('honours a loopback dev server only in an unpackaged app', () => {
    const env = { [DEV_SERVER_ENV]: 'http://127.0.0.1:5173' };
    expect(devServerUrl(env, false)).toBe('http://127.0.0.1:5173/');
    expect(devServerUrl(env, true)).toBeUndefined();
    expect(devServerUrl({ [DEV_SERVER_ENV]: 'http://localhost:5173/' }, false)).toBe(
      'http://localhost:5173/',
    );
    for (const bad of ['https://evil.example/', 'http://192.0.2.1:5173/', 'file:///x', 'nope']) {
      expect(devServerUrl({ [DEV_SERVER_ENV]: bad }, false), bad).toBeUndefined();
    }
    expect(devServerUrl({}, false)).toBeUndefined();
  });

  it('trusts only the app page, or the dev server origin when one is set', () => {
    expect(isTrustedRendererUrl('app://renderer/index.html')).toBe(true);
    expect(isTrustedRendererUrl('app://renderer/')).toBe(true);
    expect(isTrustedRendererUrl('app://evil/index.html')).toBe(false);
    expect(isTrustedRendererUrl('file:///app/dist/renderer/index.html')).toBe(false);
    expect(isTrustedRendererUrl('http://127.0.0.1:5173/')).toBe(false);
    expect(isTrustedRendererUrl('http://127.0.0.1:5173/', 'http://127.0.0.1:5173/')).toBe(true);
    expect(isTrustedRendererUrl('', 'http://127.0.0.1:5173/')).toBe(false);
  });

  it('loads the app page unless a dev server is set', () => {
    expect(rendererEntryUrl()).toBe('app://renderer/index.html');
    expect(rendererEntryUrl('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173/');
  });
});
