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

/** Facts about a run that are not part of the JSON rows but that the checks need. */
export interface RunDiagnostics {
  /** The app's idle wait per deployment in this scenario (the setting, or the budget's). */
  effectiveIdleMs: number;
  userOpsRefused: number;
  userOpsSkipped: number;
}

export interface BenchRow {
  result: ScenarioResult;
  diagnostics: RunDiagnostics;
}

/**
 * How often the app can look at each deployment when idle: the idle cadence, unless per-ID reads
 * of every deployment cannot fit the budget's steady pace that often. States that last longer
 * than this must never be missed; that is the threshold for `missedChanges`, for every strategy.
 */
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
  const threshold = appIdleIntervalMs(scenario);
  const changes = run.cloud.changes();
  const found = detection(changes, run.observer, threshold, timeline.end);
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
      effectiveIdleMs: threshold,
      userOpsRefused: run.userOpsRefused,
      userOpsSkipped: run.userOpsSkipped,
    },
  };
}

/** The figures the app must reach in every scenario; each failure as a sentence. */
export function appViolations(row: BenchRow, scenario: Scenario): string[] {
  const r = row.result;
  const out: string[] = [];
  if (r.http429 !== 0) out.push(`${r.http429} answers 429`);
  if (r.maxRequestsInAnyHour.read > 60) out.push(`${r.maxRequestsInAnyHour.read} reads in an hour`);
  if (r.maxRequestsInAnyHour.write > 1)
    out.push(`${r.maxRequestsInAnyHour.write} starts/stops in an hour`);
  if (r.duplicateNotifications !== 0)
    out.push(`${r.duplicateNotifications} duplicate notifications`);
  if (r.missedChanges !== 0) out.push(`${r.missedChanges} missed changes`);
  const user = r.detectionLatencySeconds.userInitiated.median;
  if (user === null || user > 15) out.push(`user-initiated median latency ${user} s`);
  const external = r.detectionLatencySeconds.external.median;
  const bound = (0.55 * row.diagnostics.effectiveIdleMs) / 1000;
  if (external === null || external > bound)
    out.push(`external median latency ${external} s > ${bound} s`);
  if (row.diagnostics.userOpsRefused !== 0)
    out.push(`${row.diagnostics.userOpsRefused} clicks refused`);
  if (r.deployments !== scenario.deployments) out.push('scenario mismatch');
  return out;
}
