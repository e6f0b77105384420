import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRendererFileHandler,
  resolveRendererFile,
} from '../../../electron/main/app-protocol';
import { RENDERER_CSP } from '../../../electron/main/csp';

describe('app:// renderer protocol', () => {
  let root: string;
  let outside: string;
  beforeAll(() => {
    const base = mkdtempSync(join(tmpdir(), 'app-protocol-'));
    root = join(base, 'renderer');
    outside = join(base, 'secret.txt');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><p>hi</p>');
    writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
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
