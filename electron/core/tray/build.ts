// The whole tray, rebuilt from the snapshot every time: icon, tooltip and menu. Pure, so the
// Electron shell, the headless shell and tests all see the same thing.
import { translate } from '../../shared/i18n';
import type { AppSnapshot } from '../../shared/model';
import { deploymentItem } from './deployment-item';
import { trayIconState } from './icon-state';
import type { TrayMenuItem, TrayModel } from './model';
import { trayTooltip } from './tooltip';

export interface TrayBuildOptions {
  /** Pins the time zone of times shown (tests); the system's zone otherwise. */
  timeZone?: string;
}

function watchedItems(snapshot: AppSnapshot, timeZone?: string): TrayMenuItem[] {
  const { locale } = snapshot;
  if (snapshot.accounts.length === 0) {
    return [
      {
        id: 'setup',
        type: 'normal',
        label: translate(locale, 'tray.setup'),
        enabled: true,
        action: { type: 'open-window' },
      },
    ];
  }
  if (snapshot.deployments.length === 0) {
    return [
      {
        id: 'no-deployments',
        type: 'normal',
        label: translate(locale, 'tray.noDeployments'),
        enabled: false,
      },
    ];
  }
  return snapshot.deployments.map((d) => deploymentItem(snapshot, d, timeZone));
}

/** In demo mode the menu opens by saying so: its deployments are not anyone's real ones. */
function demoItems(snapshot: AppSnapshot, separator: (id: string) => TrayMenuItem): TrayMenuItem[] {
  if (!snapshot.demo) return [];
  return [
    {
      id: 'demo',
      type: 'normal',
      label: translate(snapshot.locale, 'tray.demo'),
      enabled: false,
    },
    separator('separator:demo'),
  ];
}

function refreshAllItem(snapshot: AppSnapshot): TrayMenuItem {
  const { locale } = snapshot;
  const label = translate(locale, 'tray.refreshAll');
  if (!snapshot.online) {
    return {
      id: 'refresh-all',
      type: 'normal',
      label: translate(locale, 'tray.unavailableLabel', {
        action: label,
        reason: translate(locale, 'tray.reason.offline'),
      }),
      enabled: false,
      hint: translate(locale, 'block.offline'),
    };
  }
  if (snapshot.deployments.length === 0) {
    return { id: 'refresh-all', type: 'normal', label, enabled: false };
  }
  return { id: 'refresh-all', type: 'normal', label, enabled: true, action: { type: 'refresh' } };
}

export function buildTrayModel(snapshot: AppSnapshot, options: TrayBuildOptions = {}): TrayModel {
  const { locale } = snapshot;
  const separator = (id: string): TrayMenuItem => ({
    id,
    type: 'separator',
    label: '',
    enabled: true,
  });
  return {
    icon: trayIconState(snapshot),
    tooltip: trayTooltip(snapshot, options.timeZone),
    title: '',
    menu: [
      ...demoItems(snapshot, separator),
      ...watchedItems(snapshot, options.timeZone),
      separator('separator:actions'),
      refreshAllItem(snapshot),
      {
        id: 'open-window',
        type: 'normal',
        label: translate(locale, 'tray.openWindow'),
        enabled: true,
        action: { type: 'open-window' },
      },
      {
        id: 'open-settings',
        type: 'normal',
        label: translate(locale, 'tray.settings'),
        enabled: true,
        action: { type: 'open-settings' },
      },
      separator('separator:quit'),
      {
        id: 'quit',
        type: 'normal',
        label: translate(locale, 'tray.quit'),
        enabled: true,
        action: { type: 'quit' },
      },
    ],
  };
}
