import { describe, expect, it } from 'vitest';
import {
  isLoopbackHost,
  looksLikePlatformApiBase,
  parseBaseUrl,
  resolveSiteBaseUrl,
} from '../../../electron/core/api/base-url';
import { InvalidInputError } from '../../../electron/core/api/errors';
import { SITE_PRESETS, type Site } from '../../../electron/core/api/types';

function refusal(input: string): InvalidInputError {
  try {
    parseBaseUrl(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return error as InvalidInputError;
  }
  throw new Error(`accepted: ${JSON.stringify(input)}`);
}

describe('parseBaseUrl', () => {
  it.each([
    ['https://cloud-intl.emqx.com/public_api/v1', 'https://cloud-intl.emqx.com/public_api/v1'],
    ['  https://cloud-intl.emqx.com/public_api/v1/  ', 'https://cloud-intl.emqx.com/public_api/v1'],
    ['https://cloud.emqx.com/public_api/v1///', 'https://cloud.emqx.com/public_api/v1'],
    ['HTTPS://Cloud.EMQX.com/public_api/v1', 'https://cloud.emqx.com/public_api/v1'],
    ['https://cloud.emqx.com:443/public_api/v1', 'https://cloud.emqx.com/public_api/v1'],
    ['https://proxy.example.com:8443/emqx', 'https://proxy.example.com:8443/emqx'],
    ['https://proxy.example.com', 'https://proxy.example.com'],
    ['https://proxy.example.com/', 'https://proxy.example.com'],
    ['http://127.0.0.1:18083/public_api/v1', 'http://127.0.0.1:18083/public_api/v1'],
    ['http://127.5.6.7/public_api/v1', 'http://127.5.6.7/public_api/v1'],
    ['http://localhost:3000/public_api/v1/', 'http://localhost:3000/public_api/v1'],
    ['http://LOCALHOST:3000', 'http://localhost:3000'],
    ['http://[::1]:4000/public_api/v1', 'http://[::1]:4000/public_api/v1'],
  ])('accepts %j as %j', (input, expected) => {
    expect(parseBaseUrl(input)).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['whitespace only', '   \t\n '],
    ['plain http to a remote host', 'http://cloud-intl.emqx.com/public_api/v1'],
    ['plain http to a private address', 'http://192.168.1.10/public_api/v1'],
    ['plain http to a look-alike of localhost', 'http://localhost.evil.com/public_api/v1'],
    ['plain http to 127.0.0.1 spelled as a subdomain', 'http://127.0.0.1.nip.io/x'],
    ['credentials', 'https://key:secret@cloud-intl.emqx.com/public_api/v1'],
    ['a user name only', 'https://key@cloud-intl.emqx.com/public_api/v1'],
    ['an empty user part', 'https://@cloud-intl.emqx.com/public_api/v1'],
    ['a query', 'https://cloud-intl.emqx.com/public_api/v1?x=1'],
    ['an empty query', 'https://cloud-intl.emqx.com/public_api/v1?'],
    ['a fragment', 'https://cloud-intl.emqx.com/public_api/v1#top'],
    ['ftp', 'ftp://cloud-intl.emqx.com/public_api/v1'],
    ['file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/plain,hello'],
    ['no scheme', 'cloud-intl.emqx.com/public_api/v1'],
    ['garbage', 'not a url at all'],
    ['garbage punctuation', '::://'],
    ['scheme without slashes', 'https:cloud-intl.emqx.com'],
    ['no host', 'https:///public_api/v1'],
    ['inner whitespace', 'https://cloud-intl.emqx.com/public api/v1'],
    ['a control character', 'https://cloud-intl.emqx.com/\u0000/v1'],
    ['backslashes', 'https:\\\\cloud-intl.emqx.com\\public_api\\v1'],
    ['a bad port', 'https://cloud-intl.emqx.com:99999/public_api/v1'],
    ['an enormous string', `https://${'a'.repeat(5000)}.com`],
  ])('refuses %s', (_name, input) => {
    const error = refusal(input);
    expect(error.kind).toBe('InvalidInput');
    expect(error.message).toMatch(/^The API base URL|^Enter the API base URL/);
    expect(error.message.length).toBeLessThan(200);
  });

  it('never repeats a password it refused', () => {
    const error = refusal('https://key:Pa55-w0rd-secret@cloud-intl.emqx.com/public_api/v1');
    expect(error.message).not.toContain('Pa55-w0rd-secret');
    expect(error.message).toContain('user name or password');
  });

  it('names the scheme it refused', () => {
    expect(refusal('ftp://x.example/').message).toContain('"ftp:"');
  });

  it('refuses non-string input', () => {
    expect(() => parseBaseUrl(42 as unknown as string)).toThrow(InvalidInputError);
  });
});

describe('looksLikePlatformApiBase', () => {
  it.each([
    ['https://cloud-intl.emqx.com/public_api/v1', true],
    ['https://cloud-intl.emqx.com/public_api/v1/', true],
    ['http://127.0.0.1:3000/public_api/v1', true],
    ['https://proxy.example.com/emqx/public_api/v1', true],
    ['https://proxy.example.com/emqx', false],
    ['https://cloud-intl.emqx.com/api/v5', false],
    ['http://cloud-intl.emqx.com/public_api/v1', false],
    ['garbage', false],
  ])('%s -> %s', (url, expected) => {
    expect(looksLikePlatformApiBase(url)).toBe(expected);
  });
});

describe('resolveSiteBaseUrl', () => {
  it('returns the presets', () => {
    expect(resolveSiteBaseUrl('international')).toBe(SITE_PRESETS.international);
    expect(resolveSiteBaseUrl('china')).toBe(SITE_PRESETS.china);
    expect(resolveSiteBaseUrl('china', 'https://ignored.example')).toBe(SITE_PRESETS.china);
  });

  it('validates a custom base', () => {
    expect(resolveSiteBaseUrl('custom', ' https://proxy.example.com/public_api/v1/ ')).toBe(
      'https://proxy.example.com/public_api/v1',
    );
    expect(() => resolveSiteBaseUrl('custom')).toThrow(InvalidInputError);
    expect(() => resolveSiteBaseUrl('custom', 'http://proxy.example.com')).toThrow(
      InvalidInputError,
    );
  });

  it('refuses an unknown site', () => {
    expect(() => resolveSiteBaseUrl('toString' as Site)).toThrow(InvalidInputError);
    expect(() => resolveSiteBaseUrl('mars' as Site)).toThrow(InvalidInputError);
  });

  it('presets pass their own validation', () => {
    for (const url of Object.values(SITE_PRESETS)) {
      expect(parseBaseUrl(url)).toBe(url);
      expect(looksLikePlatformApiBase(url)).toBe(true);
    }
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.255.255.254', true],
    ['[::1]', true],
    ['128.0.0.1', false],
    ['127.0.0.256', false],
    ['localhost.example', false],
    ['0.0.0.0', false],
  ])('%s -> %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
