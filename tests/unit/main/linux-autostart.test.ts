import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  autostartEntry,
  autostartFilePath,
  quoteExecArg,
  setLinuxAutostart,
} from '../../../electron/main/linux-autostart';

describe('Linux autostart entry', () => {
  it('lives under $XDG_CONFIG_HOME when it is set, else ~/.config', () => {
    expect(autostartFilePath({}, '/home/a')).toBe(
      '/home/a/.config/autostart/emqx-cloud-tray.desktop',
    );
    expect(autostartFilePath({ XDG_CONFIG_HOME: '/cfg' }, '/home/a')).toBe(
      '/cfg/autostart/emqx-cloud-tray.desktop',
    );
    // A relative value is invalid per the spec and ignored.
    expect(autostartFilePath({ XDG_CONFIG_HOME: 'cfg' }, '/home/a')).toBe(
      '/home/a/.config/autostart/emqx-cloud-tray.desktop',
    );
  });

  it('quotes paths with spaces and special characters as the spec asks', () => {
    expect(quoteExecArg('/opt/EMQX/app')).toBe('/opt/EMQX/app');
    expect(quoteExecArg('/home/a/My Apps/EMQX Cloud Tray.AppImage')).toBe(
      '"/home/a/My Apps/EMQX Cloud Tray.AppImage"',
    );
    expect(quoteExecArg('/x/100% "$y"')).toBe('"/x/100%% \\\\"\\\\$y\\\\""');
  });

  it('writes a complete entry and removes it', async () => {
    const home = await mkdtemp(join(tmpdir(), 'autostart-'));
    try {
      await setLinuxAutostart(true, { home, env: {}, command: ['/opt/tray.AppImage'] });
      const file = join(home, '.config/autostart/emqx-cloud-tray.desktop');
      expect(await readFile(file, 'utf8')).toBe(
        autostartEntry(['/opt/tray.AppImage', '--autostart']),
      );
      await setLinuxAutostart(false, { home, env: {}, command: ['/opt/tray.AppImage'] });
      await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
