// No error the client produces, in any form, and no log line it writes may carry the secret,
// `key:secret`, its base64 or the Authorization header value, even when the server echoes them.

import { inspect } from 'node:util';
import { AxiosError, CanceledError, type InternalAxiosRequestConfig } from 'axios';
import { describe, expect, it } from 'vitest';
import { createApiClient, type CreateApiClientOptions } from '../../../electron/core/api/client';
import { ApiError, type ApiErrorKind } from '../../../electron/core/api/errors';
import type { ApiClient } from '../../../electron/core/api/types';
import { createLogger } from '../../../electron/core/log/logger';
import {
  AUTH_HEADER,
  BASE,
  BASE64,
  FORBIDDEN,
  KEY,
  PAIR,
  SAMPLE,
  SECRET,
  authHeaderOf,
  fakeAdapter,
  hangingAdapter,
  type FakeAdapter,
  type FakeReply,
} from './fake-adapter';

/** Every text form an error can take on its way to a log, the UI or a crash report. */
function renderings(error: unknown): string[] {
  const e = error as ApiError;
  return [
    e.message,
    e.stack ?? '',
    String(e),
    inspect(e, { depth: 10 }),
    inspect(e, { depth: 10, showHidden: true }),
    JSON.stringify(e),
    JSON.stringify(e.toInfo()),
    JSON.stringify(
      Object.getOwnPropertyNames(e).map((k) => [
        k,
        String((e as unknown as Record<string, unknown>)[k]),
      ]),
    ),
  ];
}

function expectClean(texts: string[]): void {
  for (const text of texts) {
    for (const secret of FORBIDDEN) expect(text).not.toContain(secret);
    expect(text).not.toContain('S3cr3t');
  }
}

interface Case {
  name: string;
  kind: ApiErrorKind;
  adapter: () => FakeAdapter;
  call?: (c: ApiClient, signal: AbortSignal) => Promise<unknown>;
  options?: Partial<CreateApiClientOptions>;
  abortAfterMs?: number;
}

/** An adapter that answers with the request's own Authorization header (and more) in the body. */
function echo(
  status: number,
  body: (auth: string) => string,
  headers: Record<string, string> = {},
): () => FakeAdapter {
  return () =>
    fakeAdapter((config): FakeReply => {
      const auth = authHeaderOf(config) ?? '';
      expect(auth).toBe(AUTH_HEADER);
      return { status, data: body(auth), headers };
    });
}

function throwing(make: (config: InternalAxiosRequestConfig) => unknown): () => FakeAdapter {
  return () =>
    fakeAdapter((config) => {
      throw make(config);
    });
}

const get = (c: ApiClient, signal: AbortSignal): Promise<unknown> =>
  c.getDeployment('w41b11c0', { signal });

const CASES: Case[] = [
  {
    name: '401 echoing the header, the pair and the secret as code',
    kind: 'AuthFailed',
    adapter: echo(401, (auth) =>
      JSON.stringify({ code: SECRET, message: `Invalid Authorization: ${auth} (${PAIR})` }),
    ),
  },
  {
    name: '403 plain text echo',
    kind: 'Forbidden',
    adapter: echo(403, (auth) => `forbidden for ${auth}\nuser=${KEY} pass=${SECRET}`, {
      'Content-Type': 'text/plain',
    }),
  },
  {
    name: '404 HTML echo',
    kind: 'NotFound',
    adapter: echo(
      404,
      (auth) => `<html><body><p>No such thing. You sent <code>${auth}</code></p></body></html>`,
    ),
  },
  {
    name: '422 JSON with base64 and the secret in other fields',
    kind: 'InvalidState',
    adapter: echo(422, () =>
      JSON.stringify({ error: { code: BASE64, message: `state? ${SECRET}` } }),
    ),
    call: (c, signal) => c.stopDeployment('w41b11c0', { signal }),
  },
  {
    name: '429 echoing into Retry-After and body',
    kind: 'RateLimited',
    adapter: echo(429, (auth) => `slow down ${auth}`, { 'Retry-After': SECRET }),
  },
  {
    name: '500 HTML with the secret split by tags',
    kind: 'ServerError',
    adapter: echo(500, () => `<html><title>Error S3cr3t-<i>Value</i>-ab12XYZ</title></html>`, {
      'Content-Type': 'text/html',
    }),
  },
  {
    name: '502 with the secret JSON-escaped in unicode',
    kind: 'ServerError',
    adapter: echo(
      502,
      () =>
        `{"message":"${[...SECRET].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"}`,
    ),
  },
  {
    name: '503 with the secret percent-encoded',
    kind: 'ServerError',
    adapter: echo(503, () => `bad ${encodeURIComponent(PAIR)}`),
  },
  {
    name: '418 echo',
    kind: 'BadResponse',
    adapter: echo(418, (auth) => JSON.stringify({ message: auth })),
  },
  {
    name: '200 that is not JSON and echoes the header',
    kind: 'BadResponse',
    adapter: echo(200, (auth) => `<html>${auth}</html>`),
  },
  {
    name: '200 whose mistyped field holds the secret',
    kind: 'BadResponse',
    adapter: echo(200, () => JSON.stringify({ ...SAMPLE, status: { value: SECRET } })),
  },
  {
    name: '302 to an address with credentials',
    kind: 'BadResponse',
    adapter: echo(302, () => '', { Location: `https://${KEY}:${SECRET}@evil.example/` }),
  },
  {
    name: 'a timeout that ignores the signal',
    kind: 'Timeout',
    adapter: hangingAdapter,
    options: { timeoutMs: 20 },
  },
  {
    name: 'an axios timeout error carrying the config',
    kind: 'Timeout',
    adapter: throwing(
      (config) =>
        new AxiosError(`timeout exceeded ${AUTH_HEADER}`, 'ETIMEDOUT', config, { config }),
    ),
  },
  {
    name: 'connection refused carrying config, request and the header in its message',
    kind: 'NetworkError',
    adapter: throwing(
      (config) =>
        new AxiosError(`connect ECONNREFUSED ${AUTH_HEADER} ${PAIR}`, 'ECONNREFUSED', config, {
          headers: config.headers,
        }),
    ),
  },
  {
    name: 'an odd throw with the secret in its message',
    kind: 'NetworkError',
    adapter: throwing(() => new TypeError(`boom ${SECRET}`)),
  },
  {
    name: 'a refused deployment ID that is the secret',
    kind: 'InvalidInput',
    adapter: echo(200, () => JSON.stringify(SAMPLE)),
    call: (c, signal) => c.getDeployment(`${SECRET}/x`, { signal }),
  },
  {
    name: 'a refused deployment ID that is the pair',
    kind: 'InvalidInput',
    adapter: echo(200, () => JSON.stringify(SAMPLE)),
    call: (c, signal) => c.startDeployment(PAIR, { signal }),
  },
  {
    name: "the caller's abort, with a CanceledError carrying the config",
    kind: 'Aborted',
    adapter: () =>
      fakeAdapter(
        (config) =>
          new Promise<FakeReply>((_, reject) => {
            (config.signal as AbortSignal).addEventListener('abort', () =>
              reject(new CanceledError(`canceled ${AUTH_HEADER}`, config, { config })),
            );
          }),
      ),
    abortAfterMs: 5,
  },
  {
    name: 'an axios CanceledError without any abort',
    kind: 'Aborted',
    adapter: throwing((config) => new CanceledError(`canceled ${AUTH_HEADER}`, config)),
  },
];

describe('no credential leaks from any error kind', () => {
  it('covers every error kind', () => {
    const kinds = new Set(CASES.map((c) => c.kind));
    const all: ApiErrorKind[] = [
      'AuthFailed',
      'Forbidden',
      'NotFound',
      'InvalidState',
      'RateLimited',
      'ServerError',
      'BadResponse',
      'Timeout',
      'NetworkError',
      'InvalidInput',
      'Aborted',
    ];
    for (const k of all) expect(kinds.has(k)).toBe(true);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    const lines: string[] = [];
    // No redaction in this logger: what it prints is exactly what the client handed it.
    const logger = createLogger((l) => lines.push(l), { level: 'debug' });
    const fake = testCase.adapter();
    const c = createApiClient({
      baseUrl: BASE,
      key: KEY,
      secret: SECRET,
      adapter: fake.adapter,
      logger,
      ...testCase.options,
    });
    const controller = new AbortController();
    const pending = (testCase.call ?? get)(c, controller.signal);
    if (testCase.abortAfterMs !== undefined) {
      setTimeout(() => controller.abort(), testCase.abortAfterMs);
    }
    let caught: unknown;
    try {
      await pending;
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiError);
    const error = caught as ApiError;
    expect(error.kind).toBe(testCase.kind);
    expect('cause' in error).toBe(false);
    expect(Object.keys(error)).not.toContain('config');
    expect(Object.keys(error)).not.toContain('request');
    expectClean(renderings(error));
    // The error itself, logged the way callers log failures, by a logger that redacts nothing.
    const before = lines.length;
    logger.error('request failed', { error, info: error.toInfo() });
    logger.warn(`request failed: ${String(error)}`, { stack: error.stack });
    expect(lines.length).toBe(before + 2);
    expect(lines.at(-2)).toContain(error.kind);
    expectClean(lines);
  });
});

describe('no credential leaks when refusing options', () => {
  it.each([
    [
      'credentials in the base URL',
      { baseUrl: `https://${KEY}:${SECRET}@cloud-intl.emqx.com/public_api/v1` },
    ],
    ['a secret with a newline', { secret: `${SECRET}\n` }],
    ['a key with a colon', { key: `a:${SECRET}` }],
    ['a base URL with the secret in the query', { baseUrl: `${BASE}?token=${SECRET}` }],
  ])('%s', (_name, extra) => {
    let caught: unknown;
    try {
      createApiClient({ baseUrl: BASE, key: KEY, secret: SECRET, ...extra });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiError);
    expect((caught as ApiError).kind).toBe('InvalidInput');
    expectClean(renderings(caught));
  });
});

describe('a redacting logger', () => {
  it('hides the credential even if a caller logs it on purpose', () => {
    const lines: string[] = [];
    const logger = createLogger((l) => lines.push(l), { redact: () => [SECRET, PAIR] });
    logger.error(`header ${AUTH_HEADER}`, { pair: PAIR, secret: SECRET, nested: { b64: BASE64 } });
    expect(lines).toHaveLength(1);
    expectClean(lines);
    expect(lines[0]).toContain('***');
  });
});
