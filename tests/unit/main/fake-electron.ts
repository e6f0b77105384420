// A stand-in for the `electron` module in unit tests (the real one tries to download a binary).
// Each class records its instances so a test can look at what the shell created and drive the
// events Electron would emit. `resetFakeElectron()` starts every test from scratch.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Handler = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  send = vi.fn();
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  visible = false;
  destroyed = false;
  minimized = false;
  focused = 0;
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.instances.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {
    this.focused++;
  }
  restore(): void {
    this.minimized = false;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** What Electron does when the page has loaded. */
  finishLoad(): void {
    this.webContents.emit('did-finish-load');
  }
  /** The user clicks the close button; returns whether the close went ahead. */
  userClose(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) {
      this.destroyed = true;
      this.emit('closed');
    }
    return !prevented;
  }
}

export interface FakeImage {
  path: string;
  template: boolean;
  setTemplateImage(on: boolean): void;
}

export const nativeImage = {
  createFromPath(path: string): FakeImage {
    return {
      path,
      template: false,
      setTemplateImage(on: boolean) {
        this.template = on;
      },
    };
  },
};

export interface FakeMenu {
  template: Record<string, unknown>[];
}

export const Menu = {
  buildFromTemplate(template: Record<string, unknown>[]): FakeMenu {
    return { template };
  },
};

export class Tray extends EventEmitter {
  static instances: Tray[] = [];
  image: FakeImage;
  tooltip = '';
  title: string | undefined;
  menus: FakeMenu[] = [];
  destroyed = false;
  popUps = 0;
  constructor(image: FakeImage) {
    super();
    this.image = image;
    Tray.instances.push(this);
  }
  setImage(image: FakeImage): void {
    this.image = image;
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setTitle(text: string): void {
    this.title = text;
  }
  setContextMenu(menu: FakeMenu): void {
    this.menus.push(menu);
  }
  popUpContextMenu(): void {
    this.popUps++;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false });

export class Notification extends EventEmitter {
  static instances: Notification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return Notification.supported;
  }
  shown = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    Notification.instances.push(this);
  }
  show(): void {
    this.shown = true;
  }
}

export const dialog = {
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
};
export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };
export const clipboard = { writeText: vi.fn((_text: string) => undefined) };
export const powerMonitor = new EventEmitter();
export const net = { isOnline: vi.fn(() => true) };

export const protocol = {
  registerSchemesAsPrivileged: vi.fn((_schemes: unknown[]) => undefined),
  handlers: new Map<string, Handler>(),
  handle(scheme: string, handler: Handler): void {
    protocol.handlers.set(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    permissionRequestHandler: undefined as Handler | undefined,
    permissionCheckHandler: undefined as Handler | undefined,
    setPermissionRequestHandler(h: Handler) {
      this.permissionRequestHandler = h;
    },
    setPermissionCheckHandler(h: Handler) {
      this.permissionCheckHandler = h;
    },
    webRequest: {
      beforeRequest: undefined as Handler | undefined,
      headersReceived: undefined as Handler | undefined,
      onBeforeRequest(h: Handler) {
        this.beforeRequest = h;
      },
      onHeadersReceived(h: Handler) {
        this.headersReceived = h;
      },
    },
  },
};

export const ipcMain = Object.assign(new EventEmitter(), {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler): void {
    if (ipcMain.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    ipcMain.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    ipcMain.handlers.delete(channel);
  },
});

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null })),
});

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, value: unknown): void {
    contextBridge.exposed.set(key, value);
  },
};

export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  appPath: '/opt/emqx-cloud-tray',
  userData: '/tmp/emqx-cloud-tray-user-data',
  gotLock: true,
  quitCalls: 0,
  readyResolve: undefined as (() => void) | undefined,
  ready: Promise.resolve(),
  dock: { hide: vi.fn() },
  requestSingleInstanceLock(): boolean {
    return app.gotLock;
  },
  quit(): void {
    app.quitCalls++;
    // Electron emits before-quit; a listener may cancel.
    let prevented = false;
    app.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) app.emit('will-quit', { preventDefault: () => undefined });
  },
  whenReady(): Promise<void> {
    return app.ready;
  },
  getAppPath(): string {
    return app.appPath;
  },
  getPath(name: string): string {
    return `${app.userData}/${name}`;
  },
  getVersion(): string {
    return '0.1.0';
  },
  setAppUserModelId: vi.fn((_id: string) => undefined),
  setLoginItemSettings: vi.fn((_settings: Record<string, unknown>) => undefined),
  getLoginItemSettings: vi.fn(() => ({ wasOpenedAtLogin: false })),
  getPreferredSystemLanguages: vi.fn((): string[] => ['zh-CN', 'en-US']),
  getLocale: vi.fn(() => 'en-US'),
});

export function resetFakeElectron(): void {
  BrowserWindow.instances = [];
  Tray.instances = [];
  Notification.instances = [];
  Notification.supported = true;
  nativeTheme.removeAllListeners();
  nativeTheme.shouldUseDarkColors = false;
  powerMonitor.removeAllListeners();
  app.removeAllListeners();
  app.isPackaged = false;
  app.gotLock = true;
  app.quitCalls = 0;
  app.ready = Promise.resolve();
  ipcMain.removeAllListeners();
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  contextBridge.exposed.clear();
  protocol.handlers.clear();
  session.defaultSession.permissionRequestHandler = undefined;
  session.defaultSession.permissionCheckHandler = undefined;
  session.defaultSession.webRequest.beforeRequest = undefined;
  session.defaultSession.webRequest.headersReceived = undefined;
  for (const fn of [
    dialog.showMessageBox,
    shell.openExternal,
    clipboard.writeText,
    net.isOnline,
    protocol.registerSchemesAsPrivileged,
    ipcRenderer.invoke,
    app.setAppUserModelId,
    app.setLoginItemSettings,
    app.getLoginItemSettings,
    app.getPreferredSystemLanguages,
    app.getLocale,
    app.dock.hide,
  ]) {
    fn.mockClear();
  }
}

export default {
  app,
  BrowserWindow,
  Menu,
  Notification,
  Tray,
  clipboard,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  nativeImage,
  nativeTheme,
  net,
  powerMonitor,
  protocol,
  session,
  shell,
};
