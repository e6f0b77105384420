import { describe, expect, it } from 'vitest';
import { ReadGate } from './gate';
import { MemorySecretStore } from './fake-ports';
import { KEY, SECRET, makeFixture, ok, withAccount } from './fixture';

describe('controller: commands racing a removal', () => {
  it('does not watch a deployment for an account removed during its read', async () => {
    const gate = new ReadGate();
    const f = makeFixture({ wrapClient: (c) => gate.wrap(c) });
    const accountId = await withAccount(f);
    gate.closed = true;
    const adding = f.controller.invoke('deployment.add', { accountId, deploymentId: 'w41b11c0' });
    await f.advance();
    expect(gate.waiting).toBe(1);
    await ok(f.controller.invoke('account.remove', { accountId }));
    gate.release();
    const added = await adding;
    expect(added.ok).toBe(false);
    if (!added.ok) expect(added.error.code).toBe('errors.unknownAccount');
    await f.advance();
    expect(f.controller.snapshot().deployments).toEqual([]);
    expect(f.settings.document).toMatchObject({ deployments: [] });
    await f.controller.dispose();
  });
});

/** A keychain whose writes wait until released. */
class SlowKeychain extends MemorySecretStore {
  private held: (() => void)[] = [];
  holding = false;

  override set(id: string, secret: string): Promise<void> {
    if (!this.holding) return super.set(id, secret);
    return new Promise<void>((resolve) => this.held.push(resolve)).then(() =>
      super.set(id, secret),
    );
  }

  get waiting(): number {
    return this.held.length;
  }

  release(): void {
    this.holding = false;
    for (const go of this.held.splice(0)) go();
  }
}

describe('controller: a secret saved while its account goes', () => {
  it('leaves nothing in the keychain when the account is removed during a replacement', async () => {
    const keychain = new SlowKeychain();
    const f = makeFixture({ keychain });
    const accountId = await withAccount(f);
    keychain.holding = true;
    const replacing = f.controller.invoke('account.replaceSecret', {
      accountId,
      secret: SECRET,
    });
    await f.advance();
    expect(keychain.waiting).toBe(1);
    await ok(f.controller.invoke('account.remove', { accountId }));
    expect(keychain.entries.has(accountId)).toBe(false);
    keychain.release();
    const replaced = await replacing;
    expect(replaced.ok).toBe(false);
    if (!replaced.ok) expect(replaced.error.code).toBe('errors.unknownAccount');
    expect([...keychain.entries.keys()]).toEqual([]);
    await f.controller.dispose();
  });

  it('refuses a replacement whose check ends after the account was removed', async () => {
    const gate = new ReadGate();
    const f = makeFixture({ wrapClient: (c) => gate.wrap(c) });
    const accountId = await withAccount(f);
    gate.closed = true;
    const replacing = f.controller.invoke('account.replaceSecret', {
      accountId,
      secret: SECRET,
    });
    await f.advance();
    await ok(f.controller.invoke('account.remove', { accountId }));
    gate.release();
    const replaced = await replacing;
    expect(replaced.ok).toBe(false);
    if (!replaced.ok) expect(replaced.error.code).toBe('errors.unknownAccount');
    expect([...f.secrets.entries.keys()]).toEqual([]);
    await f.controller.dispose();
  });

  it('stores no secret for an account whose check ends after the app quit', async () => {
    const gate = new ReadGate();
    const f = makeFixture({ wrapClient: (c) => gate.wrap(c) });
    await f.controller.start();
    gate.closed = true;
    const adding = f.controller.invoke('account.add', {
      site: 'international',
      key: KEY,
      secret: SECRET,
      label: 'Work',
    });
    await f.advance();
    expect(gate.waiting).toBe(1);
    await f.controller.dispose();
    gate.release();
    const added = await adding;
    expect(added.ok).toBe(false);
    expect([...f.secrets.entries.keys()]).toEqual([]);
  });

  it('deletes the secret of an account whose keychain write ends after the app quit', async () => {
    const keychain = new SlowKeychain();
    const f = makeFixture({ keychain });
    await f.controller.start();
    keychain.holding = true;
    const adding = f.controller.invoke('account.add', {
      site: 'international',
      key: KEY,
      secret: SECRET,
      label: 'Work',
    });
    await f.advance();
    expect(keychain.waiting).toBe(1);
    await f.controller.dispose();
    keychain.release();
    const added = await adding;
    expect(added.ok).toBe(false);
    expect([...keychain.entries.keys()]).toEqual([]);
  });
});
