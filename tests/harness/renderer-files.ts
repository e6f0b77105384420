// Serves the built window UI (vite's output in dist/renderer) with one change: index.html loads
// the harness bridge before the app's script, so `window.api` exists when the app starts.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, normalize, resolve, sep } from 'node:path';
import { contentTypeOf } from '../../electron/core/files/content-type';
import { BRIDGE_PATH } from './protocol';

export class RendererNotBuiltError extends Error {
  override name = 'RendererNotBuiltError';
}

/** Fails with the command that fixes it when the renderer has not been built. */
export function assertRendererBuilt(dir: string): void {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new RendererNotBuiltError(
      `The window UI is not built (${join(dir, 'index.html')} is missing): run npm run build:renderer`,
    );
  }
}

/**
 * Puts the bridge script just before the app's first script: after the page's CSP meta tag, so
 * the bridge lives under the same policy the app does, yet runs first (it is a classic script,
 * the app's are deferred modules).
 */
export function injectBridge(html: string): string {
  const tag = `<script src="${BRIDGE_PATH}"></script>`;
  const firstScript = html.search(/<script\b/i);
  if (firstScript >= 0)
    return `${html.slice(0, firstScript)}${tag}\n    ${html.slice(firstScript)}`;
  const headEnd = html.search(/<\/head>/i);
  if (headEnd >= 0) return `${html.slice(0, headEnd)}${tag}\n  ${html.slice(headEnd)}`;
  return `${tag}\n${html}`;
}

export interface StaticFile {
  status: number;
  contentType: string;
  body: Buffer | string;
}

/** Resolves a URL path inside `dir`; refuses anything that would leave it. */
export async function readRendererFile(dir: string, urlPath: string): Promise<StaticFile> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { status: 400, contentType: 'text/plain; charset=utf-8', body: 'Malformed path' };
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = resolve(dir);
  const file = resolve(root, normalize(relative));
  if (file !== root && !file.startsWith(root + sep)) {
    return { status: 403, contentType: 'text/plain; charset=utf-8', body: 'Forbidden' };
  }
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch {
    return { status: 404, contentType: 'text/plain; charset=utf-8', body: 'Not found' };
  }
  const contentType = contentTypeOf(file);
  if (file === join(root, 'index.html')) {
    return { status: 200, contentType, body: injectBridge(content.toString('utf8')) };
  }
  return { status: 200, contentType, body: content };
}
