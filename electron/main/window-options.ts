// The window's construction options. Kept apart so a test can read them without a window.
import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_WIDTH = 420;
export const WINDOW_HEIGHT = 600;

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: WINDOW_WIDTH,
    height: WINDOW_HEIGHT,
    minWidth: 360,
    minHeight: 480,
    show: false,
    maximizable: false,
    fullscreenable: false,
    autoHideMenuBar: true,
    title: 'EMQX Cloud Tray',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}
