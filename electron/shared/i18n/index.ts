// One catalog for main and renderer. Each area (tray, notifications, window, errors, dialogs)
// has its own file per language, so the English file is the source of truth for keys and the
// Chinese one is checked against it at compile time (`satisfies`) and by a test (placeholders).
import type { Locale, LanguageSetting } from '../model';
import { en } from './en';
import { zhCN } from './zh-CN';

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number>;

export const catalogs: Record<Locale, Catalog> = { en, 'zh-CN': zhCN };

/** `{name}` placeholders; a missing parameter stays visible rather than vanishing silently. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogs[locale][key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

/** Chinese for any zh-* system locale, English otherwise. */
export function resolveLocale(setting: LanguageSetting, systemLocale: string): Locale {
  if (setting !== 'system') return setting;
  return systemLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

export type Translator = (key: MessageKey, params?: MessageParams) => string;

export function translatorFor(locale: Locale): Translator {
  return (key, params) => translate(locale, key, params);
}
