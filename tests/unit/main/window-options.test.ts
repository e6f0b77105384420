import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../electron/main/window-options';

describe('main window options', () => {
  const options = mainWindowOptions('/app/dist/preload/index.cjs');

  it('isolates and sandboxes the page, without Node', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('loads the bundled preload', () => {
    expect(options.webPreferences?.preload).toBe('/app/dist/preload/index.cjs');
  });

  it('is a small window that starts hidden', () => {
    expect(options).toMatchObject({ width: 420, height: 600, show: false });
  });
});
