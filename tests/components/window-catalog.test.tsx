import { placeholdersOf } from '../../electron/shared/i18n';
import { window as en } from '../../electron/shared/i18n/en/window';
import { window as zh } from '../../electron/shared/i18n/zh-CN/window';

// The same in both languages on purpose: the product name, the language names (each shown in
// its own language), the console's own terms, abbreviations and pure layout.
const SAME_IN_BOTH = new Set([
  'window.appName',
  'window.setup.secret',
  'window.title',
  'window.details.field.id',
  'window.details.field.tps',
  'window.details.transition',
  'window.settings.language.en',
  'window.settings.language.zh-CN',
]);

type Key = keyof typeof en;
const keys = Object.keys(en).sort() as Key[];

describe('window strings', () => {
  it('has the same keys in English and Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(keys);
  });

  it('has the same placeholders per key in both languages', () => {
    const mismatched = keys.filter(
      (key) => placeholdersOf(en[key]).join() !== placeholdersOf(zh[key]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('is translated, apart from what is the same on purpose', () => {
    const untranslated = keys.filter((key) => !SAME_IN_BOTH.has(key) && en[key] === zh[key]);
    expect(untranslated).toEqual([]);
  });

  it('keeps every key under window.', () => {
    expect(keys.filter((key) => !key.startsWith('window.'))).toEqual([]);
  });

  it('tells an App ID apart from a Platform API key, and where to make one', () => {
    expect(en['window.setup.result.appId']).toMatch(/App ID, not a Platform API key/);
    expect(en['window.setup.result.appId']).toMatch(/Settings → Platform API Key/);
    expect(zh['window.setup.result.appId']).toMatch(/设置 → 平台 API Key/);
  });

  it('uses the console’s names in Chinese: API Key and Secret, never 密钥', () => {
    expect(keys.filter((key) => zh[key].includes('密钥'))).toEqual([]);
  });

  it('addresses the user as 您 in Chinese', () => {
    expect(keys.filter((key) => zh[key].includes('你'))).toEqual([]);
  });

  it('says a session-only secret is forgotten at quit', () => {
    expect(en['window.setup.keychain.body']).toMatch(/forgotten when the app quits/);
    expect(zh['window.setup.keychain.body']).toMatch(/退出应用后即被清除/);
  });
});
