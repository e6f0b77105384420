// Serves the built renderer (dist/renderer) on app://renderer/. A custom scheme instead of
// file:// (Electron's security checklist): the page gets an origin of its own rather than the
// whole file system's, every response carries the CSP header, and only files inside the
// renderer directory can be read.
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { contentTypeOf } from '../core/files/content-type';
import { RENDERER_CSP } from './csp';
import { APP_HOST, APP_SCHEME } from './renderer-origin';

/**
 * Registered before `ready`. `standard` gives the page a real origin (app://renderer) and makes
 * relative URLs resolve; `secure` treats it like https. Vite marks its module script and
 * stylesheet `crossorigin`, so they are fetched in CORS mode; they are same-origin requests on a
 * standard scheme, which need no `corsEnabled`. That privilege is deliberately left off: it
 * would let any other origin read these files without a CORS check. `bypassCSP` stays off too.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
} as const;

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS },
  });
}

/** The file a request maps to inside `rootDir`, or undefined when it would leave it. */
export function resolveRendererFile(rootDir: string, requestUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0')) return undefined;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.slice(1);
  const root = normalize(rootDir);
  const file = normalize(join(root, relative));
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : undefined;
}

/** The protocol.handle callback for app://. */
export function createRendererFileHandler(
  rootDir: string,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound();
    const file = resolveRendererFile(rootDir, request.url);
    if (file === undefined) return notFound();
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return notFound();
    }
    const type = contentTypeOf(file);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { 'Content-Type': type, ...SECURITY_HEADERS },
    });
  };
}
