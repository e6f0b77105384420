import { describe, expect, it } from 'vitest';
import { SettingsUnreadableError } from '../../../electron/core/settings';
import { KEY, SECRET, makeFixture, ok } from './fixture';

const PATH = '/home/someone/.config/emqx-cloud-tray/settings.json';

describe('controller: a settings file that cannot be read', () => {
  it('runs on defaults with the tray and window up, says why, and never saves', async () => {
    const f = makeFixture({ settings: { version: 2, preferences: { theme: 'dark' } } });
    const before = f.settings.text;
    f.settings.load = () => {
      throw new SettingsUnreadableError(PATH, 'EACCES');
    };
    await f.controller.start();
    expect(f.tray.models.length).toBeGreaterThan(0);
    expect(f.window.shows).toEqual([undefined]);
    const s = f.controller.snapshot();
    expect(s.preferences.theme).toBe('system');
    expect(s.notices.map((n) => [n.kind, n.params])).toEqual([
      ['settings-unreadable', { path: PATH, reason: 'EACCES' }],
    ]);

    await ok(f.controller.invoke('preferences.update', { theme: 'light' }));
    await ok(
      f.controller.invoke('account.add', {
        site: 'international',
        key: KEY,
        secret: SECRET,
        label: 'Work',
      }),
    );
    await f.advance();
    await f.controller.dispose();
    expect(f.settings.saves).toBe(0);
    expect(f.settings.text).toBe(before);
  });

  it('does the same for any other failure of the store', async () => {
    const f = makeFixture();
    f.settings.load = () => {
      throw new Error('EIO: i/o error, open');
    };
    await f.controller.start();
    expect(f.controller.snapshot().notices[0]).toMatchObject({
      kind: 'settings-unreadable',
      params: { reason: 'EIO: i/o error, open' },
    });
    await f.controller.dispose();
    expect(f.settings.saves).toBe(0);
  });
});
