// A few small benchmark runs with the invariants the app must keep. Deterministic (seeded, in
// virtual time), so a change in behaviour shows up as a failing figure, never as flakiness.
import { describe, expect, it } from 'vitest';
import { appIdleIntervalMs, runScenario } from '../../bench/bench';
import type { Scenario } from '../../bench/model';
import { toJson, toRequirementsTable } from '../../bench/report';
import {
  appChecks,
  appFailures,
  appViolations,
  latencyFloor,
  sameReadRate,
} from '../../bench/requirements';

function scenario(over: Partial<Scenario>): Scenario {
  return {
    name: 'test',
    deployments: 1,
    listEndpoint: true,
    limitScope: 'key',
    hours: 2,
    seed: 7,
    idleCadenceMs: 120_000,
    ...over,
  };
}

describe('benchmark invariants', () => {
  it('200 deployments with the list: no 429, within limits, nothing missed or repeated, quick', async () => {
    const s = scenario({ deployments: 200 });
    const row = await runScenario(s, 'app');
    expect(appViolations(row)).toEqual([]);
    const r = row.result;
    expect(r.changes.external).toBeGreaterThan(300);
    expect(r.changes.userInitiated).toBeGreaterThan(0);
    expect(r.http429).toBe(0);
    expect(r.maxRequestsInAnyHour.read).toBeLessThanOrEqual(60);
    expect(r.maxRequestsInAnyHour.write).toBeLessThanOrEqual(1);
    expect(r.missedChanges).toBe(0);
    expect(r.duplicateNotifications).toBe(0);
    expect(r.detectionLatencySeconds.userInitiated.median).not.toBeNull();
    expect(r.detectionLatencySeconds.userInitiated.median ?? Infinity).toBeLessThanOrEqual(15);
    expect(r.detectionLatencySeconds.external.median ?? Infinity).toBeLessThanOrEqual(0.55 * 120);
    // Grouped: far fewer notifications than changes.
    expect(r.notifications).toBeGreaterThan(0);
    expect(r.notifications).toBeLessThan(r.changes.external / 2);
  }, 60_000);

  it('reads as often for one deployment as for 200 with the list endpoint', async () => {
    const one = await runScenario(scenario({ deployments: 1, hours: 6 }), 'app');
    const many = await runScenario(scenario({ deployments: 200, hours: 6 }), 'app');
    const rate = (r: typeof one) => r.result.requests.read / r.result.hours;
    expect(rate(one)).toBeGreaterThan(28);
    expect(rate(one)).toBeLessThan(40);
    expect(Math.abs(rate(many) - rate(one)) / rate(one)).toBeLessThanOrEqual(0.05);
    expect(sameReadRate([one, many]).map((c) => c.met)).toEqual([true]);
  }, 60_000);

  it('5 deployments without the list: every figure met but the external median, out of reach', async () => {
    const s = scenario({ deployments: 5, listEndpoint: false, hours: 48 });
    const row = await runScenario(s, 'app');
    expect(appIdleIntervalMs(s)).toBeGreaterThan(5 * 80_000);
    expect(row.result.maxRequestsInAnyHour.read).toBeLessThanOrEqual(60);
    expect(appFailures(row)).toEqual([]);
    const unmet = appChecks(row).filter((c) => !c.met);
    expect(unmet.map((c) => c.figure)).toEqual(['external median latency']);
    expect(row.result.detectionLatencySeconds.external.median ?? 0).toBeGreaterThan(66);
    expect(unmet[0]?.unreachable).toContain('137 reads an hour');
    expect(toRequirementsTable([row])).toContain('out of reach: external median latency');
  }, 60_000);

  it('calls a latency out of reach only when 60 reads an hour cannot give it', () => {
    const shape = { idleCadenceMs: 120_000 };
    expect(latencyFloor({ ...shape, deployments: 5, listEndpoint: false })).toEqual({
      readsPerCycle: 5,
      bestIntervalS: 300,
      bestMedianS: 150,
      requiredMedianS: 66,
      readsPerHourNeeded: 137,
    });
    expect(latencyFloor({ ...shape, deployments: 2, listEndpoint: false }).bestMedianS).toBe(60);
    expect(latencyFloor({ ...shape, deployments: 200, listEndpoint: true }).bestMedianS).toBe(30);
  });

  it('the naive script draws 429s and misses changes where the app does not', async () => {
    const s = scenario({ deployments: 5, hours: 6 });
    const naive = await runScenario(s, 'naive-30s');
    expect(naive.result.http429).toBeGreaterThan(0);
    expect(naive.result.maxRequestsInAnyHour.read).toBeGreaterThan(60);
    expect(naive.result.missedChanges).toBeGreaterThan(0);
    expect(appViolations(naive).length).toBeGreaterThan(0);
    expect(appFailures(naive).length).toBeGreaterThan(0);
  }, 60_000);

  it('gives the same numbers for the same seed', async () => {
    const s = scenario({ deployments: 3, hours: 3 });
    const a = await runScenario(s, 'app');
    const b = await runScenario(s, 'app');
    expect(toJson([b])).toBe(toJson([a]));
    const keys = Object.keys(JSON.parse(toJson([a])).scenarios[0]).sort();
    expect(keys).toEqual(
      [
        'name',
        'strategy',
        'deployments',
        'listEndpoint',
        'limitScope',
        'hours',
        'requests',
        'maxRequestsInAnyHour',
        'http429',
        'changes',
        'missedChanges',
        'notifications',
        'duplicateNotifications',
        'detectionLatencySeconds',
      ].sort(),
    );
  }, 60_000);
});
