import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  createRendererFileHandler,
  resolveRendererFile,
} from '../../../electron/main/app-protocol';
import { RENDERER_CSP } from '../../../electron/main/csp';
import { APP_ENTRY_URL, APP_SCHEME } from '../../../electron/main/renderer-origin';

// What `vite build` writes (base './'): a module script and a stylesheet, both `crossorigin`.
const VITE_INDEX = `<!doctype html><html><head>
<script type="module" crossorigin src="./assets/index-abc.js"></script>
<link rel="stylesheet" crossorigin href="./assets/index-def.css">
</head><body><div id="root"></div></body></html>`;

describe('app:// renderer protocol', () => {
  let root: string;
  let outside: string;
  beforeAll(() => {
    const base = mkdtempSync(join(tmpdir(), 'app-protocol-'));
    root = join(base, 'renderer');
    outside = join(base, 'secret.txt');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><p>hi</p>');
    writeFileSync(join(root, 'vite.html'), VITE_INDEX);
    writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
    writeFileSync(join(root, 'assets', 'index-def.css'), 'body{margin:0}');
    writeFileSync(outside, 'not for the page');
  });
  afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));

  const get = (url: string, method = 'GET') =>
    createRendererFileHandler(root)(new Request(url, { method }));

  it('serves index.html for the root with the CSP header', async () => {
    const res = await get('app://renderer/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(await res.text()).toBe('<!doctype html><p>hi</p>');
  });

  it('serves assets with their type', async () => {
    const res = await get('app://renderer/assets/index-abc.js');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the crossorigin module script and stylesheet as same-origin files of their type', async () => {
    const page = APP_ENTRY_URL.replace('index.html', 'vite.html');
    const html = await (await get(page)).text();
    const refs = [...html.matchAll(/crossorigin (?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(refs).toHaveLength(2);
    const types: string[] = [];
    for (const ref of refs) {
      const url = new URL(ref, page);
      // Same scheme and host as the page: a CORS-mode fetch that needs no corsEnabled.
      expect(`${url.protocol}//${url.host}`).toBe(`${APP_SCHEME}://renderer`);
      const res = await get(url.href);
      expect(res.status, url.href).toBe(200);
      types.push(res.headers.get('content-type') ?? '');
    }
    // Module scripts are refused unless served with a JavaScript type.
    expect(types).toEqual(['text/javascript; charset=utf-8', 'text/css; charset=utf-8']);
  });

  it('registers app:// as a standard, secure scheme that other origins cannot read', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe(APP_SCHEME);
    const p = APP_SCHEME_PRIVILEGES.privileges ?? {};
    expect(p.standard).toBe(true);
    expect(p.secure).toBe(true);
    expect(p.corsEnabled).not.toBe(true);
    expect(p.bypassCSP).not.toBe(true);
    expect(p.allowServiceWorkers).not.toBe(true);
  });

  it('never reads outside the renderer directory', async () => {
    for (const url of [
      'app://renderer/../secret.txt',
      'app://renderer/%2e%2e/secret.txt',
      'app://renderer/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://renderer/%00index.html',
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
    }
    expect(resolveRendererFile(root, 'app://renderer/..%2Fsecret.txt')).toBeUndefined();
  });

  it('answers 404 for other hosts, missing files and writes', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://renderer/missing.js')).status).toBe(404);
    expect((await get('app://renderer/index.html', 'POST')).status).toBe(404);
  });

  it('has a strict policy: nothing from outside, no inline script, no plugins, no framing', () => {
    expect(RENDERER_CSP).toContain("default-src 'none'");
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).not.toContain('unsafe');
    expect(RENDERER_CSP).toContain("object-src 'none'");
    expect(RENDERER_CSP).toContain("frame-ancestors 'none'");
    expect(RENDERER_CSP).not.toMatch(/https?:/);
  });
});
