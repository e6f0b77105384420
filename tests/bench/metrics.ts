// From what the cloud did and what a strategy showed to the figures of the report.
import type { SimRequestRecord, SimStatusChange, LimitScope } from '../../electron/simulator/cloud';
import { HOUR } from './model';
import type { NotificationEvent, Observation, Observer } from './observe';

export interface LatencyStats {
  median: number | null;
  p95: number | null;
  max: number | null;
}

export interface DetectionFigures {
  changes: { external: number; userInitiated: number };
  missedChanges: number;
  latency: { external: LatencyStats; userInitiated: LatencyStats };
}

/**
 * Detection of each cloud change: the first time the strategy showed the new status, from the
 * change until the deployment's next change. Latency = shown - changed. A change is missed when
 * the status it led to lasted longer than `thresholdMs` and was never shown. Changes caused by
 * the user's start/stop (`user`: to starting/stopping at the 201; `transition`: to running or
 * stopped when it completes) count as user-initiated, the others as external. The user-initiated
 * latency is that of the completion, the result the user waits for: the app shows the 201's
 * change at once by construction, which would only flatter the figure.
 */
export function detection(
  changes: readonly SimStatusChange[],
  observer: Observer,
  thresholdMs: number,
  end: number,
): DetectionFigures {
  const byDeployment = new Map<string, SimStatusChange[]>();
  for (const c of changes) {
    const list = byDeployment.get(c.deploymentId);
    if (list === undefined) byDeployment.set(c.deploymentId, [c]);
    else list.push(c);
  }
  const external: number[] = [];
  const user: number[] = [];
  let missed = 0;
  let externalCount = 0;
  let userCount = 0;
  for (const [id, list] of byDeployment) {
    const seen = observer.observations.get(id) ?? [];
    list.forEach((c, i) => {
      const next = list[i + 1]?.time ?? end;
      const isExternal = c.cause === 'external';
      if (isExternal) externalCount++;
      else userCount++;
      const shown = firstShown(seen, c.to, c.time, next, i + 1 === list.length);
      if (shown === undefined) {
        if (next - c.time > thresholdMs) missed++;
        return;
      }
      if (isExternal) external.push(shown - c.time);
      else if (c.cause === 'transition') user.push(shown - c.time);
    });
  }
  return {
    changes: { external: externalCount, userInitiated: userCount },
    missedChanges: missed,
    latency: { external: stats(external), userInitiated: stats(user) },
  };
}

function firstShown(
  seen: readonly Observation[],
  status: string,
  from: number,
  until: number,
  last: boolean,
): number | undefined {
  let lo = 0;
  let hi = seen.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((seen[mid]?.at ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < seen.length; i++) {
    const o = seen[i];
    if (o === undefined || o.at > until || (o.at === until && !last)) break;
    if (o.status === status) return o.at;
  }
  return undefined;
}

/** Median, 95th percentile (nearest rank) and maximum, in seconds to a tenth. */
export function stats(valuesMs: readonly number[]): LatencyStats {
  if (valuesMs.length === 0) return { median: null, p95: null, max: null };
  const sorted = [...valuesMs].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  const mid = sorted.length / 2;
  const median =
    sorted.length % 2 === 1
      ? (sorted[Math.floor(mid)] ?? 0)
      : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  const s = (ms: number): number => Math.round(ms / 100) / 10;
  return { median: s(median), p95: s(at(0.95)), max: s(sorted[sorted.length - 1] ?? 0) };
}

const ANNOUNCED_STATUS: Partial<Record<NotificationEvent['kind'], string>> = {
  'became-running': 'running',
  'became-stopped': 'stopped',
  'unexpected-stop': 'stopped',
  failed: 'failed',
};

/**
 * Announcements of a change already announced: each deployment notification is matched to the
 * latest cloud change into the status it announces; a second announcement of the same change,
 * or one with no such change at all, is a duplicate.
 */
export function duplicateNotifications(
  events: readonly NotificationEvent[],
  changes: readonly SimStatusChange[],
): number {
  const claimed = new Set<SimStatusChange>();
  let duplicates = 0;
  for (const e of [...events].sort((a, b) => a.at - b.at)) {
    const status = ANNOUNCED_STATUS[e.kind];
    let match: SimStatusChange | undefined;
    for (const c of changes) {
      if (c.time > e.at) break;
      if (c.deploymentId === e.deploymentId && c.to === status) match = c;
    }
    if (match === undefined || claimed.has(match)) duplicates++;
    else claimed.add(match);
  }
  return duplicates;
}

export interface RequestFigures {
  requests: { read: number; write: number };
  maxRequestsInAnyHour: { read: number; write: number };
  http429: number;
}

/**
 * Requests as the simulated cloud logged them. The hourly maximum is taken per limit bucket as
 * the cloud counts them (one per key, or one per deployment plus one for the list), over every
 * request sent, refused ones included.
 */
export function requestFigures(
  log: readonly SimRequestRecord[],
  scope: LimitScope,
): RequestFigures {
  const buckets = new Map<string, number[]>();
  let read = 0;
  let write = 0;
  let http429 = 0;
  for (const r of log) {
    if (r.route === null) continue;
    const cls = r.route === 'start' || r.route === 'stop' ? 'write' : 'read';
    if (cls === 'read') read++;
    else write++;
    if (r.status === 429) http429++;
    const bucket = `${cls}|${scope === 'key' ? 'key' : (r.deploymentId ?? 'list')}`;
    const list = buckets.get(bucket);
    if (list === undefined) buckets.set(bucket, [r.time]);
    else list.push(r.time);
  }
  const max = { read: 0, write: 0 };
  for (const [bucket, times] of buckets) {
    const cls = bucket.startsWith('read') ? 'read' : 'write';
    max[cls] = Math.max(max[cls], maxInWindow(times));
  }
  return { requests: { read, write }, maxRequestsInAnyHour: max, http429 };
}

/** The most times inside any rolling hour (`times` in order). */
export function maxInWindow(times: readonly number[], windowMs = HOUR): number {
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < times.length; hi++) {
    while ((times[hi] ?? 0) - (times[lo] ?? 0) >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}
