import {
  API_BASE_PATH,
  SimulatedCloud,
  type SimResponse,
  type SimulatedCloudOptions,
} from '../../../electron/simulator/cloud';
import {
  defaultDeployments,
  type SimDeploymentInit,
} from '../../../electron/simulator/deployment-data';

export const T0 = Date.UTC(2026, 0, 1, 0, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export function basic(key = 'demo-key', secret = 'demo-secret'): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${key}:${secret}`, 'utf8').toString('base64')}` };
}

/** A cloud on a hand-moved clock. */
export function makeCloud(opts: SimulatedCloudOptions = {}) {
  const clock = { t: T0 };
  const cloud = new SimulatedCloud({ now: () => clock.t, ...opts });
  const call = (
    method: string,
    path: string,
    headers: Record<string, string> = basic(opts.key, opts.secret),
  ): SimResponse => cloud.handle({ method, path: `${API_BASE_PATH}${path}`, headers });
  return {
    cloud,
    clock,
    get: (id: string) => call('GET', `/deployments/${id}`),
    list: () => call('GET', '/deployments'),
    start: (id: string) => call('POST', `/deployments/${id}/start`),
    stop: (id: string) => call('POST', `/deployments/${id}/stop`),
    call,
    /** Moves the clock to T0 + ms. */
    at: (ms: number) => {
      clock.t = T0 + ms;
    },
  };
}

export function statusOf(res: SimResponse): string {
  return (res.body as { status: string }).status;
}

/** A fresh copy of one of the default deployments. */
export function demo(index: number): SimDeploymentInit {
  const d = defaultDeployments()[index];
  if (d === undefined) throw new Error(`no default deployment ${index}`);
  return d;
}
