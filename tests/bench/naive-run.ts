// What a user would script instead: poll every deployment by ID on a fixed period, keep the last
// status that came back, ignore errors, and never slow down. The script calls the simulated
// cloud directly (no HTTP client), which changes nothing it can see and keeps the run fast.
import {
  DEFAULT_KEY,
  DEFAULT_SECRET,
  SimulatedCloud,
  API_BASE_PATH,
} from '../../electron/simulator/cloud';
import { BENCH_START, type Scenario, type Timeline } from './model';
import { Observer, benchAccount, naiveView } from './observe';
import { applyTimelineEvent } from './transition-times';
import type { StrategyRun } from './run-types';

const ACCOUNT = 'bench';
/** A stop within this long after the script's own stop is not unexpected. */
const OWN_STOP_MS = 10 * 60_000;

export function runNaive(scenario: Scenario, timeline: Timeline, periodMs: number): StrategyRun {
  let now = BENCH_START;
  const cloud = new SimulatedCloud({
    now: () => now,
    deployments: timeline.deployments,
    listEndpoint: scenario.listEndpoint ? 'on' : 'off',
    limitScope: scenario.limitScope,
    seed: scenario.seed,
  });
  const headers = {
    authorization: `Basic ${Buffer.from(`${DEFAULT_KEY}:${DEFAULT_SECRET}`).toString('base64')}`,
  };
  const ids = timeline.deployments.map((d) => d.deploymentID);
  const observer = new Observer();
  const view = new Map<string, { status?: string; unexpectedStop: boolean }>();
  const lastOwnStop = new Map<string, number>();
  const account = benchAccount(ACCOUNT, 'ok', {
    reads: { limit: 60, used: 0, reserved: 0 },
    writes: { limit: 1, used: 0, reserved: 0 },
    sharedKeySuspected: false,
  });

  // Deployment k % n is polled at BENCH_START + k * step: each one every `periodMs`, staggered.
  const step = periodMs / ids.length;
  let k = 0;
  let userOpsSkipped = 0;
  const events = timeline.events;
  let e = 0;
  for (;;) {
    const pollAt = Math.round(BENCH_START + k * step);
    const event = events[e];
    if (event !== undefined && event.at <= pollAt) {
      now = event.at;
      e++;
      const op = applyTimelineEvent(cloud, event);
      if (op === 'external') continue;
      if (op === 'skipped') {
        userOpsSkipped++;
        continue;
      }
      cloud.handle({
        method: 'POST',
        path: `${API_BASE_PATH}/deployments/${event.deploymentId}/${op}`,
        headers,
      });
      if (op === 'stop') lastOwnStop.set(event.deploymentId, now);
      continue;
    }
    if (pollAt >= timeline.end) break;
    now = pollAt;
    const id = ids[k % ids.length] ?? '';
    k++;
    const res = cloud.handle({
      method: 'GET',
      path: `${API_BASE_PATH}/deployments/${id}`,
      headers,
    });
    if (res.status !== 200) continue;
    const status = String((res.body as { status?: unknown }).status);
    observer.observe(id, now, status);
    const before = view.get(id) ?? { unexpectedStop: false };
    if (before.status === status) continue;
    const own = now - (lastOwnStop.get(id) ?? -Infinity) < OWN_STOP_MS;
    const after = {
      status,
      unexpectedStop: status === 'stopped' && before.status !== undefined && !own,
    };
    view.set(id, after);
    observer.notify(
      {
        accounts: [account],
        deployments: [naiveView(ACCOUNT, id, before.status, before.unexpectedStop)],
      },
      {
        accounts: [account],
        deployments: [naiveView(ACCOUNT, id, after.status, after.unexpectedStop)],
      },
      now,
    );
  }
  return { cloud, observer, userOpsRefused: 0, userOpsSkipped };
}
