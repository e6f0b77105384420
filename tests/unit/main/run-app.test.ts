import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./fake-electron'));
vi.mock('electron-store', () => import('./fake-electron-store'));
import {
  BrowserWindow,
  Tray,
  app,
  ipcMain,
  protocol,
  resetFakeElectron,
  type FakeMenu,
} from './fake-electron';
import { APP_USER_MODEL_ID, runApp } from '../../../electron/main/run-app';
import { DEV_SERVER_ENV } from '../../../electron/main/renderer-origin';
import { COMMAND_NAMES, STATE_CHANGED, channelOf } from '../../../electron/shared/contract';
import type { SettingsCodec, ControllerDeps } from '../../../electron/core/app/controller-types';
import type { SecretStore } from '../../../electron/core/app/ports';
import { fakeController, snapshot, type FakeController } from './fake-controller';
import type { AccountView } from '../../../electron/shared/model';
import { must, nth } from './must';

const codec: SettingsCodec<{ version: number }> = {
  defaults: () => ({ version: 1 }),
  decode: () => ({ ok: true, data: { version: 1 } }),
};
const secrets: SecretStore = {
  status: async () => ({ available: true }),
  get: async () => undefined,
  set: async () => undefined,
  delete: async () => undefined,
};
const account = { id: 'acc1' } as AccountView;

describe('runApp', () => {
  let dir: string;
  let controller: FakeController;
  let deps: ControllerDeps<{ version: number }> | undefined;
  const savedPlatform = process.platform;

  const start = async (c: FakeController = fakeController()) => {
    controller = c;
    const running = runApp({
      createController: (d) => {
        deps = d;
        return controller;
      },
      settingsCodec: codec,
      secrets,
      userDataDir: dir,
    });
    await running.ready;
  };

  beforeEach(() => {
    resetFakeElectron();
    deps = undefined;
    dir = mkdtempSync(join(tmpdir(), 'run-app-'));
    app.userData = dir;
    Reflect.deleteProperty(process.env, DEV_SERVER_ENV);
  });
  afterEach(() => {
    Object.defineProperty(process, 'platform', { value: savedPlatform });
    Reflect.deleteProperty(process.env, DEV_SERVER_ENV);
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives way to a running instance', async () => {
    app.gotLock = false;
    await start();
    expect(app.quitCalls).toBe(1);
    expect(deps).toBeUndefined();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('wires every port, the app protocol and every IPC channel, then starts the controller', async () => {
    await start(fakeController(snapshot({ accounts: [account] })));
    expect(Object.keys(must(deps)).sort()).toEqual(
      [
        'appVersion',
        'clock',
        'log',
        'network',
        'notifier',
        'platform',
        'power',
        'secrets',
        'settings',
        'startDemoCloud',
        'tray',
        'window',
      ].sort(),
    );
    expect(must(deps).platform).toEqual({ os: 'linux', loginItemSupported: true });
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app' }),
    ]);
    expect(protocol.handlers.has('app')).toBe(true);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(COMMAND_NAMES.map(channelOf).sort());
    expect(controller.start).toHaveBeenCalledTimes(1);
    expect(must(deps).settings.load()).toEqual({ data: { version: 1 } });
  });

  it('starts hidden in the tray when there is an account', async () => {
    await start(fakeController(snapshot({ accounts: [account] })));
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('opens the window at first run, when there is no account', async () => {
    await start(fakeController(snapshot({ accounts: [] })));
    expect(BrowserWindow.instances).toHaveLength(1);
    expect(nth(BrowserWindow.instances, 0).loadedUrl).toBe('app://renderer/index.html');
  });

  it('shows the window when the app is launched a second time', async () => {
    await start(fakeController(snapshot({ accounts: [account] })));
    app.emit('second-instance', {}, [], '/');
    await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1));
    const win = nth(BrowserWindow.instances, 0);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
    win.hide();
    app.emit('second-instance', {}, [], '/');
    await vi.waitFor(() => expect(win.visible).toBe(true));
    expect(BrowserWindow.instances).toHaveLength(1);
  });

  it('waits for the app to be ready before showing the window for a second launch', async () => {
    let becomeReady = (): void => undefined;
    app.ready = new Promise<void>((resolve) => (becomeReady = resolve));
    controller = fakeController(snapshot({ accounts: [account] }));
    const running = runApp({
      createController: () => controller,
      settingsCodec: codec,
      secrets,
      userDataDir: dir,
    });
    app.emit('second-instance', {}, [], '/');
    await Promise.resolve();
    expect(BrowserWindow.instances).toHaveLength(0);
    becomeReady();
    await running.ready;
    await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1));
  });

  it('pushes every snapshot to the loaded window', async () => {
    await start(fakeController(snapshot({ accounts: [] })));
    const win = nth(BrowserWindow.instances, 0);
    win.finishLoad();
    const next = snapshot({ revision: 2 });
    controller.emit(next);
    expect(win.webContents.send).toHaveBeenCalledWith(STATE_CHANGED, next);
  });

  it('sends tray clicks to the controller', async () => {
    await start(fakeController(snapshot({ accounts: [account] })));
    must(deps).tray.render({
      icon: 'all-running',
      tooltip: 't',
      title: '',
      menu: [{ id: 'refresh-all', type: 'normal', label: 'Refresh', enabled: true }],
    });
    const menu = nth(Tray.instances, 0).menus.at(-1) as FakeMenu;
    (nth(menu.template, 0).click as () => void)();
    expect(controller.activateTrayItem).toHaveBeenCalledWith('refresh-all');
  });

  it('keeps running when the window is closed', async () => {
    await start(fakeController(snapshot({ accounts: [] })));
    expect(app.listenerCount('window-all-closed')).toBe(1);
    expect(nth(BrowserWindow.instances, 0).userClose()).toBe(false);
    app.emit('window-all-closed');
    expect(app.quitCalls).toBe(0);
  });

  it('lets the controller save before quitting, then quits', async () => {
    await start(fakeController(snapshot({ accounts: [account] })));
    must(deps).tray.render({ icon: 'all-running', tooltip: 't', title: '', menu: [] });
    app.quit();
    expect(controller.dispose).toHaveBeenCalledTimes(1);
    expect(nth(Tray.instances, 0).destroyed).toBe(false);
    await vi.waitFor(() => expect(app.quitCalls).toBe(2));
    expect(controller.dispose).toHaveBeenCalledTimes(1);
    expect(nth(Tray.instances, 0).destroyed).toBe(true);
  });

  it('sets the AppUserModelID on Windows', async () => {
    Object.defineProperty(process, 'platform', { value: 'win32' });
    await start(fakeController(snapshot({ accounts: [account] })));
    expect(app.setAppUserModelId).toHaveBeenCalledWith(APP_USER_MODEL_ID);
  });

  it('loads the dev server only in an unpackaged app', async () => {
    process.env[DEV_SERVER_ENV] = 'http://127.0.0.1:5173/';
    await start(fakeController(snapshot({ accounts: [] })));
    expect(nth(BrowserWindow.instances, 0).loadedUrl).toBe('http://127.0.0.1:5173/');

    resetFakeElectron();
    app.userData = dir;
    app.isPackaged = true;
    await start(fakeController(snapshot({ accounts: [] })));
    expect(nth(BrowserWindow.instances, 0).loadedUrl).toBe('app://renderer/index.html');
  });
});
