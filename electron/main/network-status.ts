// The NetworkStatus port on net.isOnline(). The main process gets no online/offline events,
// so the answer is polled while anyone listens and a change is reported once.
import { net } from 'electron';
import type { Clock, NetworkStatus } from '../core/app/ports';
import type { TimerHandle } from '../core/clock';

export const NETWORK_POLL_MS = 15_000;

export function createElectronNetworkStatus(
  clock: Clock,
  pollMs = NETWORK_POLL_MS,
  isOnline: () => boolean = () => net.isOnline(),
): NetworkStatus {
  const listeners = new Set<(online: boolean) => void>();
  let last = isOnline();
  let timer: TimerHandle | undefined;

  const poll = (): void => {
    timer = undefined;
    const now = isOnline();
    if (now !== last) {
      last = now;
      for (const l of [...listeners]) l(now);
    }
    if (listeners.size > 0) timer = clock.setTimeout(poll, pollMs);
  };

  return {
    isOnline,
    onChange(listener) {
      listeners.add(listener);
      timer ??= clock.setTimeout(poll, pollMs);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== undefined) {
          clock.clearTimeout(timer);
          timer = undefined;
        }
      };
    },
  };
}
