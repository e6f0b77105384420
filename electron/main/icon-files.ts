// Where each generated icon lives, relative to the app directory. Shared by the icon generator,
// the tray adapter and the packaging test, so a renamed file breaks all three at once.
import type { TrayIconState } from '../core/tray/model';

export const ICON_SOURCE_DIR = 'assets/icons/src';
export const TRAY_ICON_DIR = 'assets/tray';
export const APP_ICON_DIR = 'assets/app';

/** `light` is drawn for light panels (dark ink), `dark` for dark panels (bright ink). */
export type PanelTheme = 'light' | 'dark';
export const PANEL_THEMES: readonly PanelTheme[] = ['light', 'dark'];

/**
 * macOS template image (black on transparent; the system tints it). Electron picks up the
 * `@2x` sibling by itself on Retina displays.
 */
export function macTemplateIcon(state: TrayIconState, scale: 1 | 2 = 1): string {
  return `${TRAY_ICON_DIR}/mac/${state}Template${scale === 2 ? '@2x' : ''}.png`;
}

/** Coloured PNG for Linux and Windows panels: 16 px, `@2x` 32 px, and 24 px for Linux. */
export function panelIcon(
  state: TrayIconState,
  theme: PanelTheme,
  size: 16 | 24 | 32 = 16,
): string {
  const suffix = size === 16 ? '' : size === 32 ? '@2x' : '-24';
  return `${TRAY_ICON_DIR}/${theme}/${state}${suffix}.png`;
}

/** Multi-size .ico for the Windows notification area. */
export function windowsTrayIcon(state: TrayIconState, theme: PanelTheme): string {
  return `${TRAY_ICON_DIR}/win/${state}-${theme}.ico`;
}

export const APP_ICON_PNG_512 = `${APP_ICON_DIR}/icon.png`;
export const APP_ICON_PNG_256 = `${APP_ICON_DIR}/icon-256.png`;
export const APP_ICON_ICO = `${APP_ICON_DIR}/icon.ico`;

/** The file the tray shows for a state on a platform. */
export function trayIconFile(
  state: TrayIconState,
  platform: NodeJS.Platform,
  darkPanel: boolean,
): string {
  const theme: PanelTheme = darkPanel ? 'dark' : 'light';
  if (platform === 'darwin') return macTemplateIcon(state);
  if (platform === 'win32') return windowsTrayIcon(state, theme);
  // Linux panels are usually 22-24 px high and do not scale a 16 px image up well.
  return panelIcon(state, theme, 24);
}
