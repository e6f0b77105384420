import { describe, expect, it, vi } from 'vitest';
vi.mock('electron', () => import('./fake-electron'));
import { VirtualClock } from '../../../electron/core/clock';
import { createElectronNetworkStatus } from '../../../electron/main/network-status';

describe('network status', () => {
  it('reports each change once, on the next poll', async () => {
    const clock = new VirtualClock();
    let online = true;
    const status = createElectronNetworkStatus(clock, 15_000, () => online);
    const changes: boolean[] = [];
    status.onChange((o) => changes.push(o));
    online = false;
    await clock.advance(14_999);
    expect(changes).toEqual([]);
    expect(status.isOnline()).toBe(false);
    await clock.advance(1);
    expect(changes).toEqual([false]);
    await clock.advance(60_000);
    expect(changes).toEqual([false]);
    online = true;
    await clock.advance(15_000);
    expect(changes).toEqual([false, true]);
  });

  it('stops polling when nobody listens', async () => {
    const clock = new VirtualClock();
    const probe = vi.fn(() => true);
    const status = createElectronNetworkStatus(clock, 15_000, probe);
    const off = status.onChange(() => undefined);
    await clock.advance(30_000);
    const polled = probe.mock.calls.length;
    off();
    await clock.advance(120_000);
    expect(probe.mock.calls.length).toBe(polled);
  });
});
