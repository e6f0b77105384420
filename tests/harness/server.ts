// The headless shell's HTTP server on 127.0.0.1: the built window UI with the bridge injected,
// the bridge's WebSocket, and the JSON test routes under /__harness/.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { bridgeScript } from './bridge-bundle';
import { checkHttpAccess, checkSocketAccess } from './loopback';
import { BRIDGE_PATH, HARNESS_PREFIX, WS_PATH } from './protocol';
import { assertRendererBuilt, readRendererFile } from './renderer-files';
import { handleRoute, type HarnessParts } from './routes';
import { serveBridgeConnection } from './ws-bridge';

export interface HarnessServerOptions {
  parts: HarnessParts;
  /** The built renderer (vite's output). */
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  log?: (line: string) => void;
}

export interface HarnessServer {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', () => resolve(undefined));
  });
}

function refuseUpgrade(socket: Duplex, status: string, reason: string): void {
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export async function startHarnessServer(opts: HarnessServerOptions): Promise<HarnessServer> {
  const { parts, rendererDir, port = 0, log = () => {} } = opts;
  assertRendererBuilt(rendererDir);
  let actualPort = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const access = checkHttpAccess(req, actualPort);
    if (!access.ok) return sendJson(res, 403, { error: access.reason });
    // Concatenated, not resolved: a path like `//x` must stay a path, not become a host.
    const url = new URL(`http://127.0.0.1${req.url ?? '/'}`);
    const path = url.pathname;
    const method = req.method ?? 'GET';

    if (path === BRIDGE_PATH) {
      const script = await bridgeScript();
      res.writeHead(200, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'no-store',
      });
      return res.end(script);
    }
    if (path === HARNESS_PREFIX || path.startsWith(`${HARNESS_PREFIX}/`)) {
      const body = await readBody(req);
      if (body === undefined)
        return sendJson(res, 413, { error: 'The request body is too large.' });
      const answer = await handleRoute(parts, {
        method,
        path: path.slice(HARNESS_PREFIX.length),
        query: url.searchParams,
        body,
      });
      if ('html' in answer) {
        res.writeHead(answer.status, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
        });
        return res.end(answer.html);
      }
      return sendJson(res, answer.status, answer.body, answer.headers);
    }
    if (method !== 'GET' && method !== 'HEAD') {
      return sendJson(res, 405, { error: `${method} is not allowed on ${path}.` });
    }
    const file = await readRendererFile(rendererDir, path);
    res.writeHead(file.status, { 'content-type': file.contentType, 'cache-control': 'no-store' });
    res.end(method === 'HEAD' ? undefined : file.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(`harness: request failed: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'The harness failed to answer.' });
      else res.destroy();
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const path = (req.url ?? '/').split(/[?#]/)[0];
    if (path !== WS_PATH) return refuseUpgrade(socket, '404 Not Found', `No WebSocket at ${path}`);
    const access = checkSocketAccess(req, actualPort);
    if (!access.ok) return refuseUpgrade(socket, '403 Forbidden', access.reason);
    wss.handleUpgrade(req, socket, head, (ws) => serveBridgeConnection(ws, parts.controller, log));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  actualPort = (server.address() as AddressInfo).port;

  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    port: actualPort,
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
