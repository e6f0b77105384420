// When the snapshot goes out of date by itself. A start/stop window or a rate limit ends at a
// known time without any read or event to announce it; until a new snapshot is made, the tray
// would keep Start disabled "until 15:42" after 15:42. The controller makes one at that time.
import type { AppSnapshot, OperationAvailability } from '../../shared/model';

function endOf(availability: OperationAvailability): number | undefined {
  if (availability.allowed) return undefined;
  if (availability.reason === 'window' || availability.reason === 'rate-limited') {
    return availability.availableAt;
  }
  return undefined;
}

/** The earliest time after `snapshot.now` at which a block shown in it ends, if any. */
export function nextExpiry(snapshot: AppSnapshot): number | undefined {
  const times: (number | undefined)[] = [];
  for (const d of snapshot.deployments) times.push(endOf(d.start), endOf(d.stop));
  for (const a of snapshot.accounts) {
    times.push(a.budget.reads.rateLimitedUntil, a.budget.writes.rateLimitedUntil);
  }
  let next: number | undefined;
  for (const t of times) {
    if (t !== undefined && t > snapshot.now && (next === undefined || t < next)) next = t;
  }
  return next;
}
