// The tray icon's tooltip: one short line per fact, most telling first. Windows cuts tooltips
// at 127 characters, so only what helps at a glance goes here; the window has the rest.
import { translate } from '../../shared/i18n';
import { formatTime } from '../../shared/i18n/format';
import { STATUS_KINDS, type AppSnapshot, type StatusKind } from '../../shared/model';
import { ACCOUNT_NEEDS_ATTENTION } from './icon-state';

function countsLine(snapshot: AppSnapshot): string {
  const { locale, deployments } = snapshot;
  if (snapshot.accounts.length === 0) return translate(locale, 'tray.tooltip.noAccount');
  if (deployments.length === 0) return translate(locale, 'tray.noDeployments');
  const counts = new Map<StatusKind, number>();
  for (const d of deployments) counts.set(d.statusKind, (counts.get(d.statusKind) ?? 0) + 1);
  return STATUS_KINDS.filter((kind) => counts.has(kind))
    .map((kind) =>
      translate(locale, `tray.tooltip.count.${kind}`, { count: counts.get(kind) ?? 0 }),
    )
    .join(translate(locale, 'tray.tooltip.separator'));
}

function latest(values: (number | undefined)[]): number | undefined {
  const present = values.filter((v): v is number => v !== undefined);
  return present.length === 0 ? undefined : Math.max(...present);
}

export function trayTooltip(snapshot: AppSnapshot, timeZone?: string): string {
  const { locale, accounts, deployments, now } = snapshot;
  const appName = translate(locale, 'common.appName');
  const lines = [
    snapshot.demo
      ? translate(locale, 'tray.tooltip.demoTitle', {
          app: appName,
          demo: translate(locale, 'common.demo'),
        })
      : appName,
  ];
  if (!snapshot.online) lines.push(translate(locale, 'tray.tooltip.offline'));
  lines.push(countsLine(snapshot));

  const stale = deployments.filter((d) => d.stale !== undefined).length;
  if (stale > 0) lines.push(translate(locale, 'tray.tooltip.stale', { count: stale }));

  const rateLimitedUntil = latest(accounts.map((a) => a.budget.reads.rateLimitedUntil));
  if (rateLimitedUntil !== undefined && rateLimitedUntil > now) {
    lines.push(
      translate(locale, 'tray.tooltip.rateLimited', {
        time: formatTime(locale, rateLimitedUntil, timeZone),
      }),
    );
  }

  const attention = accounts.filter((a) => ACCOUNT_NEEDS_ATTENTION.has(a.health));
  if (attention.length > 0) {
    lines.push(
      translate(locale, 'tray.tooltip.accountAttention', {
        accounts: attention
          .map((a) => a.label.trim() || a.keyId)
          .join(translate(locale, 'tray.tooltip.separator')),
      }),
    );
  }

  const lastChecked = latest(deployments.map((d) => d.checkedAt));
  if (lastChecked !== undefined) {
    lines.push(
      translate(locale, 'tray.tooltip.lastChecked', {
        time: formatTime(locale, lastChecked, timeZone),
      }),
    );
  }
  return lines.join('\n');
}
