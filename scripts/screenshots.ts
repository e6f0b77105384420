// `npm run screenshots`: pictures of the window's main screens (setup, deployments, the add
// panel, details, settings) in both themes and both languages, and of the tray menu as its model
// describes it, into docs/screenshots/. It builds the window UI, starts a simulator and the
// headless shell with an account on it, and drives Debian's Chromium. The keychain entry it makes
// (under a service name of its own) is deleted again at the end.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { translate, type MessageKey } from '../electron/shared/i18n';
import type { CommandName, CommandRequest, CommandResult } from '../electron/shared/contract';
import type { Locale } from '../electron/shared/model';
import { startStack, type Stack } from '../tests/e2e/support/stack';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'docs', 'screenshots');
const LOCALES: Locale[] = ['en', 'zh-CN'];
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];
const KEY = 'screenshots-key';
const SECRET = 'screenshots-secret';
const WINDOW = { width: 420, height: 600 };

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** A command through the page's own window.api, exactly as the window sends it. */
async function invoke<C extends CommandName>(
  page: Page,
  command: C,
  request: CommandRequest<C>,
): Promise<CommandResult<C>> {
  const result = await page.evaluate(
    ([c, r]) =>
      (window as unknown as { api: { invoke: (c: string, r: unknown) => unknown } }).api.invoke(
        c,
        r,
      ),
    [command, request] as const,
  );
  const typed = result as CommandResult<C>;
  if (!typed.ok) throw new Error(`${command} failed: ${JSON.stringify(typed.error)}`);
  return typed;
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // A theme switch starts colour transitions; a picture taken mid-way shows neither theme.
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((a) => a.finished)).then(() => undefined),
  );
  // Two frames, so the last state change has been painted.
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  );
}

async function setLanguage(page: Page, locale: Locale): Promise<void> {
  await invoke(page, 'preferences.update', { language: locale });
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
}

async function shoot(page: Page, name: string): Promise<void> {
  // The last click leaves the pointer over a button, whose hover colour would be in the picture.
  await page.mouse.move(0, 0);
  await settle(page);
  const file = join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  say(`  ${file.slice(ROOT.length + 1)}`);
}

async function navigate(page: Page, locale: Locale, to: 'deployments' | 'settings'): Promise<void> {
  const t = (key: MessageKey) => translate(locale, key);
  await page.getByRole('button', { name: t(`window.nav.${to}`), exact: true }).click();
  const heading = to === 'settings' ? 'window.settings.heading' : 'window.deployments.heading';
  await page.getByRole('heading', { level: 1, name: t(heading) }).waitFor();
}

async function connect(stack: Stack, page: Page): Promise<string> {
  // A mix worth showing: one running, one being started, one stopped.
  await stack.simAdmin('POST', 'deployments/k9d2s7x4/status', { status: 'stopped' });
  const added = await invoke(page, 'account.add', {
    site: 'custom',
    baseUrl: stack.sim.url,
    key: KEY,
    secret: SECRET,
    label: 'Production',
  });
  const accountId = added.ok ? added.value.accountId : '';
  for (const deploymentId of ['a7c3e9f2', 'w41b11c0', 'k9d2s7x4']) {
    await invoke(page, 'deployment.add', { accountId, deploymentId });
  }
  await invoke(page, 'deployment.operate', {
    accountId,
    deploymentId: 'w41b11c0',
    op: 'start',
    confirmed: true,
  });
  for (;;) {
    const snapshot = await stack.client.state();
    const ready = snapshot.deployments.every((d) => d.checkedAt !== undefined);
    const starting = snapshot.deployments.some((d) => d.statusKind === 'starting');
    if (ready && starting) {
      for (const notice of snapshot.notices)
        await invoke(page, 'notice.dismiss', { id: notice.id });
      return accountId;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  say('building the window UI');
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });

  // Starting stays "starting" for the whole run, so the pictures show a transition.
  const stack = await startStack({ simulator: { key: KEY, secret: SECRET, startSeconds: 3600 } });
  try {
    const page = await stack.openWindow({ viewport: WINDOW, deviceScaleFactor: 2 });
    await page.getByRole('heading', { level: 1 }).waitFor();

    say('first run');
    for (const locale of LOCALES) {
      await setLanguage(page, locale);
      for (const theme of THEMES) {
        await page.emulateMedia({ colorScheme: theme });
        await page
          .getByRole('heading', { name: translate(locale, 'window.setup.heading') })
          .waitFor();
        await shoot(page, `setup-${locale}-${theme}`);
      }
    }

    say('with an account');
    const accountId = await connect(stack, page);
    for (const locale of LOCALES) {
      await setLanguage(page, locale);
      const t = (key: MessageKey) => translate(locale, key);
      for (const theme of THEMES) {
        await page.emulateMedia({ colorScheme: theme });
        await navigate(page, locale, 'deployments');
        // The add panel opens by itself while nothing is watched; the list is the picture.
        const addPanel = page.getByRole('region', { name: t('window.add.heading') });
        if (await addPanel.isVisible()) {
          await addPanel.getByRole('button', { name: t('window.close'), exact: true }).click();
        }
        await shoot(page, `deployments-${locale}-${theme}`);
        await addPicture(page, locale, theme);
        await page
          .getByRole('list', { name: t('window.deployments.heading') })
          .getByRole('button', { name: /production-broker a7c3e9f2/ })
          .click();
        await page.getByRole('heading', { level: 1, name: 'production-broker' }).waitFor();
        await shoot(page, `details-${locale}-${theme}`);
        await navigate(page, locale, 'settings');
        await shoot(page, `settings-${locale}-${theme}`);
        await trayPicture(stack, `${accountId}/a7c3e9f2`, locale, theme);
      }
    }
    if (stack.pageErrors.length > 0) throw new Error(`page errors: ${stack.pageErrors.join('; ')}`);
  } finally {
    await stack.close();
  }
}

/** The add panel with the account's list loaded: watched ones carry their tag. */
async function addPicture(page: Page, locale: Locale, theme: Theme): Promise<void> {
  const t = (key: MessageKey) => translate(locale, key);
  await page.getByRole('button', { name: t('window.deployments.add'), exact: true }).click();
  const panel = page.getByRole('region', { name: t('window.add.heading') });
  const load = panel.getByRole('button', { name: t('window.add.load'), exact: true });
  const reload = panel.getByRole('button', { name: t('window.add.reload'), exact: true });
  // The panel keeps a list it has already loaded; a fresh one costs one read.
  if (!(await reload.isVisible())) await load.click();
  await panel.getByText(t('window.add.watched')).first().waitFor();
  await shoot(page, `add-deployments-${locale}-${theme}`);
  await panel.getByRole('button', { name: t('window.close'), exact: true }).click();
}

async function trayPicture(stack: Stack, key: string, locale: Locale, theme: Theme): Promise<void> {
  const context = await stack.browser.newContext({ deviceScaleFactor: 2, colorScheme: theme });
  try {
    const page = await context.newPage();
    const url = new URL('/__harness/tray.html', stack.harness.url);
    url.searchParams.set('theme', theme);
    url.searchParams.set('open', `deployment:${key}`);
    await page.goto(url.href);
    await settle(page);
    const file = join(OUT, `tray-menu-${locale}-${theme}.png`);
    await page.locator('#tray').screenshot({ path: file });
    say(`  ${file.slice(ROOT.length + 1)}`);
  } finally {
    await context.close();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`screenshots: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
