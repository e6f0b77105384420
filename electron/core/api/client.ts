// The Platform API client: four calls, typed answers, typed errors. It never retries (the watch
// engine owns retries and the request budget) and never follows a redirect. Credentials live
// only in this closure and in the Authorization header of each request; every error is built
// fresh from fixed text and scrubbed server strings, so none can carry them out.

import axios, { type AxiosAdapter, type AxiosResponse } from 'axios';
import { credentialSecrets, createScrubber } from '../log/redact';
import { nullLogger, type Logger } from '../log/logger';
import { parseBaseUrl } from './base-url';
import { deploymentPath } from './deployment-id';
import {
  AbortedError,
  ApiError,
  BadResponseError,
  InvalidInputError,
  NetworkError,
  RateLimitedError,
  type ApiErrorDetails,
} from './errors';
import { errorForStatus, errorForTransport, type MapContext, type Operation } from './map-error';
import { parseDeployment, parseDeploymentList, parseOperation } from './parse';
import type {
  ApiClient,
  ApiClientOptions,
  Deployment,
  OperationAccepted,
  RequestOptions,
} from './types';

export const DEFAULT_TIMEOUT_MS = 15_000;
const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface CreateApiClientOptions extends ApiClientOptions {
  logger?: Logger;
  /** Replaces the HTTP transport, e.g. with an in-process simulator. Default: Node's http(s). */
  adapter?: AxiosAdapter;
  /** Epoch ms, for Retry-After and durations. Default `Date.now`. */
  now?: () => number;
}

interface Call {
  operation: Operation;
  method: 'GET' | 'POST';
  path: string;
  deploymentId?: string;
  signal: AbortSignal | undefined;
}

/**
 * Throws `InvalidInputError` at once for a bad base URL, an empty key or secret, a key with
 * a colon, or a control character in either.
 */
export function createApiClient(opts: CreateApiClientOptions): ApiClient {
  const { key, secret } = opts;
  const scrub = createScrubber(
    typeof key === 'string' && typeof secret === 'string' ? credentialSecrets(key, secret) : [],
  );
  checkCredentials(key, secret);
  const baseUrl = parseBaseUrl(opts.baseUrl);
  const timeoutMs = validTimeout(opts.timeoutMs);
  const now = opts.now ?? Date.now;
  const logger = opts.logger ?? nullLogger;
  const authorization = `Basic ${Buffer.from(`${key}:${secret}`, 'utf8').toString('base64')}`;

  const http = axios.create({
    adapter: opts.adapter ?? 'http',
    timeout: timeoutMs,
    maxRedirects: 0,
    validateStatus: () => true,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    maxContentLength: MAX_BODY_BYTES,
    maxBodyLength: MAX_BODY_BYTES,
    transitional: { clarifyTimeoutError: true },
    headers: { Accept: 'application/json' },
  });

  const log = (call: Call, started: number, outcome: number | string): void => {
    const durationMs = Math.max(0, now() - started);
    const fields =
      typeof outcome === 'number'
        ? { method: call.method, path: call.path, status: outcome, durationMs }
        : { method: call.method, path: call.path, error: outcome, durationMs };
    const message = scrub(`${call.method} ${call.path} ${outcome} ${durationMs}ms`);
    try {
      if (typeof outcome === 'number' && outcome >= 200 && outcome < 300)
        logger.info(message, fields);
      else logger.warn(message, fields);
    } catch {
      // A broken logger must not turn an answer into a failure.
    }
  };

  /** Sends one request; resolves with any HTTP answer, rejects only with an `ApiError`. */
  const send = async (call: Call, ctx: () => MapContext): Promise<AxiosResponse> => {
    if (call.signal?.aborted)
      throw new AbortedError('The request was cancelled before it was sent.');
    const started = now();
    const controller = new AbortController();
    const flags = { timedOut: false, aborted: false };
    let rejectEarly: (reason: unknown) => void = () => {};
    const early = new Promise<never>((_, reject) => {
      rejectEarly = reject;
    });
    early.catch(() => {});
    const timer = setTimeout(() => {
      flags.timedOut = true;
      controller.abort();
      rejectEarly(undefined);
    }, timeoutMs);
    timer.unref?.();
    const onAbort = (): void => {
      flags.aborted = true;
      controller.abort();
      rejectEarly(undefined);
    };
    call.signal?.addEventListener('abort', onAbort, { once: true });

    try {
      const pending = http.request<unknown>({
        method: call.method,
        url: baseUrl + call.path,
        signal: controller.signal,
        headers: { Authorization: authorization },
      });
      pending.catch(() => {});
      // Raced so that an adapter which ignores the signal still cannot hang a call.
      const response = await Promise.race([pending, early]);
      log(call, started, response.status);
      return response;
    } catch (error) {
      const mapped = errorForTransport(error, ctx(), flags);
      log(call, started, mapped.kind);
      throw mapped;
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
    }
  };

  const run = async <T>(
    operation: Operation,
    method: 'GET' | 'POST',
    id: string | undefined,
    options: RequestOptions | undefined,
    accept: (response: AxiosResponse, ctx: MapContext) => T,
  ): Promise<T> => {
    try {
      const path = id === undefined ? '/deployments' : deploymentPath(id, { echo: false });
      const suffix = operation === 'start' || operation === 'stop' ? `/${operation}` : '';
      const call: Call = {
        operation,
        method,
        path: path + suffix,
        signal: options?.signal,
        ...(id === undefined ? {} : { deploymentId: id }),
      };
      const ctx = (): MapContext => ({
        operation,
        now: now(),
        timeoutMs,
        scrub,
        ...(id === undefined ? {} : { deploymentId: id }),
      });
      const response = await send(call, ctx);
      const context = ctx();
      if (response.status < 200 || response.status > 299) {
        throw errorForStatus(response.status, response.data, response.headers, context);
      }
      return accept(response, context);
    } catch (error) {
      throw sanitise(error, scrub);
    }
  };

  return {
    baseUrl,
    getDeployment(id, options) {
      return run('get', 'GET', id, options, (response) => {
        expectStatus(response.status, [200]);
        return parseDeployment(readJson(response.data, response.status), {
          status: response.status,
        });
      });
    },
    listDeployments(options) {
      return run('list', 'GET', undefined, options, (response): Deployment[] => {
        expectStatus(response.status, [200]);
        return parseDeploymentList(readJson(response.data, response.status), {
          status: response.status,
        });
      });
    },
    startDeployment(id, options) {
      return run('start', 'POST', id, options, (response) =>
        accepted(response, id, 'starting', logger),
      );
    },
    stopDeployment(id, options) {
      return run('stop', 'POST', id, options, (response) =>
        accepted(response, id, 'stopping', logger),
      );
    },
  };
}

/**
 * A 2xx to start or stop (201 documented, 200 seen) means the cloud took the order. If its body is not the documented
 * one, the operation is still reported as accepted (from what was asked): reporting a failure
 * would invite a second click, and a second start or stop costs the user an hour of quota.
 */
function accepted(
  response: AxiosResponse,
  id: string,
  operation: 'starting' | 'stopping',
  logger: Logger,
): OperationAccepted {
  try {
    return parseOperation(readJson(response.data, response.status), { status: response.status });
  } catch (error) {
    if (!(error instanceof BadResponseError)) throw error;
    const field = error.field ?? 'body';
    try {
      logger.warn(`POST ${operation} accepted with an undocumented answer (${field})`, {
        status: response.status,
        field,
      });
    } catch {
      // ignore a broken logger
    }
    const body = asObject(response.data);
    const name = body?.deploymentName;
    return {
      deploymentID: id,
      deploymentName: typeof name === 'string' ? name : '',
      operation,
    };
  }
}

function expectStatus(status: number, allowed: number[]): void {
  if (!allowed.includes(status)) {
    throw new BadResponseError(`The API answered with unexpected HTTP status ${status}.`, {
      status,
    });
  }
}

function readJson(data: unknown, status: number): unknown {
  let text: string | undefined;
  if (typeof data === 'string') text = data;
  else if (data instanceof ArrayBuffer) text = Buffer.from(data).toString('utf8');
  else if (ArrayBuffer.isView(data)) {
    text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
  }
  if (text === undefined) return data ?? null;
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    throw new BadResponseError(`The API's answer (HTTP ${status}) is not valid JSON.`, { status });
  }
}

function asObject(data: unknown): Record<string, unknown> | undefined {
  try {
    const json = readJson(data, 0);
    return typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function checkCredentials(key: unknown, secret: unknown): void {
  if (typeof key !== 'string' || key.trim() === '')
    throw new InvalidInputError('Enter the API key.');
  if (typeof secret !== 'string' || secret === '')
    throw new InvalidInputError('Enter the API secret.');
  if (key.includes(':')) throw new InvalidInputError('The API key must not contain ":".');
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u001f\u007f]/;
  if (control.test(key)) {
    throw new InvalidInputError('The API key contains a line break or another control character.');
  }
  if (control.test(secret)) {
    throw new InvalidInputError(
      'The API secret contains a line break or another control character.',
    );
  }
}

function validTimeout(ms: number | undefined): number {
  if (ms === undefined) return DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(ms) || ms <= 0 || ms > 600_000) {
    throw new InvalidInputError('The request timeout must be between 1 ms and 10 minutes.');
  }
  return Math.round(ms);
}

/**
 * The last fence: whatever escaped is turned into an `ApiError` whose strings are scrubbed.
 * Errors made here are already clean and pass through unchanged.
 */
function sanitise(error: unknown, scrub: (text: string) => string): ApiError {
  if (!(error instanceof ApiError)) {
    return new NetworkError('The request to the API failed unexpectedly.');
  }
  const clean =
    scrub(error.message) === error.message &&
    (error.serverMessage === undefined || scrub(error.serverMessage) === error.serverMessage) &&
    (error.code === undefined || scrub(error.code) === error.code);
  if (clean) return error;
  const details: ApiErrorDetails = {};
  if (error.status !== undefined) details.status = error.status;
  if (error.code !== undefined) details.code = scrub(error.code);
  if (error.serverMessage !== undefined) details.serverMessage = scrub(error.serverMessage);
  const message = scrub(error.message);
  if (error instanceof RateLimitedError) {
    return new RateLimitedError(message, {
      ...details,
      ...(error.retryAt !== undefined ? { retryAt: error.retryAt } : {}),
    });
  }
  if (error instanceof BadResponseError) {
    return new BadResponseError(message, {
      ...details,
      ...(error.field !== undefined ? { field: error.field } : {}),
    });
  }
  const Ctor = error.constructor as new (message: string, details: ApiErrorDetails) => ApiError;
  return new Ctor(message, details);
}
