// Starting a deployment and living with the hourly allowance: a start from the window with its
// confirmation, `starting` at once and `running` when the cloud is done, one notification; then a
// stop nobody asked for (forced through the simulator) and the tray's Start refused until the
// 60-minute window ends, with the time it opens shown in the menu itself.
import type { Page } from 'playwright-core';
import { findMenuItem } from '../../electron/core/tray/find';
import { formatTime } from '../../electron/shared/i18n/format';
import type { DeploymentView } from '../../electron/shared/model';
import { startStack, type Stack } from './support/stack';
import {
  connectAccount,
  detailsOf,
  en,
  openDeployment,
  watchFromList,
  watchedList,
} from './support/window-steps';

const KEY = 'e2e-operate-key';
const SECRET = 'e2e-operate-secret-91c2';
const NAME = 'deployment-w41b11c0';
const ID = 'w41b11c0';
const HOUR_MS = 60 * 60 * 1000;

let stack: Stack;
let page: Page;
let accountId: string;
let key: string;

async function deployment(): Promise<DeploymentView> {
  const d = (await stack.client.state()).deployments.find((x) => x.key === key);
  if (d === undefined) throw new Error(`${key} is not watched`);
  return d;
}

async function trayRowLabel(): Promise<string | undefined> {
  return findMenuItem(await stack.client.tray(), `deployment:${key}`)?.label;
}

const rowLabel = (status: string) => en('tray.deploymentLabel', { name: NAME, status });

beforeAll(async () => {
  stack = await startStack({ simulator: { key: KEY, secret: SECRET, startSeconds: 3 } });
  page = await stack.openWindow();
  await connectAccount(page, { baseUrl: stack.sim.url, key: KEY, secret: SECRET }, 'Ops');
  await watchFromList(page, [NAME, 'production-broker']);
  await vi.waitFor(async () =>
    expect(await watchedList(page).getByRole('listitem').count()).toBe(2),
  );
  accountId = (await stack.client.state()).accounts[0]?.id ?? '';
  key = `${accountId}/${ID}`;
  await vi.waitFor(async () => expect(await trayRowLabel()).toBe(rowLabel(en('status.stopped'))), {
    timeout: 10_000,
  });
});

afterAll(async () => {
  await stack?.close();
});

describe('starting from the window', () => {
  it('asks for confirmation with the consequence spelled out', async () => {
    await openDeployment(page, NAME, ID);
    await detailsOf(page, NAME)
      .getByRole('button', { name: en('op.start'), exact: true })
      .click();
    const dialog = page.getByRole('dialog', { name: en('confirm.start.title') });
    await dialog.getByText(en('confirm.start.detail')).waitFor();
    expect(await dialog.getByText(en('confirm.start.message', { name: NAME })).isVisible()).toBe(
      true,
    );
    await dialog.getByRole('button', { name: en('op.start'), exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows starting at once', async () => {
    // The accepted start itself made it `starting`: no further read was needed for that.
    const d = await deployment();
    expect([d.statusKind, d.pendingOperation?.op]).toEqual(['starting', 'start']);
    await detailsOf(page, NAME)
      .getByText(en('status.starting'), { exact: true })
      .first()
      .waitFor({ timeout: 5_000 });
    expect(await trayRowLabel()).toBe(rowLabel(en('status.starting')));
    expect(stack.sim.cloud.counters().byRoute.start).toBe(1);
  });

  it('shows running when the cloud has finished, with exactly one notification', async () => {
    await detailsOf(page, NAME)
      .getByText(en('status.running'), { exact: true })
      .first()
      .waitFor({ timeout: 60_000 });
    await expect.poll(trayRowLabel).toBe(rowLabel(en('status.running')));
    const notes = await stack.client.notifications();
    expect(notes.map((n) => [n.kind, n.deploymentKey, n.title])).toEqual([
      ['became-running', key, en('notifications.became-running.title', { name: NAME })],
    ]);
  });
});

describe('a stop nobody asked for', () => {
  it('notifies and changes the tray', async () => {
    await stack.simAdmin('POST', `deployments/${ID}/status`, { status: 'stopped' });
    // The next check would find it on its own; a refresh from the tray brings it forward.
    await expect
      .poll(
        async () => {
          await stack.client.clickTray(`deployment:${key}:refresh`);
          return trayRowLabel();
        },
        { timeout: 30_000, interval: 2_000 },
      )
      .toBe(rowLabel(en('status.stopped')));
    expect((await deployment()).unexpectedStop).toBe(true);
    const notes = await stack.client.notifications();
    expect(notes.map((n) => [n.kind, n.deploymentKey])).toEqual([
      ['became-running', key],
      ['unexpected-stop', key],
    ]);
    expect(notes[1]?.title).toBe(en('notifications.unexpected-stop.title', { name: NAME }));
    expect((await stack.client.tray()).icon).toBe('unexpected-stop');
    await detailsOf(page, NAME).getByText(en('window.deployments.unexpectedStop')).waitFor();
  });
});

describe('clicking a notification', () => {
  it('opens that deployment in the window', async () => {
    await page.getByRole('button', { name: en('window.details.back'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: en('window.deployments.heading') }).waitFor();
    const before = (await stack.client.window()).shows.length;
    await stack.client.clickNotification(1);
    await page.getByRole('heading', { level: 1, name: NAME, exact: true }).waitFor();
    expect((await stack.client.window()).shows.slice(before)).toEqual([{ deploymentKey: key }]);
  });
});

describe('starting again from the tray within the hour', () => {
  it('is refused, with the time it becomes available in the menu item', async () => {
    const d = await deployment();
    if (d.start.allowed || d.start.reason !== 'window') {
      throw new Error(
        `expected the hourly window to block a start, got ${JSON.stringify(d.start)}`,
      );
    }
    const { availableAt } = d.start;
    const sentAt = d.transitions.find((t) => t.userInitiated)?.at ?? 0;
    expect(availableAt).toBeGreaterThan(Date.now());
    expect(availableAt - sentAt).toBeGreaterThan(HOUR_MS - 60_000);
    expect(availableAt - sentAt).toBeLessThanOrEqual(HOUR_MS + 60_000);

    const item = findMenuItem(await stack.client.tray(), `deployment:${key}:start`);
    const time = formatTime('en', availableAt);
    expect(time).toMatch(/^\d\d:\d\d$/);
    expect(item).toMatchObject({
      enabled: false,
      label: en('tray.unavailableLabel', {
        action: en('op.start'),
        reason: en('tray.reason.window', { time }),
      }),
      hint: en('block.window', { time }),
    });
    expect(item?.label).toContain(`available at ${time}`);

    const click = await stack.client.clickTray(`deployment:${key}:start`, true);
    expect(click.status).toBe(409);
    expect(stack.sim.cloud.counters().byRoute.start).toBe(1);
  });

  it('is refused in the window too, with the same time said once', async () => {
    const d = await deployment();
    if (d.start.allowed || d.start.reason !== 'window') throw new Error('not blocked');
    const time = formatTime('en', d.start.availableAt);
    const details = detailsOf(page, NAME);
    const start = details.getByRole('button', { name: en('op.start'), exact: true });
    expect(await start.isDisabled()).toBe(true);
    const line = en('window.details.nextOperationAt', { time });
    await details.getByText(line).waitFor();
    expect(await details.getByText(time).count()).toBe(1);
    // A screen reader on the disabled button hears why, from that same line.
    const description = await start.evaluate((button) =>
      (button.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(description).toBe(line);
  });

  it('raised no error in the page', () => {
    expect(stack.pageErrors).toEqual([]);
  });
});
