import { describe, expect, it } from 'vitest';
import { makeFixture, ok } from './fixture';

describe('controller: preferences changed in quick succession', () => {
  it('keeps a change made while an earlier one waited for the OS', async () => {
    const f = makeFixture();
    let letGo: () => void = () => undefined;
    f.window.setLaunchAtLogin = () => new Promise<void>((resolve) => (letGo = resolve));
    await f.controller.start();
    const login = f.controller.invoke('preferences.update', { launchAtLogin: true });
    await f.advance();
    await ok(f.controller.invoke('preferences.update', { theme: 'dark' }));
    letGo();
    const after = await ok(login);
    expect(after).toMatchObject({ launchAtLogin: true, theme: 'dark' });
    await f.advance();
    expect(f.controller.snapshot().preferences).toMatchObject({
      launchAtLogin: true,
      theme: 'dark',
    });
    expect(f.settings.document).toMatchObject({
      preferences: { launchAtLogin: true, theme: 'dark' },
    });
    await f.controller.dispose();
  });
});
