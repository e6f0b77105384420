// "Try the demo" from the first-run screen: the built-in simulator's deployments appear, and the
// demo says what it is wherever the app shows itself (window title, status bar, notice, tray
// tooltip, the account in Settings), until the demo account is removed.
import type { Page } from 'playwright-core';
import { startStack, type Stack } from './support/stack';
import { en, watchedList } from './support/window-steps';

let stack: Stack;
let page: Page;

beforeAll(async () => {
  stack = await startStack();
  page = await stack.openWindow();
  await page.getByRole('heading', { name: en('window.setup.heading') }).waitFor();
});

afterAll(async () => {
  await stack?.close();
});

const statusBar = () => page.getByRole('contentinfo', { name: en('window.status.label') });

describe('trying the demo', () => {
  it('watches the simulated deployments at once', async () => {
    await page.getByRole('button', { name: en('window.setup.demo.start'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: en('window.deployments.heading') }).waitFor();
    const rows = watchedList(page).getByRole('listitem');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const state = await stack.client.state();
    expect(state.demo).toBe(true);
    expect(state.accounts.map((a) => a.demo)).toEqual([true]);
    expect(await rows.count()).toBe(state.deployments.length);
  });

  it('is labelled a demo in the window title, the status bar and a notice', async () => {
    await expect.poll(() => page.title()).toBe(en('window.titleDemo'));
    expect(await statusBar().getByText(en('common.demo'), { exact: true }).isVisible()).toBe(true);
    const notices = page.getByRole('list', { name: en('window.notice.label') });
    expect(await notices.getByText(en('window.notice.demo-mode')).isVisible()).toBe(true);
  });

  it('is labelled a demo in the tray tooltip and at the top of the tray menu', async () => {
    const tray = await stack.client.tray();
    expect(tray.tooltip.split('\n')[0]).toBe(
      en('tray.tooltip.demoTitle', { app: en('common.appName'), demo: en('common.demo') }),
    );
    expect(tray.menu[0]).toMatchObject({ label: en('tray.demo'), enabled: false });
  });

  it('is labelled a demo in Settings, and leaves no trace once removed', async () => {
    await page.getByRole('button', { name: en('window.nav.settings'), exact: true }).click();
    const accounts = page.getByRole('list', { name: en('window.settings.accounts') });
    await accounts.getByText(en('common.demo'), { exact: true }).first().waitFor();
    await accounts.getByRole('button', { name: en('window.account.remove'), exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(en('window.account.removeBodyDemo')).waitFor();
    await dialog
      .getByRole('button', { name: en('window.account.removeConfirm'), exact: true })
      .click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.title()).toBe(en('window.title'));
    const state = await stack.client.state();
    expect([state.demo, state.accounts, state.deployments]).toEqual([false, [], []]);
    const tray = await stack.client.tray();
    expect(tray.tooltip).not.toContain(en('common.demo'));
    expect(tray.menu.map((item) => item.label)).not.toContain(en('tray.demo'));
  });

  it('raised no error in the page', () => {
    expect(stack.pageErrors).toEqual([]);
  });
});
