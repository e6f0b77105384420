// One watched deployment in the tray menu: its name and status, and a submenu with what can be
// done to it.
import { translate } from '../../shared/i18n';
import { formatBlock, formatBlockShort, formatStatus, formatTime } from '../../shared/i18n/format';
import type { AppSnapshot, DeploymentView, OperationBlock } from '../../shared/model';
import { ACCOUNT_NEEDS_ATTENTION } from './icon-state';
import type { TrayMenuItem } from './model';
import { operationItem } from './operation-item';

/** Why a read cannot go out now for this account, if it cannot. */
export function refreshBlock(snapshot: AppSnapshot, accountId: string): OperationBlock | undefined {
  if (!snapshot.online) return { reason: 'offline' };
  const account = snapshot.accounts.find((a) => a.id === accountId);
  if (account === undefined) return undefined;
  if (ACCOUNT_NEEDS_ATTENTION.has(account.health)) {
    const kind =
      account.problem?.kind ?? (account.health === 'forbidden' ? 'Forbidden' : 'AuthFailed');
    return { reason: 'account-problem', kind };
  }
  const until = account.budget.reads.rateLimitedUntil;
  if (until !== undefined && until > snapshot.now)
    return { reason: 'rate-limited', availableAt: until };
  return undefined;
}

function refreshItem(
  snapshot: AppSnapshot,
  deployment: DeploymentView,
  timeZone?: string,
): TrayMenuItem {
  const { locale } = snapshot;
  const item: TrayMenuItem = {
    id: `deployment:${deployment.key}:refresh`,
    type: 'normal',
    label: translate(locale, 'tray.refresh'),
    enabled: true,
    action: { type: 'refresh', deploymentKey: deployment.key },
  };
  const block = refreshBlock(snapshot, deployment.accountId);
  if (block === undefined) return item;
  return {
    id: item.id,
    type: 'normal',
    label: translate(locale, 'tray.unavailableLabel', {
      action: item.label,
      reason: formatBlockShort(locale, block, timeZone),
    }),
    enabled: false,
    hint: formatBlock(locale, block, timeZone),
  };
}

export function deploymentItem(
  snapshot: AppSnapshot,
  deployment: DeploymentView,
  timeZone?: string,
): TrayMenuItem {
  const { locale } = snapshot;
  const { key } = deployment;
  const item: TrayMenuItem = {
    id: `deployment:${key}`,
    type: 'submenu',
    label: translate(locale, 'tray.deploymentLabel', {
      name: deployment.name,
      status: formatStatus(locale, deployment.statusKind, deployment.fields?.status),
    }),
    enabled: true,
    status: deployment.statusKind,
    submenu: [
      operationItem(deployment, locale, timeZone),
      refreshItem(snapshot, deployment, timeZone),
      {
        id: `deployment:${key}:copy-id`,
        type: 'normal',
        label: translate(locale, 'tray.copyId'),
        enabled: true,
        action: { type: 'copy-id', deploymentKey: key },
      },
      {
        id: `deployment:${key}:open-console`,
        type: 'normal',
        label: translate(locale, 'tray.openConsole'),
        enabled: true,
        action: { type: 'open-console', deploymentKey: key },
      },
    ],
  };
  if (deployment.stale) {
    item.hint = translate(locale, 'tray.hint.stale', {
      time: formatTime(locale, deployment.checkedAt ?? deployment.stale.since, timeZone),
    });
  }
  return item;
}
