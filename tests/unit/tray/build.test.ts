import { describe, expect, it } from 'vitest';
import { buildTrayModel } from '../../../electron/core/tray/build';
import { findMenuItem } from '../../../electron/core/tray/find';
import type { TrayMenuItem } from '../../../electron/core/tray/model';
import {
  makeAccount,
  makeBudget,
  makeDeployment,
  makeSnapshot,
  MINUTE,
  T0,
} from '../../fixtures/snapshot';

const prod = makeDeployment({ deploymentId: 'prod0001', name: 'Prod', statusKind: 'running' });
const lab = makeDeployment({ deploymentId: 'lab00002', name: 'Lab', statusKind: 'stopped' });

const ids = (items: TrayMenuItem[] | undefined) => (items ?? []).map((i) => i.id);

describe('buildTrayModel', () => {
  it('lists every watched deployment, then the app actions', () => {
    const model = buildTrayModel(makeSnapshot({ deployments: [prod, lab] }), { timeZone: 'UTC' });
    expect(model.icon).toBe('mixed');
    expect(model.title).toBe('');
    expect(ids(model.menu)).toEqual([
      'deployment:acc1/prod0001',
      'deployment:acc1/lab00002',
      'separator:actions',
      'refresh-all',
      'open-window',
      'open-settings',
      'separator:quit',
      'quit',
    ]);
    expect(model.menu.map((i) => i.label)).toEqual([
      'Prod — Running',
      'Lab — Stopped',
      '',
      'Refresh all',
      'Open EMQX Cloud Tray…',
      'Settings…',
      '',
      'Quit',
    ]);
    expect(model.menu[0]).toMatchObject({ type: 'submenu', status: 'running' });
    expect(model.menu[2]?.type).toBe('separator');
    expect(findMenuItem(model, 'refresh-all')?.action).toEqual({ type: 'refresh' });
    expect(findMenuItem(model, 'open-window')?.action).toEqual({ type: 'open-window' });
    expect(findMenuItem(model, 'open-settings')?.action).toEqual({ type: 'open-settings' });
    expect(findMenuItem(model, 'quit')?.action).toEqual({ type: 'quit' });
  });

  it('gives each deployment Start or Stop, Refresh, Copy ID and the console', () => {
    const model = buildTrayModel(makeSnapshot({ deployments: [prod, lab] }));
    const key = 'acc1/prod0001';
    expect(ids(findMenuItem(model, `deployment:${key}`)?.submenu)).toEqual([
      `deployment:${key}:stop`,
      `deployment:${key}:refresh`,
      `deployment:${key}:copy-id`,
      `deployment:${key}:open-console`,
    ]);
    expect(findMenuItem(model, 'deployment:acc1/lab00002:start')?.enabled).toBe(true);
    expect(findMenuItem(model, `deployment:${key}:refresh`)?.action).toEqual({
      type: 'refresh',
      deploymentKey: key,
    });
    expect(findMenuItem(model, `deployment:${key}:copy-id`)?.action).toEqual({
      type: 'copy-id',
      deploymentKey: key,
    });
    expect(findMenuItem(model, `deployment:${key}:open-console`)).toMatchObject({
      label: 'Open in EMQX Cloud console',
      action: { type: 'open-console', deploymentKey: key },
    });
  });

  it('offers set-up instead of deployments without an account', () => {
    const model = buildTrayModel(makeSnapshot({ accounts: [], deployments: [] }));
    expect(model.icon).toBe('not-set-up');
    expect(model.menu[0]).toMatchObject({
      id: 'setup',
      label: 'Set up an account…',
      enabled: true,
      action: { type: 'open-window' },
    });
    expect(findMenuItem(model, 'refresh-all')?.enabled).toBe(false);
  });

  it('says so when nothing is watched', () => {
    const model = buildTrayModel(makeSnapshot({ deployments: [] }));
    expect(model.menu[0]).toMatchObject({
      id: 'no-deployments',
      label: 'No deployments watched',
      enabled: false,
    });
  });

  it('shows an unknown status verbatim and marks a stale one', () => {
    const odd = makeDeployment({
      deploymentId: 'odd00003',
      name: 'Odd',
      statusKind: 'unknown',
      rawStatus: 'hibernating',
    });
    const old = makeDeployment({
      deploymentId: 'old00004',
      name: 'Old',
      checkedAt: T0 - 30 * MINUTE,
      stale: { since: T0 - 20 * MINUTE, problem: { kind: 'Timeout', message: 't', at: T0 } },
    });
    const model = buildTrayModel(makeSnapshot({ deployments: [odd, old] }), { timeZone: 'UTC' });
    expect(model.menu[0]).toMatchObject({
      label: 'Odd — Unknown (hibernating)',
      status: 'unknown',
    });
    expect(model.menu[0]?.hint).toBeUndefined();
    expect(model.menu[1]?.hint).toBe('Status as of 14:30; later checks failed');
  });

  it('cuts a long name to 40 characters in the label and gives it in full in the hint', () => {
    const name = 'factory-broker-eu-west-production-primary-cluster-2';
    const exact = 'x'.repeat(40);
    const long = makeDeployment({
      deploymentId: 'long0005',
      name,
      checkedAt: T0 - 30 * MINUTE,
      stale: { since: T0 - 20 * MINUTE, problem: { kind: 'Timeout', message: 't', at: T0 } },
    });
    const fits = makeDeployment({ deploymentId: 'fits0006', name: exact, statusKind: 'stopped' });
    const model = buildTrayModel(makeSnapshot({ deployments: [long, fits] }), { timeZone: 'UTC' });
    const cut = 'factory-broker-eu-west-production-prima…';
    expect(Array.from(cut)).toHaveLength(40);
    expect(model.menu[0]?.label).toBe(`${cut} — Running`);
    expect(model.menu[0]?.hint).toBe(`${name}\nStatus as of 14:30; later checks failed`);
    expect(model.menu[1]?.label).toBe(`${exact} — Stopped`);
    expect(model.menu[1]?.hint).toBeUndefined();
  });

  it('never splits a character made of two code units when cutting', () => {
    const name = '🚀'.repeat(45);
    const model = buildTrayModel(makeSnapshot({ deployments: [makeDeployment({ name })] }));
    expect(model.menu[0]?.label).toBe(`${'🚀'.repeat(39)}… — Running`);
    expect(model.menu[0]?.hint).toBe(name);
  });

  it('disables refreshing while offline, with the reason', () => {
    const model = buildTrayModel(makeSnapshot({ online: false, deployments: [prod] }));
    expect(model.icon).toBe('offline');
    expect(findMenuItem(model, 'refresh-all')).toMatchObject({
      label: 'Refresh all — offline',
      enabled: false,
      hint: 'Not available while offline',
    });
    expect(findMenuItem(model, 'deployment:acc1/prod0001:refresh')).toMatchObject({
      label: 'Refresh — offline',
      enabled: false,
    });
  });

  it('disables refreshing an account that is rate limited or refused', () => {
    const limited = makeAccount({
      budget: makeBudget({
        reads: { limit: 60, used: 60, reserved: 0, rateLimitedUntil: T0 + 42 * MINUTE },
      }),
    });
    const model = buildTrayModel(makeSnapshot({ accounts: [limited], deployments: [prod] }), {
      timeZone: 'UTC',
    });
    expect(findMenuItem(model, 'deployment:acc1/prod0001:refresh')).toMatchObject({
      label: 'Refresh — rate limited until 15:42',
      enabled: false,
    });
    expect(model.tooltip).toContain('Rate limited until 15:42');

    const refused = buildTrayModel(
      makeSnapshot({ accounts: [makeAccount({ health: 'auth-failed' })], deployments: [prod] }),
    );
    expect(refused.icon).toBe('error');
    expect(findMenuItem(refused, 'deployment:acc1/prod0001:refresh')).toMatchObject({
      label: 'Refresh — check the account',
      enabled: false,
    });
  });

  it('puts Demo in the tooltip in demo mode', () => {
    const model = buildTrayModel(makeSnapshot({ demo: true }));
    expect(model.tooltip.startsWith('EMQX Cloud Tray (Demo)\n')).toBe(true);
  });

  it('opens the menu in demo mode with a disabled line saying the cloud is simulated', () => {
    const model = buildTrayModel(makeSnapshot({ demo: true, deployments: [prod] }));
    expect(ids(model.menu).slice(0, 3)).toEqual([
      'demo',
      'separator:demo',
      'deployment:acc1/prod0001',
    ]);
    expect(model.menu[0]).toEqual({
      id: 'demo',
      type: 'normal',
      label: 'Demo: a simulated EMQX Cloud on this computer',
      enabled: false,
    });
    expect(model.menu[1]?.type).toBe('separator');
    const zh = buildTrayModel(makeSnapshot({ locale: 'zh-CN', demo: true, deployments: [prod] }));
    expect(zh.menu[0]).toMatchObject({ label: '演示：本机模拟的 EMQX Cloud', enabled: false });
  });

  it('has no demo line outside demo mode', () => {
    const model = buildTrayModel(makeSnapshot({ demo: false, deployments: [prod] }));
    expect(findMenuItem(model, 'demo')).toBeUndefined();
    expect(ids(model.menu)).not.toContain('separator:demo');
  });

  it('labels everything in Chinese', () => {
    const model = buildTrayModel(makeSnapshot({ locale: 'zh-CN', deployments: [prod, lab] }));
    expect(model.menu.map((i) => i.label)).toEqual([
      'Prod — 运行中',
      'Lab — 已停止',
      '',
      '全部刷新',
      '打开 EMQX Cloud Tray…',
      '设置…',
      '',
      '退出',
    ]);
    expect(findMenuItem(model, 'deployment:acc1/prod0001')?.submenu?.map((i) => i.label)).toEqual([
      '停止…',
      '刷新',
      '复制 ID',
      '在 EMQX Cloud 控制台中打开',
    ]);
    expect(
      buildTrayModel(makeSnapshot({ locale: 'zh-CN', accounts: [], deployments: [] })).menu[0]
        ?.label,
    ).toBe('添加账号…');
  });

  it('is the same model for the same snapshot', () => {
    const snapshot = makeSnapshot({ deployments: [prod, lab] });
    expect(buildTrayModel(snapshot)).toEqual(buildTrayModel(structuredClone(snapshot)));
  });
});

describe('findMenuItem', () => {
  it('finds items at the top and inside submenus, and nothing for an unknown id', () => {
    const model = buildTrayModel(makeSnapshot({ deployments: [prod] }));
    expect(findMenuItem(model, 'quit')?.label).toBe('Quit');
    expect(findMenuItem(model, 'deployment:acc1/prod0001:copy-id')?.label).toBe('Copy ID');
    expect(findMenuItem(model, 'deployment:acc1/nope')).toBeUndefined();
  });
});
