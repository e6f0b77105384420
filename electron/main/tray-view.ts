// The TrayView port on Electron's Tray. Each render rebuilds the whole menu from the model and
// sets it again: Electron menus are immutable once built, and Linux panels only pick up a
// change through a new setContextMenu call.
import { join } from 'node:path';
import { Menu, Tray, nativeImage, nativeTheme } from 'electron';
import type { TrayModel } from '../core/tray/model';
import type { TrayView } from '../core/app/ports';
import { trayIconFile } from './icon-files';
import { toMenuTemplate } from './tray-menu';

export interface ElectronTrayViewOptions {
  appDir: string;
  platform: NodeJS.Platform;
  onItem(itemId: string): void;
}

export interface ElectronTrayView extends TrayView {
  destroy(): void;
}

export function createElectronTrayView(opts: ElectronTrayViewOptions): ElectronTrayView {
  let tray: Tray | undefined;
  let last: TrayModel | undefined;

  const image = (model: TrayModel): Electron.NativeImage => {
    const file = join(
      opts.appDir,
      trayIconFile(model.icon, opts.platform, nativeTheme.shouldUseDarkColors),
    );
    const img = nativeImage.createFromPath(file);
    // macOS tints template images for light and dark menu bars itself.
    if (opts.platform === 'darwin') img.setTemplateImage(true);
    return img;
  };

  const draw = (model: TrayModel): void => {
    const icon = image(model);
    if (tray === undefined) {
      tray = new Tray(icon);
      if (opts.platform === 'win32') {
        // A left click on Windows does nothing by default; users expect the menu.
        const t = tray;
        t.on('click', () => t.popUpContextMenu());
      }
    } else {
      tray.setImage(icon);
    }
    tray.setToolTip(model.tooltip);
    if (opts.platform === 'darwin') tray.setTitle(model.title);
    tray.setContextMenu(
      Menu.buildFromTemplate(toMenuTemplate(model.menu, opts.onItem, opts.platform)),
    );
  };

  // Linux and Windows icons have light and dark variants; follow the system when it switches.
  const onThemeChange = (): void => {
    if (last !== undefined && tray !== undefined) draw(last);
  };
  nativeTheme.on('updated', onThemeChange);

  return {
    render(model) {
      last = model;
      draw(model);
    },
    destroy() {
      nativeTheme.off('updated', onThemeChange);
      tray?.destroy();
      tray = undefined;
    },
  };
}
