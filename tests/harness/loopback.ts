// Who may talk to the headless shell: only this machine, and only pages it served itself. It
// drives a real keychain and can start and stop deployments, so a page from elsewhere that
// reaches 127.0.0.1 (or a DNS name rebound to it) must be turned away.
import type { IncomingMessage } from 'node:http';

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function isLoopbackAddress(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK_ADDRESSES.has(address);
}

/** The origins the shell's own pages have. */
export function ownOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

export type AccessVerdict = { ok: true } | { ok: false; reason: string };

/**
 * HTTP requests: from a loopback address, addressed to the shell by its loopback name, and,
 * when a browser says where the request comes from, from one of the shell's own pages.
 */
export function checkHttpAccess(req: IncomingMessage, port: number): AccessVerdict {
  if (!isLoopbackAddress(req.socket.remoteAddress)) {
    return { ok: false, reason: 'only connections from this computer are accepted' };
  }
  if (!hostAllowed(req.headers.host, port)) {
    return { ok: false, reason: `unexpected Host header "${req.headers.host ?? ''}"` };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !ownOrigins(port).includes(origin)) {
    return { ok: false, reason: `requests from origin "${origin}" are not accepted` };
  }
  return { ok: true };
}

/** WebSocket upgrades: as above, and the Origin header is required. */
export function checkSocketAccess(req: IncomingMessage, port: number): AccessVerdict {
  const http = checkHttpAccess(req, port);
  if (!http.ok) return http;
  if (req.headers.origin === undefined) {
    return { ok: false, reason: 'a WebSocket connection must come from a page the harness served' };
  }
  return { ok: true };
}
