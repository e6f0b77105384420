// Guards from Electron's security checklist that apply to every page the app ever hosts:
// no navigation away from the renderer, no new windows, no <webview>, no permissions, and no
// request to anything but the app's own files.
import type { Session, WebContents } from 'electron';
import { devRendererCsp } from './csp';
import { APP_SCHEME, isTrustedRendererUrl } from './renderer-origin';

export type Log = (line: string) => void;

/** Applied to each WebContents as it is created (app 'web-contents-created'). */
export function hardenWebContents(contents: WebContents, log: Log): void {
  // The renderer is a single page: it never needs to navigate, and a link that tries is either
  // a bug or an attack. Console links go through the `console.open` command instead.
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    log(`blocked navigation to ${url}`);
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    log(`blocked redirect to ${url}`);
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`blocked window.open of ${url}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** Whether a request from a page may go out: our own scheme, inline data, or the dev server. */
export function isAllowedRequestUrl(url: string, devUrl?: string): boolean {
  if (url.startsWith(`${APP_SCHEME}:`) || url.startsWith('data:') || url.startsWith('devtools:')) {
    return true;
  }
  if (devUrl === undefined) return false;
  if (isTrustedRendererUrl(url, devUrl)) return true;
  // Vite's hot-reload socket: same host as the dev server, ws scheme.
  const dev = new URL(devUrl);
  return url.startsWith(`ws://${dev.host}/`) || url === `ws://${dev.host}`;
}

/** Applied once to the default session after `ready`. */
export function hardenSession(session: Session, log: Log, devUrl?: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url, devUrl);
    if (!allowed) log(`blocked request to ${details.url}`);
    callback({ cancel: !allowed });
  });
  if (devUrl !== undefined) {
    // The app:// handler sets the CSP on packaged files; dev server responses get it here.
    const csp = devRendererCsp(devUrl);
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] },
      });
    });
  }
}
