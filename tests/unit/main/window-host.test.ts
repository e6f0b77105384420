import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./fake-electron'));
import { BrowserWindow, app, clipboard, dialog, resetFakeElectron, shell } from './fake-electron';
import { createMainWindow } from '../../../electron/main/main-window';
import { createElectronWindowHost } from '../../../electron/main/window-host';
import type { ConfirmRequest, WindowHost } from '../../../electron/core/app/ports';
import { nth } from './must';

const confirmRequest: ConfirmRequest = {
  title: 'Stop prod-broker?',
  message: 'Stop prod-broker?',
  detail: 'Clients are disconnected. One start or stop per hour.',
  confirmLabel: 'Stop',
  cancelLabel: 'Cancel',
};

describe('window host', () => {
  let quitting = false;
  const log = vi.fn();
  const focusDeployment = vi.fn();
  const focusScreen = vi.fn();
  let host: WindowHost;

  const make = (platform: NodeJS.Platform = 'linux'): WindowHost => {
    const window = createMainWindow({
      preloadPath: '/app/dist/preload/index.cjs',
      url: 'app://renderer/index.html',
      isQuitting: () => quitting,
      log,
    });
    return createElectronWindowHost({
      window,
      platform,
      appDir: '/app',
      focusDeployment,
      focusScreen,
      log,
    });
  };

  beforeEach(() => {
    resetFakeElectron();
    quitting = false;
    log.mockClear();
    focusDeployment.mockClear();
    focusScreen.mockClear();
    host = make();
  });

  it('creates one window lazily, loads the app page, and shows it once painted', () => {
    expect(BrowserWindow.instances).toHaveLength(0);
    host.show();
    host.show();
    expect(BrowserWindow.instances).toHaveLength(1);
    const win = nth(BrowserWindow.instances, 0);
    expect(win.loadedUrl).toBe('app://renderer/index.html');
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('hides the window on close unless the app is quitting', () => {
    host.show();
    const win = nth(BrowserWindow.instances, 0);
    win.show();
    expect(win.userClose()).toBe(false);
    expect(win.visible).toBe(false);
    quitting = true;
    expect(win.userClose()).toBe(true);
    host.show();
    expect(BrowserWindow.instances).toHaveLength(2);
  });

  it('asks the controller again to open a deployment once a new window has loaded', () => {
    host.show('acc1/w41b11c0');
    const win = nth(BrowserWindow.instances, 0);
    expect(focusDeployment).not.toHaveBeenCalled();
    win.finishLoad();
    expect(focusDeployment.mock.calls).toEqual([['acc1/w41b11c0']]);
    // Never a snapshot of its own: only the controller numbers revisions.
    expect(win.webContents.send).not.toHaveBeenCalled();
    host.show('acc1/x9y8z7w6');
    expect(focusDeployment.mock.calls).toEqual([['acc1/w41b11c0'], ['acc1/x9y8z7w6']]);
    host.show();
    expect(focusDeployment).toHaveBeenCalledTimes(2);
  });

  it('asks the controller again to show a screen once a new window has loaded', () => {
    host.showScreen('settings');
    const win = nth(BrowserWindow.instances, 0);
    expect(focusScreen).not.toHaveBeenCalled();
    win.finishLoad();
    expect(focusScreen.mock.calls).toEqual([['settings']]);
    expect(win.webContents.send).not.toHaveBeenCalled();
    // A loaded window: asked at once, and shown again.
    win.hide();
    host.showScreen('settings');
    expect(focusScreen.mock.calls).toEqual([['settings'], ['settings']]);
    expect(win.visible).toBe(true);
    expect(BrowserWindow.instances).toHaveLength(1);
    expect(focusDeployment).not.toHaveBeenCalled();
  });

  it('confirms only on the confirm button, with cancel as the default', async () => {
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    expect(await host.confirm(confirmRequest)).toBe(false);
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    expect(await host.confirm(confirmRequest)).toBe(true);
    const options = nth(dialog.showMessageBox.mock.calls, 0).at(-1);
    expect(options).toMatchObject({
      title: 'Stop prod-broker?',
      detail: 'Clients are disconnected. One start or stop per hour.',
      buttons: ['Cancel', 'Stop'],
      defaultId: 0,
      cancelId: 0,
    });
  });

  it('opens only EMQX Cloud console addresses in the browser', () => {
    host.openExternal('https://cloud-intl.emqx.com/console/deployments/w41b11c0/overview');
    host.openExternal('https://cloud.emqx.com/console/');
    for (const url of [
      'https://evil.example/',
      'http://cloud.emqx.com/console/',
      'https://cloud.emqx.com.evil.example/',
      'https://user:pw@cloud.emqx.com/',
      'https://cloud.emqx.com:8443/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ]) {
      host.openExternal(url);
    }
    expect(shell.openExternal.mock.calls.map((c) => c[0])).toEqual([
      'https://cloud-intl.emqx.com/console/deployments/w41b11c0/overview',
      'https://cloud.emqx.com/console/',
    ]);
    expect(log).toHaveBeenCalledWith(
      expect.stringContaining('refused to open https://evil.example/'),
    );
  });

  it('copies text, reports the system locale and quits', () => {
    host.copyText('w41b11c0');
    expect(clipboard.writeText).toHaveBeenCalledWith('w41b11c0');
    expect(host.systemLocale()).toBe('zh-CN');
    app.getPreferredSystemLanguages.mockReturnValueOnce([]);
    expect(host.systemLocale()).toBe('en-US');
    host.quit();
    expect(app.quitCalls).toBe(1);
  });

  it('uses the login item on macOS and Windows', async () => {
    await make('darwin').setLaunchAtLogin(true);
    await make('win32').setLaunchAtLogin(false);
    expect(app.setLoginItemSettings.mock.calls).toEqual([
      [{ openAtLogin: true, args: ['--autostart'] }],
      [{ openAtLogin: false, args: ['--autostart'] }],
    ]);
  });

  describe('on Linux', () => {
    let home: string;
    const saved = { HOME: process.env.HOME, XDG: process.env.XDG_CONFIG_HOME };
    beforeEach(async () => {
      home = await mkdtemp(join(tmpdir(), 'tray-home-'));
      process.env.HOME = home;
      delete process.env.XDG_CONFIG_HOME;
    });
    afterEach(async () => {
      process.env.HOME = saved.HOME;
      if (saved.XDG !== undefined) process.env.XDG_CONFIG_HOME = saved.XDG;
      await rm(home, { recursive: true, force: true });
    });

    it('writes and removes an autostart entry in ~/.config/autostart', async () => {
      const file = join(home, '.config', 'autostart', 'emqx-cloud-tray.desktop');
      await host.setLaunchAtLogin(true);
      const text = await readFile(file, 'utf8');
      expect(text).toMatch(/^\[Desktop Entry\]\n/);
      expect(text).toContain('Type=Application');
      // Unpackaged: Electron's binary plus the app directory, then the login marker.
      expect(text).toContain(`Exec=${process.execPath} /app --autostart`);
      await host.setLaunchAtLogin(false);
      await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
      // Removing twice is fine.
      await host.setLaunchAtLogin(false);
      expect(app.setLoginItemSettings).not.toHaveBeenCalled();
    });
  });
});
