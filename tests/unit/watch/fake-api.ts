// A scriptable ApiClient for engine tests: deployments in a map, every call logged with its
// virtual time, failures queued per call kind, optional latency on the VirtualClock, and abort
// honoured the way the real client does it.
import {
  AbortedError,
  AuthFailedError,
  ForbiddenError,
  InvalidStateError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  type ApiError,
} from '../../../electron/core/api/errors';
import type {
  ApiClient,
  Deployment,
  OperationAccepted,
  RequestOptions,
} from '../../../electron/core/api/types';
import type { Clock } from '../../../electron/core/clock';

export type CallKind = 'list' | 'get' | 'start' | 'stop';

export interface Call {
  at: number;
  kind: CallKind;
  id?: string;
}

export function deployment(
  id: string,
  status: string,
  extra: Partial<Deployment> = {},
): Deployment {
  return {
    deploymentID: id,
    deploymentName: `name-${id}`,
    deploymentType: 'dedicated',
    status,
    connections: 1000,
    createAt: '2024-07-22 05:32',
    platform: 'AWS',
    region: 'N. Virginia (us-east-1)',
    extra: {},
    ...extra,
  };
}

export const errors = {
  auth: () => new AuthFailedError('API key authentication failed', { status: 401 }),
  forbidden: () =>
    new ForbiddenError('forbidden', { status: 403, serverMessage: 'no deployment scope' }),
  notFound: () => new NotFoundError('not found', { status: 404 }),
  invalidState: () => new InvalidStateError('not allowed now', { status: 422 }),
  rateLimited: (retryAt?: number) =>
    new RateLimitedError('too many', {
      status: 429,
      ...(retryAt !== undefined ? { retryAt } : {}),
    }),
  server: () => new ServerError('unavailable', { status: 503 }),
  network: () => new NetworkError('connection refused'),
};

export class FakeApi implements ApiClient {
  readonly baseUrl: string;
  readonly deployments = new Map<string, Deployment>();
  readonly calls: Call[] = [];
  listAvailable = true;
  /** Virtual milliseconds each call takes. */
  latencyMs = 0;
  private readonly queued = new Map<CallKind | 'any', (() => ApiError)[]>();

  constructor(
    private readonly clock: Clock,
    initial: Deployment[] = [],
    baseUrl = 'https://cloud-intl.emqx.com/public_api/v1',
  ) {
    this.baseUrl = baseUrl;
    for (const d of initial) this.deployments.set(d.deploymentID, d);
  }

  set(id: string, status: string): void {
    const d = this.deployments.get(id);
    if (d === undefined) throw new Error(`no ${id}`);
    this.deployments.set(id, { ...d, status });
  }

  /** The next `count` calls of `kind` (or of any kind) fail with `make()`. */
  failNext(kind: CallKind | 'any', make: () => ApiError, count = 1): void {
    const list = this.queued.get(kind) ?? [];
    for (let i = 0; i < count; i++) list.push(make);
    this.queued.set(kind, list);
  }

  count(kind?: CallKind, id?: string): number {
    return this.calls.filter(
      (c) => (kind === undefined || c.kind === kind) && (id === undefined || c.id === id),
    ).length;
  }

  reads(): Call[] {
    return this.calls.filter((c) => c.kind === 'list' || c.kind === 'get');
  }

  listDeployments(opts?: RequestOptions): Promise<Deployment[]> {
    return this.call('list', undefined, opts, () => {
      if (!this.listAvailable) throw errors.notFound();
      return [...this.deployments.values()].map((d) => ({ ...d }));
    });
  }

  getDeployment(id: string, opts?: RequestOptions): Promise<Deployment> {
    return this.call('get', id, opts, () => {
      const d = this.deployments.get(id);
      if (d === undefined) throw errors.notFound();
      return { ...d };
    });
  }

  startDeployment(id: string, opts?: RequestOptions): Promise<OperationAccepted> {
    return this.call('start', id, opts, () => this.operate(id, 'stopped', 'starting'));
  }

  stopDeployment(id: string, opts?: RequestOptions): Promise<OperationAccepted> {
    return this.call('stop', id, opts, () => this.operate(id, 'running', 'stopping'));
  }

  private operate(id: string, needs: string, during: string): OperationAccepted {
    const d = this.deployments.get(id);
    if (d === undefined) throw errors.notFound();
    if (d.status !== needs) throw errors.invalidState();
    this.set(id, during);
    return { deploymentID: id, deploymentName: d.deploymentName, operation: during };
  }

  private call<T>(
    kind: CallKind,
    id: string | undefined,
    opts: RequestOptions | undefined,
    answer: () => T,
  ): Promise<T> {
    this.calls.push({ at: this.clock.now(), kind, ...(id !== undefined ? { id } : {}) });
    const failure = this.take(kind);
    const settle = (): T => {
      if (opts?.signal?.aborted === true) throw new AbortedError('aborted');
      if (failure !== undefined) throw failure();
      return answer();
    };
    if (this.latencyMs <= 0) return Promise.resolve().then(settle);
    return new Promise<T>((resolve, reject) => {
      const timer = this.clock.setTimeout(() => {
        try {
          resolve(settle());
        } catch (error) {
          reject(error as Error);
        }
      }, this.latencyMs);
      opts?.signal?.addEventListener('abort', () => {
        this.clock.clearTimeout(timer);
        reject(new AbortedError('aborted'));
      });
    });
  }

  private take(kind: CallKind): (() => ApiError) | undefined {
    for (const key of [kind, 'any'] as const) {
      const list = this.queued.get(key);
      if (list !== undefined && list.length > 0) return list.shift();
    }
    return undefined;
  }
}
