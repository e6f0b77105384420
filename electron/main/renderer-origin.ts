// Where the window's page may come from. The packaged renderer is served from the app://
// scheme; a dev server URL is honoured only in an unpackaged build. IPC handlers and the
// navigation guard both ask this module, so there is one definition of "our page".

export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The environment variable `npm run dev` sets to the Vite dev server's URL. */
export const DEV_SERVER_ENV = 'EMQX_CLOUD_TRAY_DEV_SERVER_URL';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server URL from the environment, or undefined. Ignored in a packaged app, so an
 * environment variable can never point an installed app at another page, and accepted only
 * for an http URL on this machine.
 */
export function devServerUrl(
  env: Record<string, string | undefined>,
  isPackaged: boolean,
): string | undefined {
  const raw = env[DEV_SERVER_ENV];
  if (isPackaged || raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return url.href;
}

/** Whether a frame at `url` is the app's own renderer. */
export function isTrustedRendererUrl(url: string, devUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // The origin of a custom scheme is opaque ("null") to the URL parser, so compare the parts.
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (devUrl === undefined) return false;
  return parsed.origin === new URL(devUrl).origin;
}

/** The URL the window loads. */
export function rendererEntryUrl(devUrl?: string): string {
  return devUrl ?? APP_ENTRY_URL;
}
