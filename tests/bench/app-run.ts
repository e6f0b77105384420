// The app's strategy: the real watch engine and the real API client, talking to the simulated
// cloud through the in-process axios adapter, in virtual time. The user clicks Start or Stop
// through the engine, as the tray menu would.
import { createApiClient } from '../../electron/core/api/client';
import { SITE_PRESETS } from '../../electron/core/api/types';
import { memoryLedgerStore } from '../../electron/core/budget/store';
import { VirtualClock } from '../../electron/core/clock';
import type { PolicyState } from '../../electron/core/notify/policy';
import { createWatchEngine } from '../../electron/core/watch/engine';
import type { EngineChange, EngineState } from '../../electron/core/watch/types';
import { createSimulatorAdapter } from '../../electron/simulator/axios-adapter';
import { DEFAULT_KEY, DEFAULT_SECRET, SimulatedCloud } from '../../electron/simulator/cloud';
import { seededRandom } from '../../electron/simulator/prng';
import { BENCH_START, type Scenario, type Timeline } from './model';
import { Observer, benchAccount } from './observe';
import { applyTimelineEvent } from './transition-times';
import type { StrategyRun } from './run-types';

const ACCOUNT = 'bench';

export async function runApp(scenario: Scenario, timeline: Timeline): Promise<StrategyRun> {
  const clock = new VirtualClock(BENCH_START);
  const cloud = new SimulatedCloud({
    now: clock,
    deployments: timeline.deployments,
    listEndpoint: scenario.listEndpoint ? 'on' : 'off',
    limitScope: scenario.limitScope,
    seed: scenario.seed,
  });
  const client = createApiClient({
    baseUrl: SITE_PRESETS.international,
    key: DEFAULT_KEY,
    secret: DEFAULT_SECRET,
    adapter: createSimulatorAdapter(cloud),
    now: () => clock.now(),
  });
  const engine = createWatchEngine({
    clock,
    ledgerStore: memoryLedgerStore(),
    idleCadenceMs: scenario.idleCadenceMs,
    random: seededRandom(scenario.seed + 1),
  });
  const observer = new Observer();
  const shown = new Map<string, { status?: string; checkedAt?: number }>();
  engine.subscribe((change) => {
    const at = change.after.at;
    for (const d of change.after.deployments) {
      const status = d.fields?.status;
      if (status === undefined) continue;
      const last = shown.get(d.deploymentId);
      if (last?.status === status && last.checkedAt === d.checkedAt) continue;
      shown.set(d.deploymentId, {
        status,
        ...(d.checkedAt !== undefined ? { checkedAt: d.checkedAt } : {}),
      });
      observer.observe(d.deploymentId, at, status);
    }
    observer.notify(policyBefore(change), policyState(change.after), at);
  });

  engine.addAccount(ACCOUNT, client);
  for (const d of timeline.deployments) engine.watch(ACCOUNT, d.deploymentID);

  let userOpsRefused = 0;
  let userOpsSkipped = 0;
  for (const event of timeline.events) {
    await clock.advanceTo(event.at);
    const op = applyTimelineEvent(cloud, event);
    if (op === 'external') continue;
    if (op === 'skipped') {
      userOpsSkipped++;
      continue;
    }
    const result = await engine.operate(ACCOUNT, event.deploymentId, op);
    if (result.outcome !== 'sent') userOpsRefused++;
  }
  await clock.advanceTo(timeline.end);
  engine.dispose();
  return { cloud, observer, userOpsRefused, userOpsSkipped };
}

/** The controller's rule: a baseline read is compared with itself, so it announces nothing. */
function policyBefore(change: EngineChange): PolicyState {
  const before = policyState(change.before);
  if (change.baselineKeys.length === 0) return before;
  const baseline = new Set(change.baselineKeys);
  const after = new Map(policyState(change.after).deployments.map((d) => [d.key, d]));
  const deployments = before.deployments.map((d) =>
    baseline.has(d.key) ? (after.get(d.key) ?? d) : d,
  );
  for (const key of baseline) {
    const current = after.get(key);
    if (current !== undefined && !deployments.some((d) => d.key === key)) deployments.push(current);
  }
  return { accounts: before.accounts, deployments };
}

function policyState(state: EngineState): PolicyState {
  return {
    accounts: state.accounts.map((a) => ({
      ...benchAccount(a.id, a.health, a.budget),
      listEndpoint: a.listEndpoint,
      ...(a.problem !== undefined ? { problem: a.problem } : {}),
    })),
    deployments: state.deployments.map((d) => ({ ...d, muted: false })),
  };
}
