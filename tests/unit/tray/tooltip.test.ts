import { describe, expect, it } from 'vitest';
import { trayTooltip } from '../../../electron/core/tray/tooltip';
import {
  makeAccount,
  makeBudget,
  makeDeployment,
  makeSnapshot,
  MINUTE,
  T0,
} from '../../fixtures/snapshot';

const three = [
  makeDeployment({ deploymentId: 'a0000001', statusKind: 'running', checkedAt: T0 - 5 * MINUTE }),
  makeDeployment({ deploymentId: 'a0000002', statusKind: 'running', checkedAt: T0 - 2 * MINUTE }),
  makeDeployment({ deploymentId: 'a0000003', statusKind: 'stopped', checkedAt: T0 - 9 * MINUTE }),
];

describe('trayTooltip', () => {
  it('gives the app name, counts per state and the last check', () => {
    expect(trayTooltip(makeSnapshot({ deployments: three }), 'UTC')).toBe(
      'EMQX Cloud Tray\n2 running, 1 stopped\nLast checked 14:58',
    );
  });

  it('says Demo in demo mode', () => {
    const tip = trayTooltip(makeSnapshot({ demo: true, deployments: three }), 'UTC');
    expect(tip.split('\n')[0]).toBe('EMQX Cloud Tray (Demo)');
  });

  it('says until when reads are rate limited', () => {
    const limited = makeAccount({
      budget: makeBudget({
        reads: { limit: 60, used: 60, reserved: 0, rateLimitedUntil: T0 + 42 * MINUTE },
      }),
    });
    const tip = trayTooltip(makeSnapshot({ accounts: [limited], deployments: three }), 'UTC');
    expect(tip).toContain('\nRate limited until 15:42\n');
  });

  it('forgets a rate limit that has passed', () => {
    const past = makeAccount({
      budget: makeBudget({ reads: { limit: 60, used: 1, reserved: 0, rateLimitedUntil: T0 - 1 } }),
    });
    expect(trayTooltip(makeSnapshot({ accounts: [past] }), 'UTC')).not.toMatch(/Rate limited/);
  });

  it('says offline, stale and accounts needing attention', () => {
    const stale = { since: T0, problem: { kind: 'Offline' as const, message: 'o', at: T0 } };
    const snapshot = makeSnapshot({
      online: false,
      accounts: [makeAccount({ health: 'auth-failed', label: 'Team A' })],
      deployments: [makeDeployment({ stale })],
    });
    expect(trayTooltip(snapshot, 'UTC').split('\n')).toEqual([
      'EMQX Cloud Tray',
      'Offline: checks paused',
      '1 running',
      '1 may be out of date',
      'Needs attention: Team A',
      'Last checked 15:00',
    ]);
  });

  it('says what is missing when nothing is set up or watched', () => {
    expect(trayTooltip(makeSnapshot({ accounts: [], deployments: [] }))).toBe(
      'EMQX Cloud Tray\nNo account set up',
    );
    expect(trayTooltip(makeSnapshot({ deployments: [] }))).toBe(
      'EMQX Cloud Tray\nNo deployments watched',
    );
  });

  it('speaks Chinese', () => {
    const tip = trayTooltip(
      makeSnapshot({ locale: 'zh-CN', demo: true, deployments: three }),
      'UTC',
    );
    expect(tip).toBe('EMQX Cloud Tray（演示）\n2 个运行中，1 个已停止\n上次检查：14:58');
  });
});
