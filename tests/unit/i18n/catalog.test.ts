import { describe, expect, it } from 'vitest';
import { catalogs, placeholdersOf, type MessageKey } from '../../../electron/shared/i18n';
import {
  NOTIFICATION_KINDS,
  OPERATION_BLOCK_REASONS,
  PROBLEM_KINDS,
  STATUS_KINDS,
} from '../../../electron/shared/model';

const en = catalogs.en;
const zh = catalogs['zh-CN'];
const enKeys = Object.keys(en).sort();

// Strings that are the same in both languages on purpose (product name, pure layout).
const SAME_IN_BOTH = new Set(['common.appName', 'tray.deploymentLabel', 'tray.unavailableLabel']);

describe('message catalog', () => {
  it('has exactly the same keys in English and Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(enKeys);
  });

  it('has the same placeholders per key in both languages', () => {
    const mismatched = enKeys.filter((key) => {
      const k = key as MessageKey;
      return placeholdersOf(en[k]).join() !== placeholdersOf(zh[k]).join();
    });
    expect(mismatched).toEqual([]);
  });

  it('has no empty strings', () => {
    for (const catalog of [en, zh]) {
      const empty = Object.entries(catalog).filter(([, text]) => text.trim() === '');
      expect(empty).toEqual([]);
    }
  });

  it('has Chinese text for every string of the shared areas', () => {
    // The window area is checked with its own strings; these are the areas kept here.
    const untranslated = enKeys.filter(
      (key) =>
        !key.startsWith('window.') &&
        !SAME_IN_BOTH.has(key) &&
        en[key as MessageKey] === zh[key as MessageKey],
    );
    expect(untranslated).toEqual([]);
  });

  it.each(STATUS_KINDS)('names the status %s', (kind) => {
    expect(enKeys).toContain(`status.${kind}`);
  });

  it('shows an unknown status verbatim', () => {
    expect(placeholdersOf(en['status.unknown'])).toEqual(['status']);
  });

  it.each(PROBLEM_KINDS)('explains the problem %s', (kind) => {
    expect(enKeys).toContain(`problem.${kind}`);
  });

  it.each(OPERATION_BLOCK_REASONS)('explains the block %s in a sentence and in short', (reason) => {
    expect(enKeys).toContain(`block.${reason}`);
    expect(enKeys).toContain(`tray.reason.${reason}`);
  });

  it.each(NOTIFICATION_KINDS)('has a title and a body for the notification %s', (kind) => {
    expect(enKeys).toContain(`notifications.${kind}.title`);
    expect(enKeys).toContain(`notifications.${kind}.body`);
  });

  it('carries the placeholders callers fill in', () => {
    const expected: Partial<Record<MessageKey, string[]>> = {
      'problem.RateLimited': ['time'],
      'block.window': ['time'],
      'block.wrong-state': ['status'],
      'errors.invalidRequest': ['field'],
      'tray.tooltip.lastChecked': ['time'],
      'tray.tooltip.rateLimited': ['time'],
      'confirm.start.message': ['name'],
      'confirm.stop.message': ['name'],
      'notifications.group.title.deployments': ['count'],
    };
    for (const [key, names] of Object.entries(expected)) {
      expect(placeholdersOf(en[key as MessageKey]), key).toEqual(names);
    }
  });

  it('tells a 401 apart from a deployment App ID and a 403 as a scope problem', () => {
    expect(en['problem.AuthFailed']).toMatch(/Platform API Key/);
    expect(en['problem.AuthFailed']).toMatch(/App ID/);
    expect(zh['problem.AuthFailed']).toMatch(/App ID/);
    expect(en['problem.Forbidden']).toMatch(/project/);
  });

  it('states the consequences of stopping before asking', () => {
    expect(en['confirm.stop.detail']).toMatch(/Every client of this deployment is disconnected/);
    expect(en['confirm.stop.detail']).toMatch(/60 minutes/);
    expect(zh['confirm.stop.detail']).toMatch(/60 分钟/);
  });

  it('names the key and secret as the console does in the Chinese tray and notifications', () => {
    const own = Object.keys(zh).filter(
      (key) =>
        key.startsWith('tray.') || key.startsWith('notifications.') || key.startsWith('confirm.'),
    ) as MessageKey[];
    expect(own.length).toBeGreaterThan(0);
    expect(own.filter((key) => zh[key].includes('密钥') || zh[key].includes('你'))).toEqual([]);
  });

  it('puts the status before the name in a deployment notification, so a long name is cut, not the status', () => {
    const kinds = ['became-running', 'became-stopped', 'unexpected-stop', 'failed', 'not-found'];
    for (const kind of kinds) {
      const key = `notifications.${kind}.title` as MessageKey;
      expect(en[key]).toMatch(/^[^{]+: \{name\}$/);
      expect(zh[key]).toMatch(/^[^{]+：\{name\}$/);
    }
  });

  it('says the 60-minute rule holds for the whole account, not one deployment', () => {
    for (const key of ['confirm.start.detail', 'confirm.stop.detail'] as const) {
      expect(en[key]).toMatch(/no deployment in this account/);
      expect(zh[key]).toMatch(/该账号下的所有部署/);
    }
    expect(en['window.details.nextOperationAt']).toMatch(/^This account/);
    expect(en['window.details.nextOperationNow']).toMatch(/per account/);
    expect(zh['window.details.nextOperationNow']).toMatch(/每个账号/);
  });
});
