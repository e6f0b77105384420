import { describe, expect, it } from 'vitest';
import { KEY, SECRET, makeFixture, ok, withAccount } from './fixture';

const MINUTE = 60_000;
const ADD = { site: 'international' as const, key: KEY, secret: SECRET, label: 'Work' };

describe('controller: the read that checked the credentials', () => {
  it('shows an added account without deployments as working, not as still checking', async () => {
    const f = makeFixture();
    const accountId = await withAccount(f);
    const account = f.controller.snapshot().accounts.find((a) => a.id === accountId);
    expect(account).toMatchObject({ health: 'ok', listEndpoint: 'available' });
    expect(f.cloud.requests().map((r) => r.route)).toEqual(['list']);
    await f.controller.dispose();
  });

  it('does the same when a connection test just before was the check', async () => {
    const f = makeFixture();
    await f.controller.start();
    await ok(f.controller.invoke('account.test', ADD));
    await ok(f.controller.invoke('account.add', ADD));
    await f.advance();
    expect(f.controller.snapshot().accounts[0]).toMatchObject({ health: 'ok' });
    expect(f.cloud.requests().map((r) => r.route)).toEqual(['list']);
    await f.controller.dispose();
  });

  it('shows an account with a replaced secret as working without a second read', async () => {
    const f = makeFixture();
    const accountId = await withAccount(f);
    await ok(f.controller.invoke('account.replaceSecret', { accountId, secret: SECRET }));
    await f.advance();
    expect(f.controller.snapshot().accounts[0]).toMatchObject({ health: 'ok' });
    expect(f.cloud.requests().map((r) => r.route)).toEqual(['list', 'list']);
    await f.advance(MINUTE);
    await f.controller.dispose();
  });
});
