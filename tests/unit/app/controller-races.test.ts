import { describe, expect, it } from 'vitest';
import { ReadGate } from './gate';
import { makeFixture, ok, withAccount } from './fixture';

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
