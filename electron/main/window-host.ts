// The WindowHost port on Electron: the window, native confirmation dialogs, the browser (for
// the console only), the clipboard, launch at login, the system locale and quitting.
import { app, clipboard, dialog, shell, type MessageBoxOptions } from 'electron';
import type { ConfirmRequest, WindowHost } from '../core/app/ports';
import type { FocusScreen } from '../shared/model';
import { isAllowedExternalUrl } from './external-links';
import { setLaunchAtLogin } from './launch-at-login';
import type { MainWindow } from './main-window';

export interface ElectronWindowHostOptions {
  window: MainWindow;
  platform: NodeJS.Platform;
  appDir: string;
  /** Asks the controller to push a snapshot that opens this deployment. */
  focusDeployment(deploymentKey: string): void;
  /** Asks the controller to push a snapshot that shows this screen. */
  focusScreen(screen: FocusScreen): void;
  log(line: string): void;
}

export function confirmDialogOptions(request: ConfirmRequest): MessageBoxOptions {
  return {
    type: 'question',
    title: request.title,
    message: request.message,
    detail: request.detail,
    // Cancel first and default: Enter or Escape never starts or stops a deployment by accident.
    buttons: [request.cancelLabel, request.confirmLabel],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

export function createElectronWindowHost(opts: ElectronWindowHostOptions): WindowHost {
  return {
    show(deploymentKey) {
      opts.window.show();
      if (deploymentKey === undefined) return;
      // The page learns which deployment to open from a snapshot's focus field. A window that
      // is still loading drops the controller's push, so the request is made again once the
      // page is there; the controller sends it with a new revision, which the page accepts.
      opts.window.whenLoaded(() => opts.focusDeployment(deploymentKey));
    },

    showScreen(screen) {
      opts.window.show();
      // As for a deployment: asked again once a loading page can receive the snapshot.
      opts.window.whenLoaded(() => opts.focusScreen(screen));
    },

    async confirm(request) {
      const options = confirmDialogOptions(request);
      const parent = opts.window.current();
      const result =
        parent !== undefined && !parent.isDestroyed() && parent.isVisible()
          ? await dialog.showMessageBox(parent, options)
          : await dialog.showMessageBox(options);
      return result.response === 1;
    },

    openExternal(url) {
      if (!isAllowedExternalUrl(url)) {
        opts.log(`refused to open ${url}: not an EMQX Cloud console address`);
        return;
      }
      shell.openExternal(url).catch((error: unknown) => {
        opts.log(
          `could not open the browser: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    },

    copyText(text) {
      clipboard.writeText(text);
    },

    setLaunchAtLogin(enabled) {
      return setLaunchAtLogin(enabled, opts.platform, opts.appDir);
    },

    systemLocale() {
      return app.getPreferredSystemLanguages()[0] ?? (app.getLocale() || 'en-US');
    },

    quit() {
      app.quit();
    },
  };
}
