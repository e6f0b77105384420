import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./fake-electron'));
import { Tray, nativeTheme, resetFakeElectron, type FakeMenu } from './fake-electron';
import { createElectronTrayView } from '../../../electron/main/tray-view';
import type { TrayModel } from '../../../electron/core/tray/model';
import { must, nth } from './must';

const model = (overrides: Partial<TrayModel> = {}): TrayModel => ({
  icon: 'all-running',
  tooltip: 'EMQX Cloud: 1 running',
  title: '',
  menu: [
    {
      id: 'deployment:acc1/w41b11c0',
      type: 'submenu',
      label: 'prod-broker',
      enabled: true,
      status: 'running',
      submenu: [
        { id: 'deployment:acc1/w41b11c0:stop', type: 'normal', label: 'Stop…', enabled: true },
        {
          id: 'deployment:acc1/w41b11c0:start',
          type: 'normal',
          label: 'Start',
          enabled: false,
          hint: 'Not available in the current state (running)',
        },
      ],
    },
    { id: 'sep-1', type: 'separator', label: '', enabled: true },
    { id: 'quit', type: 'normal', label: 'Quit', enabled: true },
  ],
  ...overrides,
});

type Item = Record<string, unknown> & { click?: () => void; submenu?: Item[] };
const lastMenu = (tray: Tray): Item[] => (tray.menus.at(-1) as FakeMenu).template as Item[];

describe('tray view', () => {
  const onItem = vi.fn();
  beforeEach(() => {
    resetFakeElectron();
    onItem.mockClear();
  });

  it('sets a freshly built menu after every render', () => {
    const view = createElectronTrayView({ appDir: '/app', platform: 'linux', onItem });
    view.render(model());
    view.render(model({ icon: 'transitional', tooltip: 'Stopping…' }));
    expect(Tray.instances).toHaveLength(1);
    const tray = nth(Tray.instances, 0);
    expect(tray.menus).toHaveLength(2);
    expect(tray.menus[0]).not.toBe(tray.menus[1]);
    expect(tray.tooltip).toBe('Stopping…');
  });

  it('wires every clickable item to its id', () => {
    const view = createElectronTrayView({ appDir: '/app', platform: 'linux', onItem });
    view.render(model());
    const menu = lastMenu(nth(Tray.instances, 0));
    must(nth(must(nth(menu, 0).submenu), 0).click)();
    must(nth(menu, 2).click)();
    expect(onItem.mock.calls).toEqual([['deployment:acc1/w41b11c0:stop'], ['quit']]);
  });

  it('keeps the model: labels with a status mark, disabled items, separators, hints', () => {
    const view = createElectronTrayView({ appDir: '/app', platform: 'darwin', onItem });
    view.render(model());
    const menu = lastMenu(nth(Tray.instances, 0));
    expect(nth(menu, 0).label).toBe('●  prod-broker');
    expect(nth(must(nth(menu, 0).submenu), 1)).toMatchObject({
      enabled: false,
      toolTip: 'Not available in the current state (running)',
      sublabel: 'Not available in the current state (running)',
    });
    expect(menu[1]).toMatchObject({ type: 'separator' });
  });

  it('uses template images and the title on macOS', () => {
    const view = createElectronTrayView({ appDir: '/app', platform: 'darwin', onItem });
    view.render(model({ icon: 'error', title: '2' }));
    const tray = nth(Tray.instances, 0);
    expect(tray.image.path).toBe('/app/assets/tray/mac/errorTemplate.png');
    expect(tray.image.template).toBe(true);
    expect(tray.title).toBe('2');
  });

  it('follows the panel theme on Linux and redraws when it changes', () => {
    const view = createElectronTrayView({ appDir: '/app', platform: 'linux', onItem });
    view.render(model({ icon: 'offline' }));
    const tray = nth(Tray.instances, 0);
    expect(tray.image.path).toBe('/app/assets/tray/light/offline-24.png');
    expect(tray.title).toBeUndefined();
    nativeTheme.shouldUseDarkColors = true;
    nativeTheme.emit('updated');
    expect(tray.image.path).toBe('/app/assets/tray/dark/offline-24.png');
    expect(tray.menus).toHaveLength(2);
  });

  it('uses an .ico on Windows and opens the menu on a left click', () => {
    const view = createElectronTrayView({ appDir: 'C:/app', platform: 'win32', onItem });
    view.render(model({ icon: 'mixed' }));
    const tray = nth(Tray.instances, 0);
    expect(tray.image.path.replace(/\\/g, '/')).toBe('C:/app/assets/tray/win/mixed-light.ico');
    tray.emit('click');
    expect(tray.popUps).toBe(1);
  });

  it('destroys the tray icon and stops following the theme', () => {
    const view = createElectronTrayView({ appDir: '/app', platform: 'linux', onItem });
    view.render(model());
    view.destroy();
    expect(nth(Tray.instances, 0).destroyed).toBe(true);
    expect(nativeTheme.listenerCount('updated')).toBe(0);
  });
});
