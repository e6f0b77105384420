// Which of the tray's icons to show: the first state in TRAY_ICON_STATES (worst first) that
// applies to the snapshot.
//
// Statuses that are not a plain "up" or "down":
// - stale: the last known status counts. A failed check says nothing about the deployment;
//   the tooltip says how many may be out of date, and being offline has its own icon.
// - unchecked and unknown count as transitional: the app is still finding out, or the cloud
//   reports a state this app does not know, which in practice is one in flux. Neither is an
//   error, and neither may pass for running or stopped.
// - with an account but nothing watched, nothing runs: all-stopped.
import type { AccountHealth, AppSnapshot, DeploymentView, StatusKind } from '../../shared/model';
import type { TrayIconState } from './model';

/** Account health that stops all checks until the user acts. */
export const ACCOUNT_NEEDS_ATTENTION = new Set<AccountHealth>([
  'auth-failed',
  'forbidden',
  'no-secret',
]);

const ERROR_STATUSES = new Set<StatusKind>(['failed', 'not-found']);
const TRANSITIONAL_STATUSES = new Set<StatusKind>([
  'starting',
  'stopping',
  'pending',
  'unknown',
  'unchecked',
]);

const isTransitional = (d: DeploymentView) =>
  TRANSITIONAL_STATUSES.has(d.statusKind) || d.pendingOperation !== undefined;

export function trayIconState(snapshot: AppSnapshot): TrayIconState {
  const { accounts, deployments } = snapshot;
  if (accounts.length === 0) return 'not-set-up';
  if (!snapshot.online) return 'offline';
  if (
    accounts.some((a) => ACCOUNT_NEEDS_ATTENTION.has(a.health)) ||
    deployments.some((d) => ERROR_STATUSES.has(d.statusKind))
  ) {
    return 'error';
  }
  if (deployments.some(isTransitional)) return 'transitional';
  if (deployments.some((d) => d.statusKind === 'stopped' && d.unexpectedStop)) {
    return 'unexpected-stop';
  }
  const running = deployments.some((d) => d.statusKind === 'running');
  const stopped = deployments.some((d) => d.statusKind === 'stopped');
  if (running && stopped) return 'mixed';
  return running ? 'all-running' : 'all-stopped';
}
