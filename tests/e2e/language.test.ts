// Switching the language to 简体中文 in Settings turns the window and the tray menu (labels,
// tooltip and the confirmation a menu item asks for) into Chinese at once, and back again.
import type { Page } from 'playwright-core';
import { findMenuItem } from '../../electron/core/tray/find';
import type { TrayModel } from '../../electron/core/tray/model';
import { startStack, type Stack } from './support/stack';
import { connectAccount, en, watchFromList, watchedList, zh } from './support/window-steps';

const KEY = 'e2e-language-key';
const SECRET = 'e2e-language-secret-4d1e';
const HAN = /\p{Script=Han}/u;

let stack: Stack;
let page: Page;
let key: string;

beforeAll(async () => {
  stack = await startStack({ simulator: { key: KEY, secret: SECRET } });
  page = await stack.openWindow();
  await connectAccount(page, { baseUrl: stack.sim.url, key: KEY, secret: SECRET }, 'Lang');
  await watchFromList(page, ['deployment-w41b11c0']);
  await vi.waitFor(async () =>
    expect(await watchedList(page).getByRole('listitem').count()).toBe(1),
  );
  key = `${(await stack.client.state()).accounts[0]?.id ?? ''}/w41b11c0`;
  await vi.waitFor(
    async () =>
      expect(findMenuItem(await stack.client.tray(), `deployment:${key}`)?.status).toBe('stopped'),
    { timeout: 10_000 },
  );
});

afterAll(async () => {
  await stack?.close();
});

function labels(tray: TrayModel, ids: string[]): (string | undefined)[] {
  return ids.map((id) => findMenuItem(tray, id)?.label);
}

describe('switching to Chinese', () => {
  it('is offered in Settings under its own name', async () => {
    await page.getByRole('button', { name: en('window.nav.settings'), exact: true }).click();
    const language = page.getByLabel(en('window.settings.language'), { exact: true });
    await language.selectOption({ label: '简体中文' });
    await page.getByRole('heading', { level: 1, name: zh('window.settings.heading') }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect((await stack.client.state()).preferences.language).toBe('zh-CN');
  });

  it('shows the window in Chinese', async () => {
    const nav = page.getByRole('navigation', { name: zh('window.nav.label') });
    await nav.getByRole('button', { name: zh('window.nav.deployments'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: zh('window.deployments.heading') }).waitFor();
    const row = page
      .getByRole('list', { name: zh('window.deployments.heading') })
      .getByRole('listitem');
    await row.getByText(zh('status.stopped'), { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: zh('window.deployments.add') }).isVisible()).toBe(
      true,
    );
    expect(zh('window.deployments.heading')).toMatch(HAN);
  });

  it('shows the tray menu in Chinese', async () => {
    const tray = await stack.client.tray();
    const ids = [
      `deployment:${key}`,
      `deployment:${key}:start`,
      'refresh-all',
      'open-window',
      'open-settings',
      'quit',
    ];
    expect(labels(tray, ids)).toEqual([
      zh('tray.deploymentLabel', { name: 'deployment-w41b11c0', status: zh('status.stopped') }),
      zh('tray.start'),
      zh('tray.refreshAll'),
      zh('tray.openWindow'),
      zh('tray.settings'),
      zh('tray.quit'),
    ]);
    for (const label of labels(tray, ids.slice(1))) expect(label).toMatch(HAN);
    expect(tray.tooltip).toMatch(HAN);
  });

  it('asks for confirmation in Chinese from the tray', async () => {
    const reply = await stack.client.clickTray(`deployment:${key}:start`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      activated: `deployment:${key}:start`,
      confirmations: [
        {
          answer: false,
          request: expect.objectContaining({
            title: zh('confirm.start.title'),
            message: zh('confirm.start.message', { name: 'deployment-w41b11c0' }),
            detail: zh('confirm.start.detail'),
          }),
        },
      ],
    });
    expect(stack.sim.cloud.counters().byRoute.start).toBe(0);
  });

  it('goes back to English', async () => {
    await page.getByRole('button', { name: zh('window.nav.settings'), exact: true }).click();
    await page
      .getByLabel(zh('window.settings.language'), { exact: true })
      .selectOption({ label: en('window.settings.language.en') });
    await page.getByRole('heading', { level: 1, name: en('window.settings.heading') }).waitFor();
    await vi.waitFor(async () =>
      expect(labels(await stack.client.tray(), ['refresh-all', 'quit'])).toEqual([
        en('tray.refreshAll'),
        en('tray.quit'),
      ]),
    );
  });

  it('raised no error in the page', () => {
    expect(stack.pageErrors).toEqual([]);
  });
});
