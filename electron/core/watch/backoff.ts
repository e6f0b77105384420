// Retry waits after passing failures (network, timeout, 5xx, 429): doubling from 15 s up to
// 15 minutes, with jitter so several accounts do not retry in step. The budget still gates
// every retry; 429s additionally pause the class until the server's Retry-After.

export const BACKOFF_BASE_MS = 15_000;
export const BACKOFF_MAX_MS = 15 * 60 * 1000;
const BACKOFF_JITTER = 0.2;

export function backoffMs(failures: number, random: () => number): number {
  const exponent = Math.max(0, Math.min(failures - 1, 16));
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** exponent);
  return Math.round(base * (1 + (2 * random() - 1) * BACKOFF_JITTER));
}
