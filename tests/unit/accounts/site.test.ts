import { describe, expect, it } from 'vitest';
import {
  accountBaseUrl,
  accountLabel,
  consoleUrl,
  defaultAccountLabel,
  looksLikeDeploymentApi,
  newAccountId,
} from '../../../electron/core/accounts';

describe('consoleUrl', () => {
  it('opens the international console for international accounts', () => {
    expect(
      consoleUrl('international', 'https://cloud-intl.emqx.com/public_api/v1', 'w41b11c0'),
    ).toBe('https://cloud-intl.emqx.com/console/deployments/w41b11c0/overview');
  });

  it('opens the China console for China accounts', () => {
    expect(consoleUrl('china', 'https://cloud.emqx.com/public_api/v1', 'abc')).toBe(
      'https://cloud.emqx.com/console/deployments/abc/overview',
    );
  });

  it('maps a custom base on a site host to that site', () => {
    expect(consoleUrl('custom', 'https://cloud.emqx.com/public_api/v1', 'x1')).toBe(
      'https://cloud.emqx.com/console/deployments/x1/overview',
    );
    expect(consoleUrl('custom', 'https://CLOUD-INTL.emqx.com/public_api/v1', 'x1')).toBe(
      'https://cloud-intl.emqx.com/console/deployments/x1/overview',
    );
  });

  it('falls back to the international console for other hosts and broken bases', () => {
    expect(consoleUrl('custom', 'http://127.0.0.1:4000/public_api/v1', 'x1')).toBe(
      'https://cloud-intl.emqx.com/console/deployments/x1/overview',
    );
    expect(consoleUrl('custom', 'not a url', 'x1')).toMatch(/^https:\/\/cloud-intl\.emqx\.com\//);
  });

  it('opens the start page without a deployment and encodes odd IDs', () => {
    expect(consoleUrl('china', '', undefined)).toBe('https://cloud.emqx.com/console/');
    expect(consoleUrl('international', '', 'a/b')).toContain('/deployments/a%2Fb/overview');
  });
});

describe('accountBaseUrl', () => {
  it('resolves presets and validates custom bases', () => {
    expect(accountBaseUrl('international')).toBe('https://cloud-intl.emqx.com/public_api/v1');
    expect(accountBaseUrl('china', 'ignored')).toBe('https://cloud.emqx.com/public_api/v1');
    expect(accountBaseUrl('custom', 'https://proxy.example.com/public_api/v1/')).toBe(
      'https://proxy.example.com/public_api/v1',
    );
    expect(() => accountBaseUrl('custom', 'http://example.com/public_api/v1')).toThrow();
    expect(() => accountBaseUrl('custom')).toThrow();
  });
});

describe('looksLikeDeploymentApi', () => {
  it('spots a broker API address', () => {
    expect(looksLikeDeploymentApi('https://abc123.ala.us-east-1.emqxsl.com:8443/api/v5')).toBe(
      true,
    );
    expect(looksLikeDeploymentApi('https://x.emqxsl.cn')).toBe(true);
    expect(looksLikeDeploymentApi('https://proxy.example.com/api/v5/')).toBe(true);
  });

  it('accepts Platform API addresses', () => {
    expect(looksLikeDeploymentApi('https://cloud-intl.emqx.com/public_api/v1')).toBe(false);
    expect(looksLikeDeploymentApi(undefined)).toBe(false);
    expect(looksLikeDeploymentApi('')).toBe(false);
  });
});

describe('labels and ids', () => {
  it('builds default labels from the site and the start of the key', () => {
    expect(defaultAccountLabel('international', 'abcdefghijkl')).toBe('International — abcdefgh…');
    expect(defaultAccountLabel('china', 'short', 'zh-CN')).toMatch(/ — short$/);
    // Left empty, the label stays empty: the default is shown in whatever language is current.
    expect(accountLabel('  ')).toBe('');
    expect(accountLabel(undefined)).toBe('');
    expect(accountLabel('  Work  ')).toBe('Work');
  });

  it('generates ids that are not taken', () => {
    const bytes = [Buffer.from('0000000000', 'hex'), Buffer.from('0000000001', 'hex')];
    let n = 0;
    const id = newAccountId(
      (candidate) => candidate === 'acc-0000000000',
      'account',
      () => {
        const b = bytes[n++];
        if (b === undefined) throw new Error('ran out');
        return b;
      },
    );
    expect(id).toBe('acc-0000000001');
    expect(newAccountId(() => false, 'demo')).toMatch(/^demo-[0-9a-f]{10}$/);
  });
});
