// The figures the app must reach in every scenario, checked against the numbers as required,
// never against a bound the app sets itself. Where a figure cannot be reached by any strategy
// that keeps to the limit the app has to assume (60 reads an hour per API key), the check says
// so with the arithmetic instead of passing quietly.
import { READ_LIMIT } from '../../electron/core/budget/limits';
import type { BenchRow } from './bench';
import { HOUR } from './model';
import type { Scenario } from './model';

/** The external median latency may be at most this share of the idle cadence. */
export const EXTERNAL_LATENCY_SHARE = 0.55;
export const USER_MEDIAN_MAX_S = 15;
/** "The same" read rate for 1 and 200 deployments with the list: within this share. */
export const SAME_READ_RATE_TOLERANCE = 0.05;

export interface Check {
  figure: string;
  required: string;
  achieved: string;
  met: boolean;
  /** Set when no strategy within 60 reads an hour per key could meet it: why, in numbers. */
  unreachable?: string;
}

/** What the best possible poller could do, given the limit the app must assume. */
export interface LatencyFloor {
  /** Reads each cycle must make to look at every deployment once. */
  readsPerCycle: number;
  /** Each deployment read this often, spending all 60 reads an hour on polling. */
  bestIntervalS: number;
  /** Half that interval: the median wait for a change at a random moment. */
  bestMedianS: number;
  requiredMedianS: number;
  /** Reads an hour a median of `requiredMedianS` takes: readsPerCycle x 3600 / (2 x median). */
  readsPerHourNeeded: number;
}

export type ScenarioShape = Pick<Scenario, 'deployments' | 'listEndpoint' | 'idleCadenceMs'>;

export function latencyFloor(scenario: ScenarioShape): LatencyFloor {
  const readsPerCycle = scenario.listEndpoint ? 1 : scenario.deployments;
  const bestIntervalS = (readsPerCycle * HOUR) / READ_LIMIT / 1000;
  const requiredMedianS = (EXTERNAL_LATENCY_SHARE * scenario.idleCadenceMs) / 1000;
  return {
    readsPerCycle,
    bestIntervalS,
    bestMedianS: bestIntervalS / 2,
    requiredMedianS,
    readsPerHourNeeded: Math.ceil((readsPerCycle * 3600) / (2 * requiredMedianS)),
  };
}

function unreachableText(floor: LatencyFloor): string {
  return (
    `${floor.readsPerCycle} reads look at every deployment once; a median of ` +
    `${floor.requiredMedianS} s needs a read of each at least every ${2 * floor.requiredMedianS} s, ` +
    `${floor.readsPerCycle} x 3600 / ${2 * floor.requiredMedianS} = ${floor.readsPerHourNeeded} ` +
    `reads an hour; ${READ_LIMIT} allow one of each every ${floor.bestIntervalS} s, a median of ` +
    `${floor.bestMedianS} s at best`
  );
}

export function appChecks(row: BenchRow): Check[] {
  const r = row.result;
  const floor = latencyFloor({
    deployments: r.deployments,
    listEndpoint: r.listEndpoint,
    idleCadenceMs: row.diagnostics.idleCadenceMs,
  });
  const idleS = row.diagnostics.idleCadenceMs / 1000;
  const user = r.detectionLatencySeconds.userInitiated.median;
  const external = r.detectionLatencySeconds.external.median;
  const externalCheck: Check = {
    figure: 'external median latency',
    required: `<= ${floor.requiredMedianS} s (${EXTERNAL_LATENCY_SHARE} x ${idleS} s)`,
    achieved: external === null ? 'none measured' : `${external} s`,
    met: external !== null && external <= floor.requiredMedianS,
  };
  if (!externalCheck.met && floor.bestMedianS > floor.requiredMedianS) {
    externalCheck.unreachable = unreachableText(floor);
  }
  return [
    { figure: 'answers 429', required: '0', achieved: String(r.http429), met: r.http429 === 0 },
    {
      figure: 'max reads in any hour',
      required: `<= ${READ_LIMIT}`,
      achieved: String(r.maxRequestsInAnyHour.read),
      met: r.maxRequestsInAnyHour.read <= READ_LIMIT,
    },
    {
      figure: 'max starts/stops in any hour',
      required: '<= 1',
      achieved: String(r.maxRequestsInAnyHour.write),
      met: r.maxRequestsInAnyHour.write <= 1,
    },
    {
      figure: 'duplicate notifications',
      required: '0',
      achieved: String(r.duplicateNotifications),
      met: r.duplicateNotifications === 0,
    },
    {
      figure: `missed changes (states over ${idleS} s)`,
      required: '0',
      achieved: String(r.missedChanges),
      met: r.missedChanges === 0,
    },
    {
      figure: 'user-initiated median latency',
      required: `<= ${USER_MEDIAN_MAX_S} s`,
      achieved: user === null ? 'none measured' : `${user} s`,
      met: user !== null && user <= USER_MEDIAN_MAX_S,
    },
    externalCheck,
    {
      figure: 'clicks the app refused',
      required: '0',
      achieved: String(row.diagnostics.userOpsRefused),
      met: row.diagnostics.userOpsRefused === 0,
    },
  ];
}

/** Each unmet figure as a sentence; `unreachable` ones say why no strategy could meet them. */
export function appViolations(row: BenchRow): string[] {
  return appChecks(row)
    .filter((c) => !c.met)
    .map(
      (c) =>
        `${c.figure} ${c.achieved}, required ${c.required}` +
        (c.unreachable === undefined ? '' : ` (out of reach: ${c.unreachable})`),
    );
}

/** Unmet figures that some strategy within the limit could meet: these fail the run. */
export function appFailures(row: BenchRow): string[] {
  return appChecks(row)
    .filter((c) => !c.met && c.unreachable === undefined)
    .map((c) => `${c.figure} ${c.achieved}, required ${c.required}`);
}

export function readsPerHour(row: BenchRow): number {
  return row.result.requests.read / row.result.hours;
}

export interface ReadRateCheck {
  limitScope: string;
  few: { name: string; readsPerHour: number };
  many: { name: string; readsPerHour: number };
  met: boolean;
}

/**
 * With the list endpoint, one read covers every deployment, so the app's read rate must not
 * depend on how many it watches: the fewest and the most deployments, per limit scope.
 */
export function sameReadRate(rows: readonly BenchRow[]): ReadRateCheck[] {
  const out: ReadRateCheck[] = [];
  const apps = rows.filter((r) => r.result.strategy === 'app' && r.result.listEndpoint);
  for (const scope of new Set(apps.map((r) => r.result.limitScope))) {
    const inScope = apps
      .filter((r) => r.result.limitScope === scope)
      .sort((a, b) => a.result.deployments - b.result.deployments);
    const few = inScope[0];
    const many = inScope.at(-1);
    if (few === undefined || many === undefined || few === many) continue;
    const a = readsPerHour(few);
    const b = readsPerHour(many);
    out.push({
      limitScope: scope,
      few: { name: few.result.name, readsPerHour: round1(a) },
      many: { name: many.result.name, readsPerHour: round1(b) },
      met: Math.abs(b - a) / a <= SAME_READ_RATE_TOLERANCE,
    });
  }
  return out;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
