// Which read an account needs next and when, before the budget has its say. List mode: one
// `GET /deployments` whenever any deployment is due. Per-ID mode: the deployment due first,
// ties to the one checked longest ago, so every deployment gets its turn.
import type { Priority } from '../budget/ledger';
import { IDLE_JITTER, effectiveIdleMs, fastInterval } from './cadence';
import type { AccountRuntime, Entry, ReadTarget } from './runtime';
import { usesList } from './runtime';

/** A fast episode longer than this is a stuck deployment, not a start: back to idle. */
export const FAST_EPISODE_MAX_MS = 30 * 60 * 1000;

export interface ReadPlan {
  target: ReadTarget;
  due: number;
  priority: Priority;
  /** Asked for by a refresh the budget deferred. */
  manual: boolean;
  /** A per-ID read on the idle cadence: it takes the account's next idle slot. */
  idleSlot?: boolean;
}

/**
 * Every read the account could make next, each with its own due time and priority; the engine
 * picks the one the budget lets go first. In the order to prefer on a tie.
 */
export function planReads(
  acc: AccountRuntime,
  now: number,
  idleMs: number,
  paceMs: number,
): ReadPlan[] {
  const pollable = [...acc.entries.values()].filter((e) => e.record.notFound === undefined);
  const candidates: { plan: ReadPlan; last: number }[] = [];
  if (usesList(acc)) {
    const idle = effectiveIdleMs(idleMs, 1, paceMs);
    // One list read serves every reason; the earliest of each priority is a candidate.
    const byPriority = new Map<Priority, ReadPlan>();
    const consider = (due: number, priority: Priority, manual: boolean): void => {
      const known = byPriority.get(priority);
      if (known === undefined || due < known.due) {
        byPriority.set(priority, { target: { kind: 'list' }, due, priority, manual });
      }
    };
    let last = Infinity;
    for (const e of pollable) {
      if (e.poll.needsSingleRead) {
        const target: ReadTarget = { kind: 'single', deploymentId: e.record.deploymentId };
        candidates.push({
          plan: { target, due: now, priority: 'background', manual: false },
          last: e.poll.lastAttemptAt ?? -Infinity,
        });
        continue;
      }
      consider(dueOf(e, idle, acc.listJitter, now, acc.retryAt), priorityOf(e), e.poll.manualDue);
      last = Math.min(last, e.poll.lastAttemptAt ?? -Infinity);
    }
    if (acc.manualListDue && pollable.length > 0) consider(now, 'user', true);
    for (const plan of byPriority.values()) candidates.push({ plan, last });
  } else {
    const idle = effectiveIdleMs(idleMs, pollable.length, paceMs);
    // Idle reads are spread one per slot, so the deployments take turns (oldest-checked first
    // on a tie) instead of being read in a burst and then not at all. The slot is a floor short
    // of the jitter's low end, so it never cancels the jitter (with one deployment it is inert).
    const slot = (idle / Math.max(1, pollable.length)) * (1 - IDLE_JITTER);
    const slotFloor =
      acc.lastSingleReadAt === undefined ? -Infinity : acc.lastSingleReadAt + Math.round(slot);
    for (const e of pollable) {
      const target: ReadTarget = { kind: 'single', deploymentId: e.record.deploymentId };
      const due = dueOf(e, idle, e.poll.jitter, now, acc.retryAt);
      const spread = isIdle(e) ? Math.max(due, slotFloor) : due;
      candidates.push({
        plan: {
          target,
          due: spread,
          priority: priorityOf(e),
          manual: e.poll.manualDue,
          idleSlot: isIdle(e),
        },
        last: e.poll.lastAttemptAt ?? -Infinity,
      });
    }
  }
  for (const c of candidates) {
    // While failing, nothing goes before the backoff; a user's deferred refresh does.
    if (!c.plan.manual && acc.retryAt !== undefined) c.plan.due = Math.max(c.plan.due, acc.retryAt);
  }
  return candidates
    .sort((a, b) => {
      if (a.plan.priority !== b.plan.priority) return a.plan.priority === 'user' ? -1 : 1;
      return a.last - b.last;
    })
    .map((c) => c.plan);
}

function dueOf(
  e: Entry,
  idle: number,
  jitter: number,
  now: number,
  retryAt: number | undefined,
): number {
  if (e.poll.manualDue) return now;
  // A failed read is retried when its backoff ends, which may be sooner than the idle wait.
  if (e.poll.retrying && retryAt !== undefined) return retryAt;
  const last = e.poll.lastAttemptAt;
  if (last === undefined) return now;
  const fast = e.poll.fast;
  if (fast !== undefined && now - fast.since < FAST_EPISODE_MAX_MS) {
    return last + fastInterval(fast.step, idle);
  }
  return last + Math.round(idle * jitter);
}

/** Read on the idle cadence (not fast, not asked for, not retrying, read before). */
function isIdle(e: Entry): boolean {
  return (
    e.poll.lastAttemptAt !== undefined &&
    e.poll.fast === undefined &&
    !e.poll.manualDue &&
    !e.poll.retrying
  );
}

function priorityOf(e: Entry): Priority {
  return e.poll.manualDue || e.poll.fast?.user === true ? 'user' : 'background';
}
