// The Electron shell around the real controller and settings codec (only Electron itself is a
// stand-in): the app starts, the first run opens the window, the page's commands reach the
// controller through IPC, the demo cloud fills the tray, and quitting saves.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
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
  resetFakeElectron,
  type FakeMenu,
} from './fake-electron';
import { createController } from '../../../electron/core/app/controller';
import { settingsCodec } from '../../../electron/core/settings';
import { runApp } from '../../../electron/main/run-app';
import { STATE_CHANGED } from '../../../electron/shared/contract';
import type { AppSnapshot } from '../../../electron/shared/model';
import type { SecretStore } from '../../../electron/core/app/ports';
import { DEFAULT_KEY, DEFAULT_SECRET } from '../../../electron/simulator';
import { must, nth } from './must';

function memorySecrets(): SecretStore {
  const map = new Map<string, string>();
  return {
    status: async () => ({ available: true }),
    get: async (id) => map.get(id),
    set: async (id, secret) => void map.set(id, secret),
    delete: async (id) => void map.delete(id),
  };
}

const fromPage = { senderFrame: { url: 'app://renderer/index.html', parent: null } };

async function invoke(command: string, payload: unknown): Promise<unknown> {
  return must(ipcMain.handlers.get(`cmd:${command}`), command)(fromPage, payload);
}

describe('Electron shell with the real controller', () => {
  let dir: string;
  beforeEach(() => {
    resetFakeElectron();
    dir = mkdtempSync(join(tmpdir(), 'shell-'));
    app.userData = dir;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts, opens the window at first run, runs the demo into the tray, and saves on quit', async () => {
    const running = runApp({
      createController,
      settingsCodec,
      secrets: memorySecrets(),
      userDataDir: dir,
    });
    await running.ready;

    // First run: no account, so the window opens; the tray shows "not set up".
    expect(BrowserWindow.instances).toHaveLength(1);
    const tray = nth(Tray.instances, 0);
    expect(tray.image.path).toMatch(/assets\/tray\/light\/not-set-up-24\.png$/);

    const state = (await invoke('state.get', {})) as { ok: true; value: AppSnapshot };
    expect(state.ok).toBe(true);
    expect(state.value.accounts).toEqual([]);

    // Settings… from the tray while the page still loads: the request reaches it once loaded.
    const menu = must(tray.menus.at(-1)) as FakeMenu;
    const settingsItem = must(menu.template.find((item) => item.id === 'open-settings'));
    (settingsItem.click as () => void)();
    const win = nth(BrowserWindow.instances, 0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(win.webContents.send).not.toHaveBeenCalled();
    win.finishLoad();
    await vi.waitFor(() =>
      expect(win.webContents.send).toHaveBeenCalledWith(
        STATE_CHANGED,
        expect.objectContaining({ focusScreen: { screen: 'settings', seq: expect.any(Number) } }),
      ),
    );
    const demo = (await invoke('demo.start', {})) as { ok: boolean };
    expect(demo.ok).toBe(true);

    await vi.waitFor(
      () => {
        const menu = must(tray.menus.at(-1)) as FakeMenu;
        const labels = JSON.stringify(menu.template);
        expect(labels).toMatch(/●|○/);
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(win.webContents.send).toHaveBeenCalledWith(
      STATE_CHANGED,
      expect.objectContaining({ demo: true }),
    );
    expect(tray.image.path).not.toMatch(/not-set-up/);

    // A real account on the demo cloud: its record is saved, its secret goes to the keychain.
    const now = (await invoke('state.get', {})) as { ok: true; value: AppSnapshot };
    const added = (await invoke('account.add', {
      site: 'custom',
      baseUrl: must(now.value.accounts[0]).baseUrl,
      key: DEFAULT_KEY,
      secret: DEFAULT_SECRET,
      label: 'Saved',
    })) as { ok: boolean };
    expect(added.ok).toBe(true);

    app.quit();
    await vi.waitFor(() => expect(app.quitCalls).toBe(2), { timeout: 10_000 });
    expect(tray.destroyed).toBe(true);
    expect(existsSync(join(dir, 'settings.json'))).toBe(true);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toContain('"label": "Saved"');
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) =>
      e.isFile(),
    );
    for (const file of files) {
      const text = readFileSync(join(file.parentPath, file.name), 'latin1');
      expect(text, file.name).not.toContain(DEFAULT_SECRET);
    }
  });
});
