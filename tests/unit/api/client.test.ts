import { AxiosError } from 'axios';
import { describe, expect, it } from 'vitest';
import { createApiClient, type CreateApiClientOptions } from '../../../electron/core/api/client';
import {
  AbortedError,
  ApiError,
  AuthFailedError,
  BadResponseError,
  ForbiddenError,
  InvalidInputError,
  InvalidStateError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TimeoutError,
} from '../../../electron/core/api/errors';
import type { ApiClient } from '../../../electron/core/api/types';
import { createLogger } from '../../../electron/core/log/logger';
import {
  AUTH_HEADER,
  BASE,
  KEY,
  SAMPLE,
  SECRET,
  authHeaderOf,
  fakeAdapter,
  hangingAdapter,
  reply,
  signalAwareAdapter,
  must,
  type FakeAdapter,
} from './fake-adapter';

const NOW = Date.UTC(2026, 0, 1, 0, 0, 0);

function client(fake: FakeAdapter, extra: Partial<CreateApiClientOptions> = {}): ApiClient {
  return createApiClient({
    baseUrl: BASE,
    key: KEY,
    secret: SECRET,
    adapter: fake.adapter,
    now: () => NOW,
    ...extra,
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

const OP_STOP = {
  deploymentID: 'w41b11c0',
  deploymentName: 'deployment-w41b11c0',
  operation: 'stopping',
};
const OP_START = { ...OP_STOP, operation: 'starting' };

describe('createApiClient: requests', () => {
  it('GETs one deployment with Basic auth and Accept: application/json', async () => {
    const fake = reply(200, SAMPLE);
    const d = await client(fake).getDeployment('w41b11c0');
    expect(d).toEqual({ ...SAMPLE, extra: {} });
    expect(fake.calls).toHaveLength(1);
    const config = must(fake.calls[0]);
    expect(config.method).toBe('get');
    expect(config.url).toBe(`${BASE}/deployments/w41b11c0`);
    expect(authHeaderOf(config)).toBe(AUTH_HEADER);
    expect(config.headers.get('Accept')).toBe('application/json');
    expect(config.maxRedirects).toBe(0);
    expect(config.timeout).toBe(15_000);
    expect(config.data).toBeUndefined();
  });

  it('lists deployments', async () => {
    const fake = reply(200, [SAMPLE, { ...SAMPLE, deploymentID: 'b2', projectName: 'p' }]);
    const list = await client(fake).listDeployments();
    expect(list.map((d) => d.deploymentID)).toEqual(['w41b11c0', 'b2']);
    expect(must(fake.calls[0]).url).toBe(`${BASE}/deployments`);
  });

  it('reads a deployment that lacks descriptive fields instead of failing the whole list', async () => {
    const serverless = {
      deploymentID: 'k9d2s7x4',
      deploymentName: 'sensor-sandbox',
      deploymentType: 'serverless',
      status: 'running',
      createAt: '2025-01-15 08:40',
    };
    const list = await client(reply(200, [SAMPLE, serverless])).listDeployments();
    expect(list.map((d) => d.status)).toEqual(['running', 'running']);
    expect(list[0]?.missingFields).toBeUndefined();
    expect(list[1]?.missingFields).toEqual(['connections', 'platform', 'region']);
    const one = await client(reply(200, serverless)).getDeployment('k9d2s7x4');
    expect(one).toMatchObject({ deploymentType: 'serverless', connections: 0, region: '' });
  });

  it('refuses a list that is not a bare array', async () => {
    const e = await failure(client(reply(200, { data: [SAMPLE] })).listDeployments());
    expect(e).toBeInstanceOf(BadResponseError);
    expect(e.status).toBe(200);
  });

  it('names the bad element of a list', async () => {
    const e = await failure(
      client(reply(200, [SAMPLE, { ...SAMPLE, status: 5 }])).listDeployments(),
    );
    expect(e).toBeInstanceOf(BadResponseError);
    expect((e as BadResponseError).field).toBe('[1].status');
  });

  it('POSTs start and stop with no body, taking 201 and 200', async () => {
    const start = reply(201, OP_START);
    expect(await client(start).startDeployment('w41b11c0')).toEqual(OP_START);
    expect(must(start.calls[0]).method).toBe('post');
    expect(must(start.calls[0]).url).toBe(`${BASE}/deployments/w41b11c0/start`);
    expect(must(start.calls[0]).data).toBeUndefined();
    expect(authHeaderOf(must(start.calls[0]))).toBe(AUTH_HEADER);

    const stop = reply(200, OP_STOP);
    expect(await client(stop).stopDeployment('w41b11c0')).toEqual(OP_STOP);
    expect(must(stop.calls[0]).url).toBe(`${BASE}/deployments/w41b11c0/stop`);
  });

  it('reports an accepted start as accepted even when its body is not the documented one', async () => {
    const lines: string[] = [];
    const logger = createLogger((l) => lines.push(l));
    const empty = await client(reply(201, ''), { logger }).startDeployment('w41b11c0');
    expect(empty).toEqual({ deploymentID: 'w41b11c0', deploymentName: '', operation: 'starting' });
    const partial = await client(reply(201, { deploymentName: 'dn' })).stopDeployment('abc');
    expect(partial).toEqual({ deploymentID: 'abc', deploymentName: 'dn', operation: 'stopping' });
    expect(lines.some((l) => l.includes('undocumented answer'))).toBe(true);
  });

  it('takes a JSON body an adapter already parsed, and a Buffer', async () => {
    const parsed = fakeAdapter(() => ({ status: 200, data: SAMPLE }));
    expect((await client(parsed).getDeployment('w41b11c0')).deploymentID).toBe('w41b11c0');
    const bytes = fakeAdapter(() => ({ status: 200, data: Buffer.from(JSON.stringify(SAMPLE)) }));
    expect((await client(bytes).getDeployment('w41b11c0')).region).toBe('杭州');
  });

  it('refuses a 200 that is not JSON', async () => {
    const e = await failure(
      client(reply(200, '<html>login page</html>')).getDeployment('w41b11c0'),
    );
    expect(e).toBeInstanceOf(BadResponseError);
    expect(e.message).toContain('not valid JSON');
    expect(e.message).not.toContain('login page');
  });

  it('refuses an unexpected 2xx to a read', async () => {
    const e = await failure(client(reply(204)).getDeployment('w41b11c0'));
    expect(e).toBeInstanceOf(BadResponseError);
    expect(e.status).toBe(204);
  });

  it('uses a custom timeout and exposes the normalised base URL', () => {
    const fake = reply(200, SAMPLE);
    const c = client(fake, { baseUrl: ' http://127.0.0.1:8080/public_api/v1/ ', timeoutMs: 2000 });
    expect(c.baseUrl).toBe('http://127.0.0.1:8080/public_api/v1');
  });

  it('never retries, whatever the failure', async () => {
    for (const status of [429, 500, 502, 503, 504]) {
      const fake = reply(status, '');
      await failure(client(fake).getDeployment('w41b11c0'));
      await failure(client(fake).startDeployment('w41b11c0'));
      expect(fake.calls).toHaveLength(2);
    }
    const net = fakeAdapter(() => {
      throw new AxiosError('connect ECONNREFUSED', 'ECONNREFUSED');
    });
    await failure(client(net).listDeployments());
    expect(net.calls).toHaveLength(1);
  });
});

describe('createApiClient: bad input is refused before any request', () => {
  it.each([
    ['http to a remote host', 'http://cloud-intl.emqx.com/public_api/v1'],
    ['credentials', `https://${KEY}:${SECRET}@cloud-intl.emqx.com/public_api/v1`],
    ['a query', `${BASE}?debug=1`],
    ['a fragment', `${BASE}#x`],
    ['ftp', 'ftp://cloud-intl.emqx.com/public_api/v1'],
    ['garbage', 'garbage'],
    ['empty', ''],
    ['whitespace', '   '],
  ])('base URL: %s', (_name, baseUrl) => {
    const fake = reply(200, SAMPLE);
    expect(() => client(fake, { baseUrl })).toThrow(InvalidInputError);
    expect(fake.calls).toHaveLength(0);
  });

  it.each([
    ['empty key', { key: '' }],
    ['empty secret', { secret: '' }],
    ['a key with a colon', { key: 'a:b' }],
    ['a secret with a newline', { secret: `${SECRET}\n` }],
    ['a zero timeout', { timeoutMs: 0 }],
    ['a NaN timeout', { timeoutMs: Number.NaN }],
  ])('options: %s', (_name, extra) => {
    const fake = reply(200, SAMPLE);
    expect(() => client(fake, extra)).toThrow(InvalidInputError);
  });

  it.each([
    ['../x', '../x'],
    ['a/b', 'a/b'],
    ['empty', ''],
    ['a b', 'a b'],
    ['10 kB', 'q'.repeat(10_240)],
    ['%2e%2e', '%2e%2e'],
    ['..', '..'],
    ['a?b', 'a?b'],
  ])('deployment ID %s', async (_name, id) => {
    const fake = reply(200, SAMPLE);
    const c = client(fake);
    for (const call of [c.getDeployment(id), c.startDeployment(id), c.stopDeployment(id)]) {
      const e = await failure(call);
      expect(e).toBeInstanceOf(InvalidInputError);
      expect(e.message.length).toBeLessThan(200);
    }
    expect(fake.calls).toHaveLength(0);
  });

  it('an already aborted signal', async () => {
    const fake = reply(200, SAMPLE);
    const controller = new AbortController();
    controller.abort();
    const e = await failure(client(fake).getDeployment('w41b11c0', { signal: controller.signal }));
    expect(e).toBeInstanceOf(AbortedError);
    expect(fake.calls).toHaveLength(0);
  });
});

describe('createApiClient: status mapping', () => {
  it('401 -> AuthFailed', async () => {
    const e = await failure(client(reply(401, '')).getDeployment('w41b11c0'));
    expect(e).toBeInstanceOf(AuthFailedError);
    expect(e.kind).toBe('AuthFailed');
    expect(e.status).toBe(401);
    expect(e.message).toContain('The API key or secret was rejected (HTTP 401).');
  });

  it('403 -> Forbidden', async () => {
    const e = await failure(client(reply(403, '')).startDeployment('w41b11c0'));
    expect(e).toBeInstanceOf(ForbiddenError);
    expect(e.status).toBe(403);
    expect(e.message).toContain('HTTP 403');
  });

  it('404 -> NotFound, naming the deployment or the missing list', async () => {
    const one = await failure(client(reply(404, '')).getDeployment('w41b11c0'));
    expect(one).toBeInstanceOf(NotFoundError);
    expect(one.message).toContain('"w41b11c0"');
    const list = await failure(client(reply(404, '')).listDeployments());
    expect(list).toBeInstanceOf(NotFoundError);
    expect(list.message).toContain('older API');
  });

  it('422 -> InvalidState', async () => {
    const e = await failure(client(reply(422, '')).stopDeployment('w41b11c0'));
    expect(e).toBeInstanceOf(InvalidStateError);
    expect(e.status).toBe(422);
    expect(e.message).toContain('stopping');
  });

  it('429 with Retry-After seconds', async () => {
    const e = await failure(
      client(reply(429, '', { 'Retry-After': '120' })).getDeployment('w41b11c0'),
    );
    expect(e).toBeInstanceOf(RateLimitedError);
    expect((e as RateLimitedError).retryAt).toBe(NOW + 120_000);
    expect(e.toInfo()).toMatchObject({ kind: 'RateLimited', status: 429, retryAt: NOW + 120_000 });
    expect(e.message).toContain('2026-01-01T00:02:00.000Z');
  });

  it('429 with Retry-After as an HTTP date (any header case)', async () => {
    const e = await failure(
      client(reply(429, '', { 'retry-after': 'Thu, 01 Jan 2026 00:10:00 GMT' })).listDeployments(),
    );
    expect((e as RateLimitedError).retryAt).toBe(NOW + 600_000);
  });

  it.each([
    ['absent', undefined],
    ['garbage', 'later please'],
  ])('429 with Retry-After %s', async (_name, value) => {
    const headers = value === undefined ? undefined : { 'Retry-After': value };
    const e = await failure(client(reply(429, '', headers)).getDeployment('w41b11c0'));
    expect(e).toBeInstanceOf(RateLimitedError);
    expect((e as RateLimitedError).retryAt).toBeUndefined();
    expect('retryAt' in e.toInfo()).toBe(false);
    expect(e.message).toContain('did not say when');
  });

  it('500 with an HTML body -> ServerError with a short excerpt, never raw HTML', async () => {
    const html =
      '<html><head><title>500 Internal Server Error</title></head><body><center><h1>500</h1></center><hr>nginx</body></html>';
    const e = await failure(
      client(reply(500, html, { 'Content-Type': 'text/html' })).getDeployment('w41b11c0'),
    );
    expect(e).toBeInstanceOf(ServerError);
    expect(e.status).toBe(500);
    expect(e.message).not.toMatch(/[<>]/);
    expect(e.message).toContain('500 Internal Server Error');
    expect(e.message.length).toBeLessThan(300);
    expect(e.serverMessage).toBeUndefined();
  });

  it.each([502, 503, 504])('%i -> ServerError', async (status) => {
    const e = await failure(
      client(reply(status, 'upstream unavailable')).getDeployment('w41b11c0'),
    );
    expect(e).toBeInstanceOf(ServerError);
    expect(e.status).toBe(status);
    expect(e.message).toContain(`HTTP ${status}`);
  });

  it('unexpected 418 -> BadResponse with the status', async () => {
    const e = await failure(client(reply(418, "I'm a teapot")).getDeployment('w41b11c0'));
    expect(e).toBeInstanceOf(BadResponseError);
    expect(e.status).toBe(418);
    expect(e.message).toContain('418');
  });

  it('400 -> BadResponse, 408 -> Timeout, 409 -> InvalidState, 410 -> NotFound', async () => {
    expect((await failure(client(reply(400, '')).getDeployment('a'))).kind).toBe('BadResponse');
    expect((await failure(client(reply(408, '')).getDeployment('a'))).kind).toBe('Timeout');
    expect((await failure(client(reply(409, '')).startDeployment('a'))).kind).toBe('InvalidState');
    expect((await failure(client(reply(410, '')).getDeployment('a'))).kind).toBe('NotFound');
  });

  it('a redirect is reported, never followed', async () => {
    const fake = reply(302, '', { Location: 'https://elsewhere.example/x' });
    const e = await failure(client(fake).getDeployment('w41b11c0'));
    expect(e).toBeInstanceOf(BadResponseError);
    expect(e.message).toContain('redirect');
    expect(fake.calls).toHaveLength(1);
  });

  it('surfaces a JSON code and message', async () => {
    const e = await failure(
      client(reply(403, { code: 'NO_PERMISSION', message: 'Project not in scope' })).getDeployment(
        'w41b11c0',
      ),
    );
    expect(e.code).toBe('NO_PERMISSION');
    expect(e.serverMessage).toBe('Project not in scope');
    expect(e.message).toContain('Project not in scope');
    expect(e.toInfo()).toMatchObject({ kind: 'Forbidden', code: 'NO_PERMISSION', status: 403 });
  });

  it('surfaces numeric code and message', async () => {
    const e = await failure(
      client(reply(422, { code: 4221, message: 7 })).startDeployment('w41b11c0'),
    );
    expect(e.code).toBe('4221');
    expect(e.serverMessage).toBe('7');
  });

  it('tolerates non-JSON and odd JSON error bodies', async () => {
    for (const body of ['Too Many Requests', '{"message":', '[]', 'null', '"just a string"', '']) {
      const e = await failure(client(reply(429, body)).getDeployment('w41b11c0'));
      expect(e).toBeInstanceOf(RateLimitedError);
      expect(e.code).toBeUndefined();
    }
  });
});

describe('createApiClient: transport failures', () => {
  it('times out when nothing answers, even if the adapter ignores the signal', async () => {
    const fake = hangingAdapter();
    const started = Date.now();
    const e = await failure(client(fake, { timeoutMs: 30 }).getDeployment('w41b11c0'));
    expect(e).toBeInstanceOf(TimeoutError);
    expect(e.message).toContain('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('aborts the adapter through the signal on timeout', async () => {
    const fake = signalAwareAdapter();
    const e = await failure(client(fake, { timeoutMs: 20 }).stopDeployment('w41b11c0'));
    expect(e).toBeInstanceOf(TimeoutError);
    expect((must(fake.calls[0]).signal as AbortSignal).aborted).toBe(true);
  });

  it.each([
    ['ETIMEDOUT', 'timeout of 15000ms exceeded'],
    ['ECONNABORTED', 'timeout of 15000ms exceeded'],
  ])('maps axios %s to Timeout', async (code, message) => {
    const fake = fakeAdapter(() => {
      throw new AxiosError(message, code);
    });
    expect(await failure(client(fake).getDeployment('w41b11c0'))).toBeInstanceOf(TimeoutError);
  });

  it.each([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ECONNRESET',
    'EHOSTUNREACH',
    'ERR_NETWORK',
    'CERT_HAS_EXPIRED',
  ])('maps %s to NetworkError naming the code', async (code) => {
    const fake = fakeAdapter(() => {
      throw new AxiosError(`failed with ${code}`, code);
    });
    const e = await failure(client(fake).getDeployment('w41b11c0'));
    expect(e).toBeInstanceOf(NetworkError);
    expect(e.message).toContain(code);
  });

  it('maps a Node system error and an unknown throw to NetworkError', async () => {
    const sys = fakeAdapter(() => {
      throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    });
    expect((await failure(client(sys).getDeployment('a'))).kind).toBe('NetworkError');
    const odd = fakeAdapter(() => {
      throw new TypeError('something broke');
    });
    const e = await failure(client(odd).getDeployment('a'));
    expect(e).toBeInstanceOf(NetworkError);
    expect(e.message).not.toContain('something broke');
  });

  it('maps an oversized or unreadable answer to BadResponse', async () => {
    const fake = fakeAdapter(() => {
      throw new AxiosError('maxContentLength size of 5242880 exceeded', 'ERR_BAD_RESPONSE');
    });
    expect((await failure(client(fake).listDeployments())).kind).toBe('BadResponse');
  });

  it("aborts on the caller's signal mid-flight, even if the adapter ignores it", async () => {
    const fake = hangingAdapter();
    const controller = new AbortController();
    const pending = client(fake).getDeployment('w41b11c0', { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    const e = await failure(pending);
    expect(e).toBeInstanceOf(AbortedError);
    expect(fake.calls).toHaveLength(1);
  });

  it("passes the caller's abort to a signal-aware adapter", async () => {
    const fake = signalAwareAdapter();
    const controller = new AbortController();
    const pending = client(fake).startDeployment('w41b11c0', { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    expect(await failure(pending)).toBeInstanceOf(AbortedError);
    expect((must(fake.calls[0]).signal as AbortSignal).aborted).toBe(true);
  });

  it('a CanceledError without an abort is still Aborted', async () => {
    const fake = fakeAdapter(() => {
      throw new AxiosError('canceled', 'ERR_CANCELED');
    });
    const e = await failure(client(fake).getDeployment('w41b11c0'));
    expect(e).toBeInstanceOf(AbortedError);
  });
});

describe('createApiClient: logging', () => {
  it('logs one line per request with method, path, status and duration, and no headers', async () => {
    const lines: string[] = [];
    let t = NOW;
    const logger = createLogger((l) => lines.push(l), { now: () => NOW });
    const c = client(reply(200, SAMPLE), { logger, now: () => (t += 25) });
    await c.getDeployment('w41b11c0');
    expect(lines).toHaveLength(1);
    const line = must(lines[0]);
    expect(line).toContain('INFO');
    expect(line).toContain('GET /deployments/w41b11c0 200 25ms');
    expect(JSON.parse(line.slice(line.indexOf('{')))).toEqual({
      method: 'GET',
      path: '/deployments/w41b11c0',
      status: 200,
      durationMs: 25,
    });
    expect(line).not.toMatch(/authorization|basic/i);
  });

  it('logs the error kind of a failed request as a warning', async () => {
    const lines: string[] = [];
    const logger = createLogger((l) => lines.push(l));
    const fake = fakeAdapter(() => {
      throw new AxiosError('connect ECONNREFUSED', 'ECONNREFUSED');
    });
    await failure(client(fake, { logger }).stopDeployment('w41b11c0'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('WARN');
    expect(lines[0]).toContain('POST /deployments/w41b11c0/stop NetworkError');
  });

  it('logs nothing for input refused before any request', async () => {
    const lines: string[] = [];
    const logger = createLogger((l) => lines.push(l));
    await failure(client(reply(200, SAMPLE), { logger }).getDeployment('../x'));
    expect(lines).toHaveLength(0);
  });

  it('survives a logger that throws', async () => {
    const logger = {
      debug: () => {},
      info: () => {
        throw new Error('disk full');
      },
      warn: () => {
        throw new Error('disk full');
      },
      error: () => {},
    };
    expect((await client(reply(200, SAMPLE), { logger }).getDeployment('w41b11c0')).status).toBe(
      'running',
    );
    expect((await failure(client(reply(500, ''), { logger }).getDeployment('w41b11c0'))).kind).toBe(
      'ServerError',
    );
  });
});
