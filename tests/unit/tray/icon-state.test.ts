import { describe, expect, it } from 'vitest';
import { trayIconState } from '../../../electron/core/tray/icon-state';
import { TRAY_ICON_STATES, type TrayIconState } from '../../../electron/core/tray/model';
import type { AppSnapshot, DeploymentView, StatusKind } from '../../../electron/shared/model';
import {
  makeAccount,
  makeDeployment,
  makeSnapshot,
  T0,
  type DeploymentOverrides,
} from '../../fixtures/snapshot';

let n = 0;
const dep = (statusKind: StatusKind, more: DeploymentOverrides = {}) =>
  makeDeployment({ deploymentId: `dep${String(++n).padStart(5, '0')}`, statusKind, ...more });

const withDeployments = (...deployments: DeploymentView[]) => makeSnapshot({ deployments });

// One snapshot per icon state, each also holding what every better state would need, so the
// priority order is what decides.
const cases: Record<TrayIconState, AppSnapshot> = {
  'not-set-up': makeSnapshot({ accounts: [], deployments: [], online: false }),
  offline: makeSnapshot({
    online: false,
    accounts: [makeAccount({ health: 'auth-failed' })],
    deployments: [dep('failed')],
  }),
  error: withDeployments(dep('failed'), dep('starting'), dep('stopped', { unexpectedStop: true })),
  transitional: withDeployments(
    dep('stopping'),
    dep('stopped', { unexpectedStop: true }),
    dep('running'),
  ),
  'unexpected-stop': withDeployments(dep('stopped', { unexpectedStop: true }), dep('running')),
  mixed: withDeployments(dep('stopped'), dep('running')),
  'all-stopped': withDeployments(dep('stopped'), dep('stopped')),
  'all-running': withDeployments(dep('running'), dep('running')),
};

describe('trayIconState', () => {
  it.each(TRAY_ICON_STATES)('shows %s', (state) => {
    expect(trayIconState(cases[state])).toBe(state);
  });

  it('shows an error for a rejected or missing key and for a vanished deployment', () => {
    for (const health of ['auth-failed', 'forbidden', 'no-secret'] as const) {
      const s = makeSnapshot({
        accounts: [makeAccount({ health })],
        deployments: [dep('running')],
      });
      expect(trayIconState(s)).toBe('error');
    }
    expect(trayIconState(withDeployments(dep('running'), dep('not-found')))).toBe('error');
  });

  it('counts an operation in flight, an unknown and an unchecked status as transitional', () => {
    const sent = dep('running', { pendingOperation: { op: 'stop', sentAt: T0 } });
    expect(trayIconState(withDeployments(sent))).toBe('transitional');
    expect(trayIconState(withDeployments(dep('running'), dep('pending')))).toBe('transitional');
    expect(trayIconState(withDeployments(dep('unknown', { rawStatus: 'odd' })))).toBe(
      'transitional',
    );
    expect(trayIconState(withDeployments(dep('unchecked'), dep('running')))).toBe('transitional');
  });

  it('keeps the last known status of a stale deployment', () => {
    const stale = { since: T0, problem: { kind: 'Timeout' as const, message: 't', at: T0 } };
    expect(trayIconState(withDeployments(dep('running', { stale })))).toBe('all-running');
  });

  it('shows all-stopped with an account and nothing watched', () => {
    expect(trayIconState(withDeployments())).toBe('all-stopped');
  });
});
