// A fake axios adapter for the client tests: records every request and answers from a handler,
// without sockets.

import type { AxiosAdapter, AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import { CanceledError } from 'axios';

export const KEY = 'key-1234abcd';
export const SECRET = 'S3cr3t-Value-ab12XYZ';
export const PAIR = `${KEY}:${SECRET}`;
export const BASE64 = Buffer.from(PAIR, 'utf8').toString('base64');
export const AUTH_HEADER = `Basic ${BASE64}`;
export const BASE = 'https://cloud-intl.emqx.com/public_api/v1';
/** Every spelling of the credential that must never leave the client. */
export const FORBIDDEN = [SECRET, PAIR, BASE64, AUTH_HEADER];

export interface FakeReply {
  status: number;
  data?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (config: InternalAxiosRequestConfig) => FakeReply | Promise<FakeReply>;

export interface FakeAdapter {
  adapter: AxiosAdapter;
  calls: InternalAxiosRequestConfig[];
}

export function fakeAdapter(handler: Handler): FakeAdapter {
  const calls: InternalAxiosRequestConfig[] = [];
  const adapter: AxiosAdapter = async (config) => {
    calls.push(config);
    const r = await handler(config);
    const response: AxiosResponse = {
      status: r.status,
      statusText: '',
      data: r.data ?? '',
      headers: r.headers ?? {},
      config,
      request: { config },
    };
    return response;
  };
  return { adapter, calls };
}

export function reply(
  status: number,
  data?: unknown,
  headers?: Record<string, string>,
): FakeAdapter {
  return fakeAdapter(() => ({
    status,
    data: typeof data === 'string' || data === undefined ? data : JSON.stringify(data),
    ...(headers === undefined ? {} : { headers }),
  }));
}

/** Never answers and ignores the signal: only the client's own timer or race can end it. */
export function hangingAdapter(): FakeAdapter {
  return fakeAdapter(() => new Promise<FakeReply>(() => {}));
}

/** Never answers, but rejects as axios's own adapters do when the signal aborts. */
export function signalAwareAdapter(): FakeAdapter {
  return fakeAdapter(
    (config) =>
      new Promise<FakeReply>((_, reject) => {
        const signal = config.signal as AbortSignal | undefined;
        signal?.addEventListener('abort', () => reject(new CanceledError(undefined, config)));
      }),
  );
}

export function authHeaderOf(config: InternalAxiosRequestConfig): string | undefined {
  const value = config.headers.get('Authorization');
  return typeof value === 'string' ? value : undefined;
}

export const SAMPLE = {
  connections: 1000,
  createAt: '2024-07-22 05:32',
  deploymentID: 'w41b11c0',
  deploymentName: 'deployment-w41b11c0',
  deploymentType: 'dedicated',
  platform: '阿里云',
  region: '杭州',
  status: 'running',
};

/** The value, or a failed test when it is missing. */
export function must<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('expected a value');
  return value;
}

/** A copy of `obj` without `key`. */
export function omit(obj: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key));
}
