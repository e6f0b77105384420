// The real client with Node's own http transport against a tiny server on 127.0.0.1: Basic
// auth on the wire, redirects not followed, timeouts, refused connections, and a server that
// echoes the Authorization header back in its error bodies.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../electron/core/api/client';
import { ApiError, RateLimitedError } from '../../../electron/core/api/errors';
import type { ApiClient } from '../../../electron/core/api/types';
import { createLogger } from '../../../electron/core/log/logger';
import { AUTH_HEADER, FORBIDDEN, KEY, SAMPLE, SECRET } from './fake-adapter';

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  accept: string | undefined;
  body: string;
}

const seen: Seen[] = [];
let server: Server;
let base = '';
let closedPort = 0;
const NOW = Date.UTC(2026, 0, 1, 0, 0, 0);

function send(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(body);
}

function route(req: IncomingMessage, res: ServerResponse, body: string): void {
  const auth = req.headers.authorization ?? '';
  seen.push({
    method: req.method ?? '',
    url: req.url ?? '',
    authorization: req.headers.authorization,
    accept: req.headers.accept,
    body,
  });
  const path = (req.url ?? '').replace('/public_api/v1', '');
  switch (path) {
    case '/deployments/w41b11c0':
      return send(res, 200, JSON.stringify({ ...SAMPLE, futureField: true }));
    case '/deployments':
      return send(res, 200, JSON.stringify([SAMPLE]));
    case '/deployments/w41b11c0/start':
      return send(
        res,
        201,
        JSON.stringify({ deploymentID: 'w41b11c0', deploymentName: 'd', operation: 'starting' }),
      );
    case '/deployments/echo401':
      return send(
        res,
        401,
        JSON.stringify({ code: 'UNAUTHORIZED', message: `bad credentials: ${auth}` }),
      );
    case '/deployments/echo500':
      return send(res, 500, `<html><head><title>Oops</title></head><body>${auth}</body></html>`, {
        'Content-Type': 'text/html',
      });
    case '/deployments/limited':
      return send(res, 429, '{"message":"Too many requests"}', {
        'Retry-After': 'Thu, 01 Jan 2026 00:30:00 GMT',
      });
    case '/deployments/moved':
      res.writeHead(301, { Location: '/public_api/v1/deployments/target' });
      return void res.end();
    case '/deployments/target':
      return send(res, 200, JSON.stringify(SAMPLE));
    case '/deployments/slow':
      // Never answers; the client's timeout must end it.
      return;
    case '/deployments/reset':
      return void req.socket.destroy();
    default:
      return send(res, 404, '{"message":"not found"}');
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => route(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/public_api/v1`;

  // A port that was open a moment ago and is now closed: connection refused.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const lines: string[] = [];
function client(baseUrl = base, timeoutMs = 2000): ApiClient {
  return createApiClient({
    baseUrl,
    key: KEY,
    secret: SECRET,
    timeoutMs,
    now: () => NOW,
    logger: createLogger((l) => lines.push(l)),
  });
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('resolved, expected a rejection');
}

function expectClean(error: ApiError): void {
  const texts = [
    error.message,
    error.stack ?? '',
    inspect(error, { depth: 10 }),
    JSON.stringify(error),
    ...lines,
  ];
  for (const text of texts) for (const s of FORBIDDEN) expect(text).not.toContain(s);
}

describe('client over real HTTP on 127.0.0.1', () => {
  it('sends Basic auth and Accept, and parses the answer', async () => {
    seen.length = 0;
    const d = await client().getDeployment('w41b11c0');
    expect(d.extra).toEqual({ futureField: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'GET',
      url: '/public_api/v1/deployments/w41b11c0',
      authorization: AUTH_HEADER,
      accept: 'application/json',
    });
  });

  it('lists, and starts with an empty POST', async () => {
    seen.length = 0;
    expect(await client().listDeployments()).toHaveLength(1);
    expect((await client().startDeployment('w41b11c0')).operation).toBe('starting');
    expect(seen[1]).toMatchObject({
      method: 'POST',
      url: '/public_api/v1/deployments/w41b11c0/start',
      body: '',
    });
  });

  it('never sends anything for an invalid ID', async () => {
    seen.length = 0;
    await failure(client().getDeployment('../x'));
    await failure(client().stopDeployment('%2e%2e'));
    expect(seen).toHaveLength(0);
  });

  it('does not follow a redirect', async () => {
    seen.length = 0;
    const e = await failure(client().getDeployment('moved'));
    expect(e.kind).toBe('BadResponse');
    expect(e.status).toBe(301);
    expect(seen.map((s) => s.url)).toEqual(['/public_api/v1/deployments/moved']);
  });

  it('reads Retry-After as an HTTP date', async () => {
    const e = await failure(client().getDeployment('limited'));
    expect(e).toBeInstanceOf(RateLimitedError);
    expect((e as RateLimitedError).retryAt).toBe(NOW + 30 * 60 * 1000);
    expect(e.serverMessage).toBe('Too many requests');
  });

  it('keeps an echoed Authorization header out of a 401', async () => {
    const e = await failure(client().getDeployment('echo401'));
    expect(e.kind).toBe('AuthFailed');
    expect(e.code).toBe('UNAUTHORIZED');
    expect(e.serverMessage).toBe('bad credentials: Basic ***');
    expectClean(e);
  });

  it('keeps an echoed Authorization header out of an HTML 500', async () => {
    const e = await failure(client().getDeployment('echo500'));
    expect(e.kind).toBe('ServerError');
    expect(e.message).toContain('Oops');
    expectClean(e);
  });

  it('times out on a server that never answers', async () => {
    const e = await failure(client(base, 100).getDeployment('slow'));
    expect(e.kind).toBe('Timeout');
    expectClean(e);
  });

  it('maps a reset connection to NetworkError', async () => {
    const e = await failure(client().getDeployment('reset'));
    expect(e.kind).toBe('NetworkError');
    expectClean(e);
  });

  it('maps a refused connection to NetworkError', async () => {
    const e = await failure(
      client(`http://127.0.0.1:${closedPort}/public_api/v1`).getDeployment('w41b11c0'),
    );
    expect(e.kind).toBe('NetworkError');
    expect(e.message).toContain('ECONNREFUSED');
    expectClean(e);
  });

  it('maps an abort to Aborted', async () => {
    const controller = new AbortController();
    const pending = client().getDeployment('slow', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const e = await failure(pending);
    expect(e.kind).toBe('Aborted');
    expectClean(e);
  });
});
