// The tray model's menu as Electron menu templates. Every clickable item reports its stable id;
// the controller decides what it means.
import type { MenuItemConstructorOptions } from 'electron';
import type { TrayMenuItem } from '../core/tray/model';
import { STATUS_MARKS } from '../shared/status-marks';

export function toMenuTemplate(
  items: readonly TrayMenuItem[],
  onClick: (itemId: string) => void,
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if (item.type === 'separator') return { id: item.id, type: 'separator' };
    const label =
      item.status === undefined ? item.label : `${STATUS_MARKS[item.status]}  ${item.label}`;
    const base: MenuItemConstructorOptions = { id: item.id, label, enabled: item.enabled };
    if (item.hint !== undefined) {
      base.toolTip = item.hint;
      // Sublabels show on macOS 14.4+ and Windows; Linux menus have neither, so the hint stays
      // a tooltip there.
      if (platform !== 'linux') base.sublabel = item.hint;
    }
    if (item.type === 'submenu') {
      return { ...base, submenu: toMenuTemplate(item.submenu ?? [], onClick, platform) };
    }
    return { ...base, click: () => onClick(item.id) };
  });
}
