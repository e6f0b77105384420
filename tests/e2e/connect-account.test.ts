// First run to removal: a user connects an account on a custom base URL (a wrong secret first,
// which the test and Connect both turn down in words, then the right one), picks two deployments from the account's list, sees them in the window
// and the tray, and finally removes the account, which deletes its secret from the keychain.
import type { Page } from 'playwright-core';
import { findMenuItem } from '../../electron/core/tray/find';
import { startStack, type Stack } from './support/stack';
import {
  connectAccount,
  en,
  escapeRegExp,
  fillSetup,
  watchedList,
  watchFromList,
} from './support/window-steps';

const KEY = 'e2e-connect-key';
const SECRET = 'e2e-connect-secret-7f3a';

let stack: Stack;
let page: Page;

beforeAll(async () => {
  stack = await startStack({ simulator: { key: KEY, secret: SECRET } });
  page = await stack.openWindow();
});

/** The setup screen's own region, not the live region that repeats its results for readers. */
const setupScreen = () => page.getByRole('region', { name: en('window.setup.heading') });

/**
 * A wrong secret in words: the app reads a 401 at setup as a likely App ID mix-up, or as a wrong
 * key or secret.
 */
const REJECTED = new RegExp(
  [en('window.setup.result.authFailed'), en('window.setup.result.appId')]
    .map(escapeRegExp)
    .join('|'),
);
const SERVER_REJECTED = en('window.error.serverSaid', { message: 'API key authentication failed' });

/**
 * How far the status bar's words sit above the window's bottom edge: a few pixels of padding
 * when the bar is pinned there, much more when it floats mid-window or is stretched.
 */
async function statusBarGap(): Promise<number> {
  const bar = page.getByRole('contentinfo', { name: en('window.status.label') });
  const words = await bar.getByRole('list').boundingBox();
  const height = page.viewportSize()?.height;
  if (!words || !height) throw new Error('the status bar or the window has no size');
  return height - (words.y + words.height);
}

afterAll(async () => {
  await stack?.close();
});

describe('connecting an account', () => {
  it('opens on the setup screen with the tray asking for setup', async () => {
    await page.getByRole('heading', { name: en('window.setup.heading') }).waitFor();
    const tray = await stack.client.tray();
    expect(tray.icon).toBe('not-set-up');
    expect(findMenuItem(tray, 'setup')?.label).toBe(en('tray.setup'));
    // The setup form is taller than the window: it scrolls, the status bar stays in view.
    const gap = await statusBarGap();
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(16);
  });

  it('says in words that a wrong secret was not accepted', async () => {
    await fillSetup(page, { baseUrl: stack.sim.url, key: KEY, secret: 'not-the-secret' });
    await page.getByRole('button', { name: en('window.setup.test'), exact: true }).click();
    // The outcome in words and what EMQX Cloud itself said.
    await setupScreen().getByText(REJECTED).waitFor();
    await setupScreen().getByText(SERVER_REJECTED).waitFor();
    expect((await stack.client.state()).accounts).toEqual([]);
  });

  it('refuses to connect with the wrong secret, in the same words, and saves nothing', async () => {
    await page.getByRole('button', { name: en('window.setup.connect'), exact: true }).click();
    const alert = setupScreen().getByRole('alert');
    await alert.getByText(REJECTED).waitFor();
    await alert.getByText(SERVER_REJECTED).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      en('window.setup.heading'),
    );
    expect((await stack.client.state()).accounts).toEqual([]);
  });

  it('tests and connects with the right secret', async () => {
    await page.getByLabel(en('window.setup.secret'), { exact: true }).fill(SECRET);
    await page.getByRole('button', { name: en('window.setup.test'), exact: true }).click();
    await setupScreen()
      .getByText(en('window.setup.result.ok', { count: 3 }))
      .waitFor();
    await connectAccount(page, { baseUrl: stack.sim.url, key: KEY, secret: SECRET }, 'Production');
    const [account] = (await stack.client.state()).accounts;
    expect(account).toMatchObject({ label: 'Production', site: 'custom', baseUrl: stack.sim.url });
    expect(await stack.secrets.get(account?.id ?? '')).toBe(SECRET);
  });

  it('watches two deployments picked from the list, in the window and the tray', async () => {
    await watchFromList(page, ['production-broker', 'deployment-w41b11c0']);
    const rows = watchedList(page).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(2);
    await rows.filter({ hasText: 'production-broker' }).getByText(en('status.running')).waitFor();
    await rows.filter({ hasText: 'deployment-w41b11c0' }).getByText(en('status.stopped')).waitFor();

    const accountId = (await stack.client.state()).accounts[0]?.id ?? '';
    await expect
      .poll(async () => {
        const tray = await stack.client.tray();
        return [
          findMenuItem(tray, `deployment:${accountId}/a7c3e9f2`)?.label,
          findMenuItem(tray, `deployment:${accountId}/w41b11c0`)?.label,
          tray.icon,
        ];
      })
      .toEqual([
        en('tray.deploymentLabel', { name: 'production-broker', status: en('status.running') }),
        en('tray.deploymentLabel', { name: 'deployment-w41b11c0', status: en('status.stopped') }),
        'mixed',
      ]);
  });

  it('keeps the status bar at the bottom of the window, however short the list', async () => {
    const addPanel = page.getByRole('region', { name: en('window.add.heading') });
    await addPanel.getByRole('button', { name: en('window.close'), exact: true }).click();
    await addPanel.waitFor({ state: 'detached' });
    const gap = await statusBarGap();
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(16);
  });

  it("opens Settings from the tray's Settings…", async () => {
    const reply = await stack.client.clickTray('open-settings');
    expect(reply.status).toBe(200);
    await page.getByRole('heading', { level: 1, name: en('window.settings.heading') }).waitFor();
    const nav = page.getByRole('navigation', { name: en('window.nav.label') });
    expect(
      await nav
        .getByRole('button', { name: en('window.nav.settings'), exact: true })
        .getAttribute('aria-current'),
    ).toBe('page');
    expect((await stack.client.window()).shows.at(-1)).toEqual({ screen: 'settings' });
  });
});

describe('removing the account', () => {
  it('asks first, then forgets the account and deletes its keychain entry', async () => {
    const accountId = (await stack.client.state()).accounts[0]?.id ?? '';
    expect(await stack.secrets.get(accountId)).toBe(SECRET);

    await page.getByRole('button', { name: en('window.nav.settings'), exact: true }).click();
    const accounts = page.getByRole('list', { name: en('window.settings.accounts') });
    await accounts.getByRole('button', { name: en('window.account.remove'), exact: true }).click();
    const dialog = page.getByRole('dialog', {
      name: en('window.account.removeTitle', { account: 'Production' }),
    });
    await dialog
      .getByRole('button', { name: en('window.account.removeConfirm'), exact: true })
      .click();
    await dialog.waitFor({ state: 'detached' });

    expect((await stack.client.state()).accounts).toEqual([]);
    expect(await stack.secrets.get(accountId)).toBeUndefined();
    const tray = await stack.client.tray();
    expect(tray.icon).toBe('not-set-up');
  });

  it('raised no error in the page', () => {
    expect(stack.pageErrors).toEqual([]);
  });
});
