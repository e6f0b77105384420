// From what came back (an HTTP status and body, or a transport failure) to one typed error.
// Nothing of the request travels on: no axios error, config, headers or URL, and no `cause`.
// Every message is built here from fixed English text plus scrubbed, shortened server strings.

import { isAxiosError, isCancel } from 'axios';
import {
  AbortedError,
  AuthFailedError,
  BadResponseError,
  ForbiddenError,
  InvalidStateError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  type ApiError,
  type ApiErrorDetails,
} from './errors';
import { readErrorBody, type ErrorBodyInfo } from './error-body';
import { parseRetryAfter } from './retry-after';

export type Operation = 'get' | 'list' | 'start' | 'stop';

export interface MapContext {
  operation: Operation;
  deploymentId?: string;
  /** Epoch ms, for Retry-After. */
  now: number;
  timeoutMs: number;
  scrub: (text: string) => string;
}

const REASONS: Record<number, string> = {
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Reads a header from AxiosHeaders or a plain object, whatever the case of its name. */
export function headerValue(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const getter = (headers as { get?: unknown }).get;
  let value: unknown;
  if (typeof getter === 'function') {
    value = (getter as (n: string) => unknown).call(headers, name);
  } else {
    const wanted = name.toLowerCase();
    const key = Object.keys(headers).find((k) => k.toLowerCase() === wanted);
    value = key === undefined ? undefined : (headers as Record<string, unknown>)[key];
  }
  if (Array.isArray(value)) value = value[0];
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value : undefined;
}

export function errorForStatus(
  status: number,
  data: unknown,
  headers: unknown,
  ctx: MapContext,
): ApiError {
  const body = readErrorBody(data, headerValue(headers, 'content-type'), ctx.scrub);
  const details: ApiErrorDetails = { status };
  if (body.code !== undefined) details.code = body.code;
  if (body.message !== undefined) details.serverMessage = body.message;
  const say = (text: string): string => ctx.scrub(text + serverSuffix(body));
  const id = ctx.deploymentId === undefined ? 'The deployment' : `Deployment "${ctx.deploymentId}"`;
  const verb = ctx.operation === 'start' ? 'starting' : 'stopping';

  if (status === 401) {
    return new AuthFailedError(
      say(
        `The API key or secret was rejected (HTTP 401). Check that it is a Platform API key and its secret, not a deployment's App ID.`,
      ),
      details,
    );
  }
  if (status === 403) {
    return new ForbiddenError(
      say(
        `The API key is not allowed to do this (HTTP 403): it may lack the function or the project in its scope.`,
      ),
      details,
    );
  }
  if (status === 404 || status === 410) {
    const text =
      ctx.operation === 'list'
        ? `The API has no deployment list here (HTTP ${status}): it may be an older API, or the base URL may be wrong.`
        : `${id} was not found, or this API key cannot see it (HTTP ${status}).`;
    return new NotFoundError(say(text), details);
  }
  if (status === 422 || status === 409) {
    const text =
      ctx.operation === 'start' || ctx.operation === 'stop'
        ? `${id} is not in a state that allows ${verb} it (HTTP ${status}).`
        : `The API refused the request as invalid (HTTP ${status}).`;
    return new InvalidStateError(say(text), details);
  }
  if (status === 429) {
    const retryAt = parseRetryAfter(headerValue(headers, 'retry-after'), ctx.now);
    const when =
      retryAt === undefined
        ? 'The server did not say when to try again.'
        : `Try again after ${new Date(retryAt).toISOString()}.`;
    return new RateLimitedError(
      say(`Too many requests: the API rate limit was reached (HTTP 429). ${when}`),
      retryAt === undefined ? details : { ...details, retryAt },
    );
  }
  if (status === 408) {
    return new TimeoutError(
      say('The API server gave up waiting for the request (HTTP 408).'),
      details,
    );
  }
  if (status >= 500 && status <= 599) {
    const reason = REASONS[status];
    return new ServerError(
      say(
        `The EMQX Cloud API failed with HTTP ${status}${reason === undefined ? '' : ` ${reason}`}.`,
      ),
      details,
    );
  }
  if (status >= 300 && status <= 399) {
    return new BadResponseError(
      say(
        `The API answered with a redirect (HTTP ${status}), which is never followed with credentials: check the base URL.`,
      ),
      details,
    );
  }
  return new BadResponseError(
    say(`The API answered with unexpected HTTP status ${status}.`),
    details,
  );
}

function serverSuffix(body: ErrorBodyInfo): string {
  if (body.message !== undefined) {
    const code = body.code === undefined ? '' : ` (code ${body.code})`;
    return ` Server said: "${body.message}"${code}.`;
  }
  if (body.code !== undefined) return ` Server code: ${body.code}.`;
  if (body.excerpt !== undefined) return ` Server said: "${body.excerpt}".`;
  return '';
}

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);
const REFUSED_CODES = new Set(['ECONNREFUSED']);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const RESET_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET',
]);
const UNREACHABLE_CODES = new Set([
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'EADDRNOTAVAIL',
]);

/**
 * A failure without an HTTP answer. `timedOut` and `aborted` say which of the client's own
 * signals fired, which decides before any error code does.
 */
export function errorForTransport(
  error: unknown,
  ctx: MapContext,
  flags: { timedOut: boolean; aborted: boolean },
): ApiError {
  if (flags.timedOut) return timeout(ctx);
  if (flags.aborted) return new AbortedError('The request was cancelled.');

  if (isAxiosError(error) && error.response !== undefined) {
    const { status, data, headers } = error.response;
    if (typeof status === 'number' && status > 0) return errorForStatus(status, data, headers, ctx);
  }
  const code = errorCode(error);
  if (isCancel(error) || code === 'ERR_CANCELED')
    return new AbortedError('The request was cancelled.');
  const tag = code === undefined ? '' : ` (${code})`;
  if (code !== undefined && TIMEOUT_CODES.has(code)) return timeout(ctx);
  if (code === 'ECONNABORTED') {
    // axios's pre-1.0 spelling of its own timeout; otherwise a connection cut short.
    return messageOf(error).toLowerCase().includes('timeout')
      ? timeout(ctx)
      : new NetworkError(`The connection to the API was cut short${tag}.`);
  }
  if (code !== undefined && REFUSED_CODES.has(code)) {
    return new NetworkError(`The API server refused the connection${tag}.`);
  }
  if (code !== undefined && DNS_CODES.has(code)) {
    return new NetworkError(
      `The API host name could not be resolved${tag}: check the network connection and the base URL.`,
    );
  }
  if (code !== undefined && RESET_CODES.has(code)) {
    return new NetworkError(`The connection to the API was reset${tag}.`);
  }
  if (code !== undefined && UNREACHABLE_CODES.has(code)) {
    return new NetworkError(`The API server cannot be reached${tag}.`);
  }
  if (code !== undefined && /CERT|TLS|SSL/.test(code)) {
    return new NetworkError(`The secure connection to the API could not be verified${tag}.`);
  }
  if (code === 'ERR_BAD_RESPONSE' || code === 'ERR_FR_TOO_MANY_REDIRECTS') {
    return new BadResponseError(`The API's answer could not be read${tag}.`);
  }
  if (code === 'ERR_NETWORK')
    return new NetworkError('A network error stopped the request (ERR_NETWORK).');
  return new NetworkError(`The request to the API failed before an answer arrived${tag}.`);
}

function timeout(ctx: MapContext): TimeoutError {
  const seconds = Math.round(ctx.timeoutMs / 100) / 10;
  return new TimeoutError(`The API did not answer within ${seconds} s (timeout).`);
}

/** Only an error code that looks like one (`ECONNREFUSED`) is ever repeated. */
function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const direct = (error as { code?: unknown }).code;
  const nested = (error as { cause?: { code?: unknown } }).cause?.code;
  // A specific cause (ECONNREFUSED) says more than axios's generic wrapper (ERR_NETWORK).
  const order = direct === 'ERR_NETWORK' ? [nested, direct] : [direct, nested];
  for (const c of order) {
    if (typeof c === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(c)) return c;
  }
  return undefined;
}

function messageOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const m = (error as { message?: unknown }).message;
  return typeof m === 'string' ? m : '';
}
