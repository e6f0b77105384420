// The engine, the real API client and the simulator over real HTTP on 127.0.0.1, in real time:
// a short run that starts a deployment and sees it go from starting to running.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../electron/core/api/client';
import { memoryLedgerStore } from '../../electron/core/budget/store';
import { systemClock } from '../../electron/core/clock';
import { createWatchEngine } from '../../electron/core/watch/engine';
import type { EngineChange, WatchEngine } from '../../electron/core/watch/types';
import {
  DEFAULT_KEY,
  DEFAULT_SECRET,
  startSimulatorServer,
  type SimulatorServer,
} from '../../electron/simulator';

let server: SimulatorServer;
let engine: WatchEngine;
const changes: EngineChange[] = [];

function statusOf(deploymentId: string): string | undefined {
  return engine.getState().deployments.find((d) => d.deploymentId === deploymentId)?.statusKind;
}

async function until(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  server = await startSimulatorServer({ startSeconds: 1, stopSeconds: 1, latencyMs: 20 });
  engine = createWatchEngine({ clock: systemClock, ledgerStore: memoryLedgerStore() });
  engine.subscribe((c) => changes.push(c));
  engine.addAccount(
    'local',
    createApiClient({ baseUrl: server.url, key: DEFAULT_KEY, secret: DEFAULT_SECRET }),
  );
  for (const d of server.cloud.deployments()) engine.watch('local', d.deploymentID);
});

afterAll(async () => {
  engine?.dispose();
  await server?.close();
});

describe('engine over HTTP', () => {
  it('reads every watched deployment with one list request', async () => {
    await until(() => statusOf('w41b11c0') === 'stopped', 5_000);
    expect(statusOf('a7c3e9f2')).toBe('running');
    expect(server.cloud.counters().byRoute.list).toBe(1);
    expect(server.cloud.counters().byRoute.get).toBe(0);
    const account = engine.getState().accounts[0];
    expect(account?.listEndpoint).toBe('available');
    expect(account?.budget.reads.used).toBe(1);
    expect(changes.some((c) => c.baselineKeys.includes('local/w41b11c0'))).toBe(true);
  });

  it('starts a deployment: starting at once, then running within seconds', async () => {
    const result = await engine.operate('local', 'w41b11c0', 'start');
    expect(result).toMatchObject({ outcome: 'sent', accepted: { operation: 'starting' } });
    expect(statusOf('w41b11c0')).toBe('starting');
    expect(engine.availability('local', 'w41b11c0', 'stop')).toMatchObject({ allowed: false });
    await until(() => statusOf('w41b11c0') === 'running', 12_000);
    const d = engine.getState().deployments.find((x) => x.deploymentId === 'w41b11c0');
    expect(d?.pendingOperation).toBeUndefined();
    expect(d?.transitions.slice(-2).map((t) => [t.to, t.userInitiated])).toEqual([
      ['starting', true],
      ['running', true],
    ]);
    // The start/stop window now holds for the rest of the hour.
    expect(engine.availability('local', 'a7c3e9f2', 'stop')).toMatchObject({
      allowed: false,
      reason: 'window',
    });
    expect(server.cloud.counters().byRoute.start).toBe(1);
    expect(server.cloud.counters().byStatus['429']).toBeUndefined();
  });
});
