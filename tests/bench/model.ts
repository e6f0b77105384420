// What the benchmark simulates: scenarios, and one deterministic timeline of cloud events per
// scenario (external changes and the user's own starts/stops), shared by every strategy so they
// are compared on exactly the same day.
import type { SimDeploymentInit } from '../../electron/simulator/deployment-data';
import type { LimitScope } from '../../electron/simulator/cloud';
import { seededRandom, type Random } from '../../electron/simulator/prng';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const BENCH_START = Date.UTC(2026, 0, 5, 0, 0, 0);

/**
 * External changes: each deployment flips between running and stopped (a billing stop, and the
 * restart once the bill is paid) on its own clock. A state lasts at least 10 minutes, so per-ID
 * polling that reaches every deployment only every few minutes can still see it, plus an
 * exponential part with a mean of 50 minutes. That is far busier than real billing stops (a few
 * a month): the model is sized for statistics, so every scenario has hundreds of changes to
 * measure. Latencies are per change, so a calmer day gives the same figures with fewer changes.
 */
export const EXTERNAL_MIN_STATE_MS = 10 * MINUTE;
export const EXTERNAL_MEAN_EXTRA_MS = 50 * MINUTE;

/** The user starts or stops one deployment every 90 to 150 minutes (the limit is one an hour). */
export const USER_OP_MIN_GAP_MS = 90 * MINUTE;
export const USER_OP_EXTRA_GAP_MS = 60 * MINUTE;
/** The user acts on a deployment that has been calm for this long and stays calm as long after. */
export const USER_OP_QUIET_MS = 15 * MINUTE;

/**
 * How long a start and a stop take, drawn per operation (seconds, uniform): nobody documents
 * it; EMQX's own tools allow for minutes.
 */
export const START_SECONDS: readonly [number, number] = [60, 300];
export const STOP_SECONDS: readonly [number, number] = [30, 180];

/** Enough external changes per scenario for a stable median: small scenarios run longer. */
export const TARGET_EXTERNAL_CHANGES = 400;

export type Strategy = 'app' | 'naive-30s' | 'fixed-60s';
export const STRATEGIES: readonly Strategy[] = ['app', 'naive-30s', 'fixed-60s'];

export interface Scenario {
  name: string;
  deployments: number;
  listEndpoint: boolean;
  limitScope: LimitScope;
  hours: number;
  seed: number;
  idleCadenceMs: number;
}

export type TimelineEvent =
  | { at: number; kind: 'external'; deploymentId: string }
  | { at: number; kind: 'user'; deploymentId: string; startSeconds: number; stopSeconds: number };

export interface Timeline {
  deployments: SimDeploymentInit[];
  /** In time order. */
  events: TimelineEvent[];
  end: number;
}

/** Hours to simulate: at least a day, more when few deployments give few changes. */
export function hoursFor(deployments: number): number {
  const perDeploymentPerDay = (24 * HOUR) / (EXTERNAL_MIN_STATE_MS + EXTERNAL_MEAN_EXTRA_MS);
  const days = Math.max(
    1,
    Math.ceil(TARGET_EXTERNAL_CHANGES / (deployments * perDeploymentPerDay)),
  );
  return 24 * days;
}

export function defaultScenarios(): Scenario[] {
  const shapes: { deployments: number; listEndpoint: boolean }[] = [
    { deployments: 1, listEndpoint: true },
    { deployments: 5, listEndpoint: true },
    { deployments: 25, listEndpoint: true },
    { deployments: 200, listEndpoint: true },
    { deployments: 1, listEndpoint: false },
    { deployments: 5, listEndpoint: false },
  ];
  const scenarios: Scenario[] = [];
  for (const limitScope of ['key', 'deployment'] as const) {
    for (const shape of shapes) {
      scenarios.push({
        name: `${shape.deployments} dep., ${shape.listEndpoint ? 'list' : 'no list'}, per ${limitScope}`,
        ...shape,
        limitScope,
        hours: hoursFor(shape.deployments),
        seed: 1000 + shape.deployments * 10 + (shape.listEndpoint ? 1 : 0),
        idleCadenceMs: 120_000,
      });
    }
  }
  return scenarios;
}

export function deploymentIdOf(index: number): string {
  return `d${String(index).padStart(7, '0')}`;
}

function between(random: Random, [lo, hi]: readonly [number, number]): number {
  return lo + random() * (hi - lo);
}

function exponential(random: Random, mean: number): number {
  return -Math.log(1 - random()) * mean;
}

export function buildTimeline(scenario: Scenario): Timeline {
  const random = seededRandom(scenario.seed);
  const end = BENCH_START + scenario.hours * HOUR;
  const deployments: SimDeploymentInit[] = [];
  for (let i = 0; i < scenario.deployments; i++) {
    deployments.push({
      deploymentID: deploymentIdOf(i),
      deploymentName: `broker-${i}`,
      deploymentType: i % 2 === 0 ? 'dedicated' : 'serverless',
      status: random() < 0.7 ? 'running' : 'stopped',
      connections: 1000,
      createAt: '2025-01-15 08:40',
      platform: 'AWS',
      region: 'N. Virginia (us-east-1)',
      projectName: 'default',
      version: '5.8.6',
      tps: 1000,
    });
  }

  const users: TimelineEvent[] = [];
  for (let t = BENCH_START + 30 * MINUTE + random() * 30 * MINUTE; t < end - USER_OP_QUIET_MS;) {
    const index = Math.floor(random() * scenario.deployments);
    users.push({
      at: Math.round(t),
      kind: 'user',
      deploymentId: deploymentIdOf(index),
      startSeconds: Math.round(between(random, START_SECONDS)),
      stopSeconds: Math.round(between(random, STOP_SECONDS)),
    });
    t += USER_OP_MIN_GAP_MS + random() * USER_OP_EXTRA_GAP_MS;
  }
  const quiet = new Map<string, number[]>();
  for (const u of users) quiet.set(u.deploymentId, [...(quiet.get(u.deploymentId) ?? []), u.at]);

  const externals: TimelineEvent[] = [];
  for (const d of deployments) {
    const id = d.deploymentID;
    const ops = quiet.get(id) ?? [];
    let t = BENCH_START + EXTERNAL_MIN_STATE_MS + random() * HOUR;
    while (t < end) {
      const at = Math.round(t);
      if (!ops.some((op) => Math.abs(op - at) < USER_OP_QUIET_MS)) {
        externals.push({ at, kind: 'external', deploymentId: id });
      }
      t += EXTERNAL_MIN_STATE_MS + exponential(random, EXTERNAL_MEAN_EXTRA_MS);
    }
  }
  const events = [...users, ...externals].sort(
    (a, b) => a.at - b.at || (a.kind === 'user' ? -1 : 1),
  );
  return { deployments, events, end };
}
