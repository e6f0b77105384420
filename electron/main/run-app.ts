// The Electron shell's lifecycle: one instance, hidden in the tray, every port adapted, IPC
// wired, and a quit that lets the controller save first. The controller is passed in, so this
// glue can be tested with a fake one.
import { join } from 'node:path';
import { app, ipcMain, protocol, session } from 'electron';
import { STATE_CHANGED } from '../shared/contract';
import type { AppSnapshot } from '../shared/model';
import { systemClock } from '../core/clock';
import { createKeyringSecretStore } from '../core/accounts/keyring-secret-store';
import type { AppController, ControllerDeps, SettingsCodec } from '../core/app/controller-types';
import type { SecretStore } from '../core/app/ports';
import { APP_SCHEME_PRIVILEGES, createRendererFileHandler } from './app-protocol';
import { APP_USER_MODEL_ID } from './app-user-model-id';
import { startDemoCloud } from './demo-cloud';
import { createFileLog } from './file-log';
import { APP_ICON_PNG_256 } from './icon-files';
import { registerIpcHandlers, senderCheck } from './ipc';
import { launchedAtLogin, loginItemSupported } from './launch-at-login';
import { shouldShowWindowAtLaunch } from './launch-window';
import { createMainWindow } from './main-window';
import { createElectronNetworkStatus } from './network-status';
import { createElectronNotifier } from './notifier';
import { createElectronPowerEvents } from './power-events';
import {
  APP_SCHEME,
  devServerUrl,
  isTrustedRendererUrl,
  rendererEntryUrl,
} from './renderer-origin';
import { hardenSession, hardenWebContents } from './security';
import { createElectronSettingsStore } from './settings-store';
import { createElectronTrayView } from './tray-view';
import { createElectronWindowHost } from './window-host';

export { APP_USER_MODEL_ID };

export interface RunAppOptions<T> {
  createController(deps: ControllerDeps<T>): AppController;
  settingsCodec: SettingsCodec<T>;
  /** Default: the OS keychain. */
  secrets?: SecretStore;
  /** Default: <userData>; tests pass a temporary directory. */
  userDataDir?: string;
}

export interface RunningApp {
  /** Settles once the controller has started (or the app gave way to a running instance). */
  ready: Promise<void>;
}

function osOf(platform: NodeJS.Platform): AppSnapshot['platform']['os'] {
  return platform === 'darwin' || platform === 'win32' || platform === 'linux' ? platform : 'other';
}

export function runApp<T extends object>(opts: RunAppOptions<T>): RunningApp {
  // A second launch hands over to the running instance, which shows its window.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { ready: Promise.resolve() };
  }

  const platform = process.platform;
  const appDir = app.getAppPath();
  const devUrl = devServerUrl(process.env, app.isPackaged);
  const log = createFileLog(app.getPath('logs'));

  // Must happen before `ready`.
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  let quitting = false;
  let disposed = false;
  let controller: AppController | undefined;

  const mainWindow = createMainWindow({
    preloadPath: join(appDir, 'dist', 'preload', 'index.cjs'),
    url: rendererEntryUrl(devUrl),
    isQuitting: () => quitting,
    log,
  });
  const windowHost = createElectronWindowHost({
    window: mainWindow,
    platform,
    appDir,
    focusDeployment: (key) => controller?.focusDeployment(key),
    focusScreen: (screen) => controller?.focusScreen(screen),
    log,
  });

  // The app lives in the tray: closing (hiding) the window must not end it.
  app.on('window-all-closed', () => undefined);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
  app.on('before-quit', (event) => {
    quitting = true;
    if (disposed || controller === undefined) return;
    // Let the controller stop its timers and save before the process goes.
    event.preventDefault();
    const c = controller;
    controller = undefined;
    c.dispose()
      .catch((error: unknown) => log(`dispose failed: ${String(error)}`))
      .finally(() => {
        disposed = true;
        app.quit();
      });
  });

  const ready = app.whenReady().then(async () => {
    if (platform === 'darwin') app.dock?.hide();
    hardenSession(session.defaultSession, log, devUrl);
    protocol.handle(APP_SCHEME, createRendererFileHandler(join(appDir, 'dist', 'renderer')));

    const tray = createElectronTrayView({
      appDir,
      platform,
      onItem: (itemId) => {
        controller?.activateTrayItem(itemId).catch((error: unknown) => {
          log(`tray item ${itemId} failed: ${String(error)}`);
        });
      },
    });
    app.on('will-quit', () => tray.destroy());

    const deps: ControllerDeps<T> = {
      clock: systemClock,
      secrets: opts.secrets ?? createKeyringSecretStore(),
      settings: createElectronSettingsStore({
        codec: opts.settingsCodec,
        ...(opts.userDataDir === undefined ? {} : { cwd: opts.userDataDir }),
      }),
      tray,
      notifier: createElectronNotifier(platform, join(appDir, APP_ICON_PNG_256)),
      window: windowHost,
      power: createElectronPowerEvents(),
      network: createElectronNetworkStatus(systemClock),
      startDemoCloud,
      log,
      appVersion: app.getVersion(),
      platform: { os: osOf(platform), loginItemSupported: loginItemSupported(platform) },
    };
    const c = opts.createController(deps);
    controller = c;

    registerIpcHandlers(
      ipcMain,
      c,
      senderCheck((url) => isTrustedRendererUrl(url, devUrl)),
      log,
    );
    c.onState((snapshot) => mainWindow.send(STATE_CHANGED, snapshot));

    await c.start();
    if (shouldShowWindowAtLaunch(c.snapshot(), launchedAtLogin(platform, process.argv))) {
      windowHost.show();
    }
  });

  // Another launch shows the window, but only once there is an app to show (a window made
  // before 'ready' would crash).
  app.on('second-instance', () => {
    ready.then(() => windowHost.show()).catch(() => undefined);
  });

  ready.catch((error: unknown) => {
    log(
      `startup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  });
  return { ready };
}
