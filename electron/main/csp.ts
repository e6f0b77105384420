// Content-Security-Policy for the window. The page needs nothing from outside: every script,
// style and image is one of its own files, and it talks to the app only through window.api.

export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'none'",
  "media-src 'none'",
  "worker-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The Vite dev server injects an inline module script (React refresh) and talks over a
 * WebSocket, so development loosens exactly those two directives, for its own origin only.
 */
export function devRendererCsp(devUrl: string): string {
  const origin = new URL(devUrl);
  const ws = `ws://${origin.host}`;
  return [
    "default-src 'none'",
    `script-src 'self' 'unsafe-inline'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${ws}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
