import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../electron/core/clock';
import { SimulatedCloud } from '../../../electron/simulator';
import { makeFixture, ok, withAccount, KEY, SECRET, type Fixture } from './fixture';

function readsUsed(f: Fixture, accountId: string): number {
  const account = f.controller.snapshot().accounts.find((a) => a.id === accountId);
  if (account === undefined) throw new Error(`no account ${accountId}`);
  return account.budget.reads.used;
}

describe('controller: reads made for the user count in the budget', () => {
  it('counts the list read for picking deployments, and adding from it costs no read', async () => {
    const f = makeFixture();
    const accountId = await withAccount(f);
    await f.advance();
    const before = readsUsed(f, accountId);
    const sent = f.cloud.requests().length;

    const list = await ok(f.controller.invoke('deployments.available', { accountId }));
    expect(list.supported).toBe(true);
    await f.advance();
    expect(f.cloud.requests().length).toBe(sent + 1);
    expect(readsUsed(f, accountId)).toBe(before + 1);

    await ok(f.controller.invoke('deployment.add', { accountId, deploymentId: 'w41b11c0' }));
    await ok(f.controller.invoke('deployment.add', { accountId, deploymentId: 'a7c3e9f2' }));
    // Both came from the list just read: no request, nothing spent.
    expect(f.cloud.requests().length).toBe(sent + 1);
    await f.controller.dispose();
  });

  it('counts a typed ID check against the same key', async () => {
    const f = makeFixture();
    const accountId = await withAccount(f);
    await f.advance();
    const before = readsUsed(f, accountId);
    const sent = f.cloud.requests().length;
    await ok(f.controller.invoke('deployment.add', { accountId, deploymentId: 'w41b11c0' }));
    expect(f.cloud.requests().length).toBe(sent + 1);
    expect(readsUsed(f, accountId)).toBeGreaterThanOrEqual(before + 1);
    await f.controller.dispose();
  });

  it('counts a connection test against the key it tests, then refuses without sending when spent', async () => {
    const f = makeFixture();
    await f.controller.start();
    const request = { site: 'international' as const, key: KEY, secret: SECRET };
    // The simulated cloud allows 60 reads an hour; the ledger keeps a share for the user.
    let refused: unknown;
    for (let i = 0; i < 70 && refused === undefined; i++) {
      const r = await ok(f.controller.invoke('account.test', request));
      if (!r.ok) refused = r;
    }
    expect(refused).toMatchObject({ ok: false, problem: { kind: 'RateLimited' } });
    const served = f.cloud.requests().filter((r) => r.status === 200).length;
    expect(served).toBeLessThanOrEqual(60);
    expect(f.cloud.requests().some((r) => r.status === 429)).toBe(false);
    await f.controller.dispose();
  });
});

describe('controller: the budget of a key whose name has a word like token in it', () => {
  it('still knows the reads of this hour after a restart', async () => {
    const key = 'kTokenAb12';
    const f = makeFixture({
      cloud: new SimulatedCloud({ key, secret: SECRET, now: new VirtualClock() }),
    });
    await f.controller.start();
    const { accountId } = await ok(
      f.controller.invoke('account.add', { site: 'international', key, secret: SECRET, label: '' }),
    );
    await f.advance();
    const used = readsUsed(f, accountId);
    expect(used).toBeGreaterThan(0);
    await f.controller.dispose();

    const again = makeFixture({ settings: f.settings.document, keychain: f.secrets });
    again.network.online = false;
    await again.controller.start();
    expect(readsUsed(again, accountId)).toBe(used);
    await again.controller.dispose();
  });
});
