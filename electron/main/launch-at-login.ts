// Launch at login per platform: Electron's login item on macOS and Windows, an XDG autostart
// entry on Linux.
import { homedir } from 'node:os';
import { app } from 'electron';
import { AUTOSTART_ARG, setLinuxAutostart } from './linux-autostart';

export function loginItemSupported(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32' || platform === 'linux';
}

/** What starts this app again: the AppImage when there is one, else the binary (plus app dir in dev). */
export function relaunchCommand(appDir: string): string[] {
  const appImage = process.env.APPIMAGE;
  if (appImage !== undefined && appImage !== '') return [appImage];
  return app.isPackaged ? [process.execPath] : [process.execPath, appDir];
}

export async function setLaunchAtLogin(
  enabled: boolean,
  platform: NodeJS.Platform,
  appDir: string,
): Promise<void> {
  if (platform === 'linux') {
    await setLinuxAutostart(enabled, {
      home: homedir(),
      env: process.env,
      command: relaunchCommand(appDir),
    });
    return;
  }
  if (platform === 'darwin' || platform === 'win32') {
    app.setLoginItemSettings({ openAtLogin: enabled, args: [AUTOSTART_ARG] });
  }
}

/** Whether this run was started at login rather than by the user. */
export function launchedAtLogin(platform: NodeJS.Platform, argv: readonly string[]): boolean {
  if (argv.includes(AUTOSTART_ARG)) return true;
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
}
