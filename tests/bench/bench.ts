// Runs scenarios and strategies and turns each run into one row of the report.
import { backgroundPaceMs } from '../../electron/core/budget/ledger';
import { READ_LIMIT } from '../../electron/core/budget/limits';
import { effectiveIdleMs } from '../../electron/core/watch/cadence';
import { runApp } from './app-run';
import { detection, duplicateNotifications, requestFigures, type LatencyStats } from './metrics';
import { buildTimeline, type Scenario, type Strategy } from './model';
import { runNaive } from './naive-run';
import type { StrategyRun } from './run-types';

/** One row of `--json`: exactly these fields. */
export interface ScenarioResult {
  name: string;
  strategy: Strategy;
  deployments: number;
  listEndpoint: boolean;
  limitScope: Scenario['limitScope'];
  hours: number;
  requests: { read: number; write: number };
  maxRequestsInAnyHour: { read: number; write: number };
  http429: number;
  changes: { external: number; userInitiated: number };
  missedChanges: number;
  notifications: number;
  duplicateNotifications: number;
  detectionLatencySeconds: { external: LatencyStats; userInitiated: LatencyStats };
}

/** Facts about a run that are not part of the JSON rows but that the report needs. */
export interface RunDiagnostics {
  /** The idle cadence set for the scenario (the app's setting). */
  idleCadenceMs: number;
  /** The app's own idle wait per deployment here: the setting, or longer when per-ID reads of
   * every deployment cannot fit the budget's steady background pace that often. */
  effectiveIdleMs: number;
  userOpsRefused: number;
  userOpsSkipped: number;
}

export interface BenchRow {
  result: ScenarioResult;
  diagnostics: RunDiagnostics;
}

/** How often the app looks at each deployment when idle (see `RunDiagnostics`). */
export function appIdleIntervalMs(scenario: Scenario): number {
  const readsPerCycle = scenario.listEndpoint ? 1 : scenario.deployments;
  return effectiveIdleMs(scenario.idleCadenceMs, readsPerCycle, backgroundPaceMs(READ_LIMIT));
}

export async function runScenario(scenario: Scenario, strategy: Strategy): Promise<BenchRow> {
  const timeline = buildTimeline(scenario);
  const run: StrategyRun =
    strategy === 'app'
      ? await runApp(scenario, timeline)
      : runNaive(scenario, timeline, strategy === 'naive-30s' ? 30_000 : 60_000);
  const changes = run.cloud.changes();
  // As required: a state that lasted longer than the idle cadence must not be missed.
  const found = detection(changes, run.observer, scenario.idleCadenceMs, timeline.end);
  const requests = requestFigures(run.cloud.requests(), scenario.limitScope);
  return {
    result: {
      name: scenario.name,
      strategy,
      deployments: scenario.deployments,
      listEndpoint: scenario.listEndpoint,
      limitScope: scenario.limitScope,
      hours: scenario.hours,
      requests: requests.requests,
      maxRequestsInAnyHour: requests.maxRequestsInAnyHour,
      http429: requests.http429,
      changes: found.changes,
      missedChanges: found.missedChanges,
      notifications: run.observer.notifications,
      duplicateNotifications: duplicateNotifications(run.observer.events, changes),
      detectionLatencySeconds: found.latency,
    },
    diagnostics: {
      idleCadenceMs: scenario.idleCadenceMs,
      effectiveIdleMs: appIdleIntervalMs(scenario),
      userOpsRefused: run.userOpsRefused,
      userOpsSkipped: run.userOpsSkipped,
    },
  };
}
