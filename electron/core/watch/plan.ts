// Which read an account needs next and when, before the budget has its say. List mode: one
// `GET /deployments` whenever any deployment is due. Per-ID mode: the deployment due first,
// ties to the one checked longest ago, so every deployment gets its turn.
import type { Priority } from '../budget/ledger';
import { effectiveIdleMs, fastInterval } from './cadence';
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
}

export function planRead(
  acc: AccountRuntime,
  now: number,
  idleMs: number,
  paceMs: number,
): ReadPlan | undefined {
  const pollable = [...acc.entries.values()].filter((e) => e.record.notFound === undefined);
  const candidates: { plan: ReadPlan; last: number }[] = [];
  if (usesList(acc)) {
    const idle = effectiveIdleMs(idleMs, 1, paceMs);
    let list: ReadPlan | undefined;
    let last = Infinity;
    const consider = (due: number, priority: Priority, manual: boolean): void => {
      if (list === undefined || due < list.due || (due === list.due && priority === 'user')) {
        list = { target: { kind: 'list' }, due, priority, manual };
      }
    };
    for (const e of pollable) {
      if (e.poll.needsSingleRead) {
        const target: ReadTarget = { kind: 'single', deploymentId: e.record.deploymentId };
        candidates.push({
          plan: { target, due: now, priority: 'background', manual: false },
          last: e.poll.lastAttemptAt ?? -Infinity,
        });
        continue;
      }
      consider(dueOf(e, idle, acc.listJitter, now), priorityOf(e), e.poll.manualDue);
      last = Math.min(last, e.poll.lastAttemptAt ?? -Infinity);
    }
    if (acc.manualListDue && pollable.length > 0) consider(now, 'user', true);
    if (list !== undefined) candidates.push({ plan: list, last });
  } else {
    const idle = effectiveIdleMs(idleMs, pollable.length, paceMs);
    for (const e of pollable) {
      const target: ReadTarget = { kind: 'single', deploymentId: e.record.deploymentId };
      candidates.push({
        plan: {
          target,
          due: dueOf(e, idle, e.poll.jitter, now),
          priority: priorityOf(e),
          manual: e.poll.manualDue,
        },
        last: e.poll.lastAttemptAt ?? -Infinity,
      });
    }
  }

  let best: { plan: ReadPlan; last: number } | undefined;
  for (const c of candidates) {
    // Retries after a failure wait for their backoff; a user's deferred refresh does not.
    if (!c.plan.manual && acc.retryAt !== undefined) c.plan.due = Math.max(c.plan.due, acc.retryAt);
    if (best === undefined || before(c, best)) best = c;
  }
  return best?.plan;
}

function before(a: { plan: ReadPlan; last: number }, b: { plan: ReadPlan; last: number }): boolean {
  if (a.plan.due !== b.plan.due) return a.plan.due < b.plan.due;
  if (a.plan.priority !== b.plan.priority) return a.plan.priority === 'user';
  return a.last < b.last;
}

function dueOf(e: Entry, idle: number, jitter: number, now: number): number {
  if (e.poll.manualDue) return now;
  const last = e.poll.lastAttemptAt;
  if (last === undefined) return now;
  const fast = e.poll.fast;
  if (fast !== undefined && now - fast.since < FAST_EPISODE_MAX_MS) {
    return last + fastInterval(fast.step, idle);
  }
  return last + Math.round(idle * jitter);
}

function priorityOf(e: Entry): Priority {
  return e.poll.manualDue || e.poll.fast?.user === true ? 'user' : 'background';
}
