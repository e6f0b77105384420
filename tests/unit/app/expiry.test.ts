import { describe, expect, it } from 'vitest';
import { nextExpiry } from '../../../electron/core/app/expiry';
import { makeAccount, makeBudget, makeDeployment, makeSnapshot, T0 } from '../../fixtures/snapshot';

const MINUTE = 60_000;
const reads = { limit: 60, used: 0, reserved: 0 };

describe('nextExpiry', () => {
  it('is nothing when no block ends by itself', () => {
    const snapshot = makeSnapshot({
      now: T0,
      deployments: [
        makeDeployment({
          statusKind: 'running',
          start: { allowed: false, reason: 'wrong-state', status: 'running' },
          stop: { allowed: false, reason: 'offline' },
        }),
      ],
    });
    expect(nextExpiry(snapshot)).toBeUndefined();
  });

  it('is the earliest future end of a start/stop window or a rate limit', () => {
    const snapshot = makeSnapshot({
      now: T0,
      accounts: [
        makeAccount({
          budget: makeBudget({
            reads: { ...reads, rateLimitedUntil: T0 + 30 * MINUTE },
            writes: { limit: 1, used: 1, reserved: 0, rateLimitedUntil: T0 - MINUTE },
          }),
        }),
      ],
      deployments: [
        makeDeployment({
          deploymentId: 'a7c3e9f2',
          stop: { allowed: false, reason: 'window', availableAt: T0 + 42 * MINUTE },
        }),
        makeDeployment({
          deploymentId: 'w41b11c0',
          start: { allowed: false, reason: 'rate-limited', availableAt: T0 + 12 * MINUTE },
          stop: { allowed: false, reason: 'rate-limited' },
        }),
      ],
    });
    expect(nextExpiry(snapshot)).toBe(T0 + 12 * MINUTE);
  });

  it('ignores times already past or now, so a new snapshot never re-arms itself at once', () => {
    const snapshot = makeSnapshot({
      now: T0,
      deployments: [
        makeDeployment({ stop: { allowed: false, reason: 'window', availableAt: T0 } }),
        makeDeployment({
          deploymentId: 'w41b11c0',
          start: { allowed: false, reason: 'window', availableAt: T0 - 1 },
        }),
      ],
    });
    expect(nextExpiry(snapshot)).toBeUndefined();
  });
});
