// The one small window: created when first needed, hidden (not destroyed) when closed so it
// opens instantly next time, destroyed only when the app quits.
import { BrowserWindow } from 'electron';
import { mainWindowOptions } from './window-options';

export interface MainWindowOptions {
  preloadPath: string;
  /** app://renderer/index.html, or the dev server URL. */
  url: string;
  isQuitting(): boolean;
  log(line: string): void;
}

export interface MainWindow {
  /** The window if it exists. */
  current(): BrowserWindow | undefined;
  /** Creates the window if needed, shows and focuses it. */
  show(): BrowserWindow;
  /** Sends to the page once it has loaded; dropped when there is no window. */
  send(channel: string, payload: unknown): void;
  /** Runs `fn` once the page has finished loading (now if it has). */
  whenLoaded(fn: (win: BrowserWindow) => void): void;
}

export function createMainWindow(opts: MainWindowOptions): MainWindow {
  let win: BrowserWindow | undefined;
  let loaded = false;
  let pending: ((w: BrowserWindow) => void)[] = [];

  const create = (): BrowserWindow => {
    const w = new BrowserWindow(mainWindowOptions(opts.preloadPath));
    loaded = false;
    w.on('close', (event) => {
      if (opts.isQuitting()) return;
      // Closing the window keeps the app in the tray.
      event.preventDefault();
      w.hide();
    });
    w.on('closed', () => {
      if (win === w) win = undefined;
      loaded = false;
      pending = [];
    });
    w.webContents.on('did-finish-load', () => {
      loaded = true;
      const queued = pending;
      pending = [];
      for (const fn of queued) fn(w);
    });
    w.loadURL(opts.url).catch((error: unknown) => {
      opts.log(`window failed to load: ${error instanceof Error ? error.message : String(error)}`);
    });
    return w;
  };

  return {
    current: () => win,
    show() {
      if (win === undefined || win.isDestroyed()) {
        const created = create();
        win = created;
        // Shown once painted, so the user never sees an empty frame.
        created.once('ready-to-show', () => {
          created.show();
          created.focus();
        });
        return created;
      }
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
      return win;
    },
    send(channel, payload) {
      if (win === undefined || win.isDestroyed() || !loaded) return;
      win.webContents.send(channel, payload);
    },
    whenLoaded(fn) {
      if (win === undefined || win.isDestroyed()) return;
      if (loaded) fn(win);
      else pending.push(fn);
    },
  };
}
