// The simulated EMQX Cloud: a pure request -> response core with no sockets and no timers.
// Time comes from an injected clock and every state change is computed lazily from it (a
// deployment started at t reads `starting` until t + startSeconds, then `running`), so the same
// core serves real HTTP (http-server.ts), an axios adapter in virtual time (axios-adapter.ts)
// and direct calls from tests.
//
// What counts toward the rate limits (undocumented upstream, decided here):
// - Every authenticated request to a limited route counts when it is admitted, whatever the
//   answer: 200/201, 404 for an unknown ID and 422 for a refused start/stop all cost budget.
// - Not counted: 401 (no key to charge), 429 (refused before any work), injected failures
//   (failRate / failNext: the request never reached the service), unknown routes, and the list
//   route while the list endpoint is off (it does not exist).
// - Reads (list and single) share one bucket of 60; start and stop share one bucket of 1; both
//   rolling 60-minute windows. Scope `key`: one pair of buckets per API key. Scope `deployment`:
//   one pair per deployment ID (the ID as written in the path, known or not), and the list has
//   a read bucket of its own.
import {
  LIST_ONLY_FIELDS,
  InvalidDeploymentError,
  defaultDeployments,
  parseDeployment,
  parseDeploymentList,
  type SimDeploymentInit,
} from './deployment-data';
import { seededRandom, type Random } from './prng';
import { RollingWindowLimiter } from './rolling-window';

export const API_BASE_PATH = '/public_api/v1';
export const DEFAULT_KEY = 'demo-key';
export const DEFAULT_SECRET = 'demo-secret';
export const READ_LIMIT = 60;
export const OPERATION_LIMIT = 1;
export const LIMIT_WINDOW_MS = 60 * 60 * 1000;

export type ListEndpointMode = 'on' | 'off';
export type LimitScope = 'key' | 'deployment';
export type RetryAfterMode = 'none' | 'seconds' | 'date';
/** A clock (`{ now() }`, e.g. the core's Clock or VirtualClock) or a bare function. */
export type TimeSource = (() => number) | { now(): number };

export interface SimulatedCloudOptions {
  /** Platform API key accepted by Basic auth. Default `demo-key`. */
  key?: string;
  /** Its secret. Default `demo-secret`. */
  secret?: string;
  /** Initial deployments (validated, copied). Default: `defaultDeployments()`. */
  deployments?: SimDeploymentInit[];
  /** How long `starting` lasts before `running`. Default 90. */
  startSeconds?: number;
  /** How long `stopping` lasts before `stopped`. Default 60. */
  stopSeconds?: number;
  /** Whether `GET /deployments` exists (the older API lacks it). Default `on`. */
  listEndpoint?: ListEndpointMode;
  /** What the limits are counted against. Default `key`. */
  limitScope?: LimitScope;
  /** The Retry-After header on 429. Default `seconds`. */
  retryAfter?: RetryAfterMode;
  /** Share (0..1) of authenticated requests answered 500/502/503. Default 0. */
  failRate?: number;
  /** Seed of the failure generator. Default 1. */
  seed?: number;
  /** Enables the `/__sim/` control routes of the HTTP server. Default false. */
  admin?: boolean;
  /** Default `Date.now`. */
  now?: TimeSource;
}

export type ResolvedCloudOptions = Required<Omit<SimulatedCloudOptions, 'deployments' | 'now'>>;

export type SimHeaders = Record<string, string | readonly string[] | undefined>;

export interface SimRequest {
  method: string;
  /** Path with optional query, e.g. `/public_api/v1/deployments/w41b11c0`. */
  path: string;
  headers?: SimHeaders;
  /** Raw request body; the API routes ignore it. */
  body?: string;
}

export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  /** A JSON value when content-type is JSON, otherwise text. See `serializeBody`. */
  body: unknown;
}

export type RouteName = 'get' | 'list' | 'start' | 'stop';

export interface SimRequestRecord {
  time: number;
  method: string;
  /** Without the query string. */
  path: string;
  /** The API route the request matched, or null for an unknown route. */
  route: RouteName | null;
  deploymentId: string | null;
  status: number;
}

/** `user`: start/stop through the API. `external`: forced (admin, billing stop). `transition`:
 * starting -> running and stopping -> stopped, stamped with the time they took effect. */
export type ChangeCause = 'user' | 'external' | 'transition';

export interface SimStatusChange {
  time: number;
  deploymentId: string;
  from: string;
  to: string;
  cause: ChangeCause;
}

export interface SimCounters {
  /** API requests answered (admin routes excluded). */
  total: number;
  /** Answers per HTTP status, keyed by the status as a string. */
  byStatus: Record<string, number>;
  /** Requests per matched route; `other` for unknown routes. */
  byRoute: Record<RouteName | 'other', number>;
  /** Requests that consumed rate-limit budget. */
  counted: number;
  /** Answers produced by failRate or failNext. */
  injectedFailures: number;
}

/** A deployment as it stands now: every stored field (list-only ones included), current status. */
export type SimDeploymentView = SimDeploymentInit;

interface Entry {
  record: SimDeploymentInit;
  /** A computed change that takes effect at `at` (lazy transition). */
  pending?: { to: string; at: number };
}

interface MatchedRoute {
  name: RouteName;
  deploymentId: string | null;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' } as const;

export function jsonResponse(
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): SimResponse {
  return { status, headers: { ...JSON_HEADERS, ...extra }, body };
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  extra: Record<string, string> = {},
): SimResponse {
  return jsonResponse(status, { code, message }, extra);
}

/** The response body as it goes on the wire. */
export function serializeBody(res: SimResponse): string {
  const type = res.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) return JSON.stringify(res.body);
  return typeof res.body === 'string' ? res.body : String(res.body ?? '');
}

/** Splits `path?query` and drops one trailing slash. */
export function pathOnly(path: string): string {
  const q = path.search(/[?#]/);
  let p = q >= 0 ? path.slice(0, q) : path;
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}

function headerValue(headers: SimHeaders | undefined, name: string): string | undefined {
  if (headers === undefined) return undefined;
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() !== name) continue;
    if (typeof v === 'string') return v;
    if (Array.isArray(v)) return v[0] as string | undefined;
  }
  return undefined;
}

function parseBasicAuth(value: string | undefined): { user: string; pass: string } | null {
  if (value === undefined) return null;
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(value);
  if (m === null || m[1] === undefined) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { user: decoded.slice(0, colon), pass: decoded.slice(colon + 1) };
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function matchRoute(method: string, path: string): MatchedRoute | null {
  if (path !== API_BASE_PATH && !path.startsWith(`${API_BASE_PATH}/`)) return null;
  const parts = path.slice(API_BASE_PATH.length + 1).split('/');
  if (parts[0] !== 'deployments') return null;
  if (parts.length === 1) return method === 'GET' ? { name: 'list', deploymentId: null } : null;
  const id = decodeSegment(parts[1] ?? '');
  if (id === null || id === '') return null;
  if (parts.length === 2) return method === 'GET' ? { name: 'get', deploymentId: id } : null;
  if (parts.length === 3 && method === 'POST' && (parts[2] === 'start' || parts[2] === 'stop')) {
    return { name: parts[2], deploymentId: id };
  }
  return null;
}

function checkSeconds(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
  }
  return value;
}

function checkOneOf<T extends string>(name: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) {
    throw new RangeError(`${name} must be one of ${allowed.join(', ')}, got ${String(value)}`);
  }
  return value;
}

export class SimulatedCloud {
  readonly options: ResolvedCloudOptions;
  private readonly clock: () => number;
  private readonly entries = new Map<string, Entry>();
  private readonly limiter = new RollingWindowLimiter(LIMIT_WINDOW_MS);
  private readonly random: Random;
  private readonly forcedFailures: number[] = [];
  private readonly requestLog: SimRequestRecord[] = [];
  private readonly changeLog: SimStatusChange[] = [];
  private readonly stats: SimCounters = {
    total: 0,
    byStatus: {},
    byRoute: { get: 0, list: 0, start: 0, stop: 0, other: 0 },
    counted: 0,
    injectedFailures: 0,
  };

  constructor(opts: SimulatedCloudOptions = {}) {
    const failRate = opts.failRate ?? 0;
    if (!Number.isFinite(failRate) || failRate < 0 || failRate > 1) {
      throw new RangeError(`failRate must be between 0 and 1, got ${failRate}`);
    }
    const seed = opts.seed ?? 1;
    if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
    this.options = {
      key: opts.key ?? DEFAULT_KEY,
      secret: opts.secret ?? DEFAULT_SECRET,
      startSeconds: checkSeconds('startSeconds', opts.startSeconds ?? 90),
      stopSeconds: checkSeconds('stopSeconds', opts.stopSeconds ?? 60),
      listEndpoint: checkOneOf('listEndpoint', opts.listEndpoint ?? 'on', ['on', 'off']),
      limitScope: checkOneOf('limitScope', opts.limitScope ?? 'key', ['key', 'deployment']),
      retryAfter: checkOneOf('retryAfter', opts.retryAfter ?? 'seconds', [
        'none',
        'seconds',
        'date',
      ]),
      failRate,
      seed,
      admin: opts.admin ?? false,
    };
    const source = opts.now;
    this.clock =
      source === undefined
        ? () => Date.now()
        : typeof source === 'function'
          ? source
          : () => source.now();
    this.random = seededRandom(seed);
    for (const d of parseDeploymentList(opts.deployments ?? defaultDeployments())) {
      this.entries.set(d.deploymentID, { record: { ...d } });
    }
  }

  now(): number {
    return this.clock();
  }

  /** Answers one API request. Never throws for any input. */
  handle(req: SimRequest): SimResponse {
    const now = this.clock();
    this.settle(now);
    const method = req.method.toUpperCase();
    const path = pathOnly(req.path);
    const route = matchRoute(method, path);
    const res = this.answer(req, route, now);
    this.requestLog.push({
      time: now,
      method,
      path,
      route: route?.name ?? null,
      deploymentId: route?.deploymentId ?? null,
      status: res.status,
    });
    this.stats.total++;
    this.stats.byStatus[String(res.status)] = (this.stats.byStatus[String(res.status)] ?? 0) + 1;
    this.stats.byRoute[route?.name ?? 'other']++;
    return res;
  }

  // ---- observability -------------------------------------------------------------------------

  /** Every API request answered so far, oldest first (copies). */
  requests(): SimRequestRecord[] {
    return this.requestLog.map((r) => ({ ...r }));
  }

  /** Every status change so far, in time order, transitions due by now included (copies). */
  changes(): SimStatusChange[] {
    this.settle(this.clock());
    return this.changeLog.map((c) => ({ ...c }));
  }

  counters(): SimCounters {
    return {
      ...this.stats,
      byStatus: { ...this.stats.byStatus },
      byRoute: { ...this.stats.byRoute },
    };
  }

  /** One deployment as it stands now, or undefined when it does not exist. */
  deployment(id: string): SimDeploymentView | undefined {
    this.settle(this.clock());
    const e = this.entries.get(id);
    return e === undefined ? undefined : { ...e.record };
  }

  deployments(): SimDeploymentView[] {
    this.settle(this.clock());
    return [...this.entries.values()].map((e) => ({ ...e.record }));
  }

  /** Read or operation budget used in the current window, for the bucket a request would use. */
  limitUsage(kind: 'read' | 'operation', deploymentId?: string): number {
    return this.limiter.used(this.bucket(kind, deploymentId ?? null), this.clock());
  }

  // ---- control (tests, demo, benchmark) ------------------------------------------------------

  /**
   * Forces a status as the cloud itself would (a billing stop, a failure), cause `external`.
   * Any text is accepted and served verbatim; a forced status never transitions on its own.
   */
  setStatus(id: string, status: string): void {
    if (typeof status !== 'string' || status === '') {
      throw new InvalidDeploymentError('status must be a non-empty string');
    }
    const now = this.clock();
    this.settle(now);
    const e = this.entries.get(id);
    if (e === undefined) throw new RangeError(`no deployment ${id}`);
    delete e.pending;
    this.changeStatus(e, status, now, 'external');
  }

  /** Adds a deployment (validated). Throws on a duplicate ID. */
  addDeployment(init: SimDeploymentInit): SimDeploymentView {
    const d = parseDeployment(init);
    if (this.entries.has(d.deploymentID)) {
      throw new InvalidDeploymentError(`deployment ${d.deploymentID} already exists`);
    }
    this.entries.set(d.deploymentID, { record: { ...d } });
    return { ...d };
  }

  /** Removes a deployment; the API answers 404 for it from then on. */
  removeDeployment(id: string): boolean {
    return this.entries.delete(id);
  }

  /** Forgets every counted request, as if an hour had passed for all buckets. */
  resetLimits(): void {
    this.limiter.reset();
  }

  /**
   * The next `count` authenticated API requests are answered with `status` (4xx or 5xx) instead
   * of being served; they change nothing and do not count toward the limits.
   */
  failNext(count: number, status = 503): void {
    if (!Number.isInteger(count) || count < 0)
      throw new RangeError('count must be an integer >= 0');
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      throw new RangeError('status must be 400..599');
    }
    for (let i = 0; i < count; i++) this.forcedFailures.push(status);
  }

  // ---- internals -----------------------------------------------------------------------------

  private answer(req: SimRequest, route: MatchedRoute | null, now: number): SimResponse {
    const auth = parseBasicAuth(headerValue(req.headers, 'authorization'));
    if (auth === null || auth.user !== this.options.key || auth.pass !== this.options.secret) {
      return errorResponse(401, 'UNAUTHORIZED', 'API key authentication failed');
    }

    const injected = this.injectedFailure();
    if (injected !== undefined) {
      this.stats.injectedFailures++;
      return failureResponse(injected);
    }

    if (route === null || (route.name === 'list' && this.options.listEndpoint === 'off')) {
      return errorResponse(
        404,
        'NOT_FOUND',
        `No route for ${req.method.toUpperCase()} ${pathOnly(req.path)}`,
      );
    }

    const kind = route.name === 'start' || route.name === 'stop' ? 'operation' : 'read';
    const limit = kind === 'operation' ? OPERATION_LIMIT : READ_LIMIT;
    const decision = this.limiter.take(this.bucket(kind, route.deploymentId), limit, now);
    if (!decision.allowed) return this.tooManyRequests(kind, limit, decision.freeAt ?? now, now);
    this.stats.counted++;

    if (route.name === 'list') {
      return jsonResponse(
        200,
        [...this.entries.values()].map((e) => ({ ...e.record })),
      );
    }
    const id = route.deploymentId ?? '';
    const entry = this.entries.get(id);
    if (entry === undefined) {
      return errorResponse(404, 'NOT_FOUND', `Deployment ${id} not found`);
    }
    if (route.name === 'get') return jsonResponse(200, singleView(entry.record));
    return this.operate(entry, route.name, now);
  }

  private operate(entry: Entry, op: 'start' | 'stop', now: number): SimResponse {
    const d = entry.record;
    const needs = op === 'start' ? 'stopped' : 'running';
    if (d.status !== needs) {
      return errorResponse(
        422,
        'INVALID_DEPLOYMENT_STATUS',
        `Cannot ${op} deployment ${d.deploymentID}: it is ${d.status}, ${op} needs ${needs}`,
      );
    }
    const during = op === 'start' ? 'starting' : 'stopping';
    const seconds = op === 'start' ? this.options.startSeconds : this.options.stopSeconds;
    this.changeStatus(entry, during, now, 'user');
    entry.pending = { to: op === 'start' ? 'running' : 'stopped', at: now + seconds * 1000 };
    return jsonResponse(201, {
      deploymentID: d.deploymentID,
      deploymentName: d.deploymentName,
      operation: during,
    });
  }

  private tooManyRequests(
    kind: 'read' | 'operation',
    limit: number,
    freeAt: number,
    now: number,
  ): SimResponse {
    const headers: Record<string, string> = {};
    if (this.options.retryAfter === 'seconds') {
      headers['retry-after'] = String(Math.max(1, Math.ceil((freeAt - now) / 1000)));
    } else if (this.options.retryAfter === 'date') {
      // HTTP dates have whole seconds: round up so the date is never before the window frees.
      headers['retry-after'] = new Date(Math.ceil(freeAt / 1000) * 1000).toUTCString();
    }
    const what = kind === 'operation' ? 'start/stop' : 'read';
    return errorResponse(
      429,
      'TOO_MANY_REQUESTS',
      `Rate limit exceeded: ${limit} ${what} request(s) per 60 minutes`,
      headers,
    );
  }

  private bucket(kind: 'read' | 'operation', deploymentId: string | null): string {
    if (this.options.limitScope === 'key') return `${kind}|key:${this.options.key}`;
    return deploymentId === null ? `${kind}|list` : `${kind}|deployment:${deploymentId}`;
  }

  private injectedFailure(): number | undefined {
    const forced = this.forcedFailures.shift();
    if (forced !== undefined) return forced;
    if (this.options.failRate <= 0) return undefined;
    // Two draws per request, always, so a given seed maps to one sequence of answers.
    const hit = this.random() < this.options.failRate;
    const pick = this.random();
    if (!hit) return undefined;
    return pick < 1 / 3 ? 500 : pick < 2 / 3 ? 502 : 503;
  }

  private changeStatus(entry: Entry, to: string, time: number, cause: ChangeCause): void {
    const from = entry.record.status;
    if (from === to) return;
    entry.record.status = to;
    this.changeLog.push({ time, deploymentId: entry.record.deploymentID, from, to, cause });
  }

  /** Applies every lazy transition due by `now`, in the order they took effect. */
  private settle(now: number): void {
    const due: Entry[] = [];
    for (const e of this.entries.values()) {
      if (e.pending !== undefined && e.pending.at <= now) due.push(e);
    }
    due.sort((a, b) => (a.pending?.at ?? 0) - (b.pending?.at ?? 0));
    for (const e of due) {
      const p = e.pending;
      if (p === undefined) continue;
      delete e.pending;
      this.changeStatus(e, p.to, p.at, 'transition');
    }
  }
}

/** The single-read shape: the API page's fields plus any undocumented extras, no list fields. */
function singleView(record: SimDeploymentInit): Record<string, unknown> {
  const listOnly: readonly string[] = LIST_ONLY_FIELDS;
  return Object.fromEntries(Object.entries(record).filter(([k]) => !listOnly.includes(k)));
}

/**
 * Injected failures. 502 comes as an HTML page, the way a gateway in front of the API would
 * answer, so clients meet a non-JSON error body; the others are JSON `{code, message}`.
 */
function failureResponse(status: number): SimResponse {
  if (status === 502) {
    return {
      status,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
    };
  }
  const codes: Record<number, [string, string]> = {
    500: ['INTERNAL_ERROR', 'Internal server error'],
    503: ['SERVICE_UNAVAILABLE', 'Service temporarily unavailable'],
    504: ['GATEWAY_TIMEOUT', 'Gateway timeout'],
    403: ['FORBIDDEN', 'API key has no permission for this resource'],
  };
  const [code, message] = codes[status] ?? [`HTTP_${status}`, `Simulated failure ${status}`];
  return errorResponse(status, code, message);
}

export function createSimulatedCloud(opts: SimulatedCloudOptions = {}): SimulatedCloud {
  return new SimulatedCloud(opts);
}
