// Default account labels: the site and the start of the key, enough to tell two keys apart.
import { translate } from '../../shared/i18n';
import type { Locale, SiteSetting } from '../../shared/model';

const KEY_PREFIX_LENGTH = 8;

export function keyPrefix(keyId: string): string {
  const chars = [...keyId.trim()];
  return chars.length > KEY_PREFIX_LENGTH
    ? `${chars.slice(0, KEY_PREFIX_LENGTH).join('')}…`
    : chars.join('');
}

/** E.g. "International — a1b2c3d4…". */
export function defaultAccountLabel(
  site: SiteSetting,
  keyId: string,
  locale: Locale = 'en',
): string {
  return `${translate(locale, `site.${site}`)} — ${keyPrefix(keyId)}`;
}

/**
 * The label to store: the user's text trimmed, or empty when they left it empty. An empty label
 * is shown as `defaultAccountLabel` in the language of the moment, never frozen in one.
 */
export function accountLabel(input: string | undefined): string {
  return (input ?? '').trim().slice(0, 100);
}
