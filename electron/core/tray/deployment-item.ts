// One watched deployment in the tray menu: its name and status, and a submenu with what can be
// done to it.
import { translate } from '../../shared/i18n';
import { formatBlock, formatBlockShort, formatStatus, formatTime } from '../../shared/i18n/format';
import type { AppSnapshot, DeploymentView, OperationBlock } from '../../shared/model';
import { ACCOUNT_NEEDS_ATTENTION } from './icon-state';
import type { TrayMenuItem } from './model';
import { operationItem } from './operation-item';

/** Longer names would make the whole menu as wide as the name; the hint carries it in full. */
export const MENU_NAME_MAX = 40;

/** The name as a menu label shows it: at most MENU_NAME_MAX characters, ending in "…" if cut. */
export function menuName(name: string): string {
  // Code points, so a cut never splits a surrogate pair (emoji, rare CJK characters).
  const chars = Array.from(name);
  if (chars.length <= MENU_NAME_MAX) return name;
  return `${chars
    .slice(0, MENU_NAME_MAX - 1)
    .join('')
    .trimEnd()}…`;
}

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
      name: menuName(deployment.name),
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
  const hints: string[] = [];
  if (menuName(deployment.name) !== deployment.name) hints.push(deployment.name);
  if (deployment.stale) {
    hints.push(
      translate(locale, 'tray.hint.stale', {
        time: formatTime(locale, deployment.checkedAt ?? deployment.stale.since, timeZone),
      }),
    );
  }
  if (hints.length > 0) item.hint = hints.join('\n');
  return item;
}
