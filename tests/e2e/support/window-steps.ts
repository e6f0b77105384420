// Steps a user takes in the window, by what they see: roles, labels and words from the catalog
// (so a change of wording in the catalog does not break the journeys, but a missing label does).
import type { Page } from 'playwright-core';
import { translate, type MessageKey, type MessageParams } from '../../../electron/shared/i18n';
import type { Locale } from '../../../electron/shared/model';

/** English text of a catalog key. */
export const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params);
export const zh = (key: MessageKey, params?: MessageParams) => translate('zh-CN', key, params);
export const text = (locale: Locale, key: MessageKey, params?: MessageParams) =>
  translate(locale, key, params);

export interface Credentials {
  baseUrl: string;
  key: string;
  secret: string;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Fills the setup form for a custom site (the simulator). */
export async function fillSetup(page: Page, creds: Credentials): Promise<void> {
  await page.getByRole('radio', { name: en('window.setup.siteOption.custom') }).check();
  await page.getByLabel(en('window.setup.baseUrl')).fill(creds.baseUrl);
  await page.getByLabel(en('window.setup.key'), { exact: true }).fill(creds.key);
  await page.getByLabel(en('window.setup.secret'), { exact: true }).fill(creds.secret);
}

/** Connects an account from the first-run screen and waits for the deployments screen. */
export async function connectAccount(page: Page, creds: Credentials, label: string): Promise<void> {
  await fillSetup(page, creds);
  await page.getByLabel(en('window.setup.label')).fill(label);
  await page.getByRole('button', { name: en('window.setup.connect'), exact: true }).click();
  await page.getByRole('heading', { name: en('window.deployments.heading') }).waitFor();
}

/** Loads the account's list in the add panel, ticks the named deployments and adds them. */
export async function watchFromList(page: Page, names: string[]): Promise<void> {
  await page.getByRole('button', { name: en('window.add.load'), exact: true }).click();
  for (const name of names) {
    await page.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(name)} `) }).check();
  }
  await page
    .getByRole('button', {
      name: en('window.add.addSelected', { count: names.length }),
      exact: true,
    })
    .click();
}

/** The list of watched deployments. */
export function watchedList(page: Page) {
  return page.getByRole('list', { name: en('window.deployments.heading') });
}

/** Opens a watched deployment's details from its row (named by its name, then its ID). */
export async function openDeployment(page: Page, name: string, id: string): Promise<void> {
  await watchedList(page)
    .getByRole('button', { name: new RegExp(`${escapeRegExp(name)} ${escapeRegExp(id)}`) })
    .click();
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** The details screen of a deployment, as the region its heading names. */
export function detailsOf(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}
