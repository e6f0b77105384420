// What a strategy showed and announced: every status it displayed (with the time it displayed
// it) and every notification the real notification policy produced from its state changes.
import { makePreferences } from '../fixtures/snapshot';
import { decideNotifications, type PolicyState } from '../../electron/core/notify/policy';
import type {
  AccountView,
  DeploymentView,
  NotificationKind,
  Preferences,
} from '../../electron/shared/model';

export interface Observation {
  at: number;
  status: string;
}

export interface NotificationEvent {
  at: number;
  deploymentId: string;
  kind: NotificationKind;
}

export const BENCH_PREFERENCES: Preferences = makePreferences({ idleCadenceSeconds: 120 });

export class Observer {
  /** Per deployment, in time order. */
  readonly observations = new Map<string, Observation[]>();
  /** What the user saw pop up (a grouped notification counts once). */
  notifications = 0;
  /** One per deployment announced, for finding announcements of the same change twice. */
  readonly events: NotificationEvent[] = [];

  observe(deploymentId: string, at: number, status: string): void {
    const list = this.observations.get(deploymentId);
    if (list === undefined) this.observations.set(deploymentId, [{ at, status }]);
    else list.push({ at, status });
  }

  /** Runs the notification policy on one state change, as the controller does. */
  notify(before: PolicyState, after: PolicyState, at: number): void {
    const ctx = { baseline: false, locale: 'en' as const, now: at };
    this.notifications += decideNotifications(before, after, BENCH_PREFERENCES, ctx).length;
    const previous = new Map(before.deployments.map((d) => [d.key, d]));
    for (const d of after.deployments) {
      const b = previous.get(d.key);
      if (
        b === undefined ||
        (b.statusKind === d.statusKind && b.unexpectedStop === d.unexpectedStop)
      ) {
        continue;
      }
      const one = decideNotifications(
        { accounts: [], deployments: [b] },
        { accounts: [], deployments: [d] },
        BENCH_PREFERENCES,
        ctx,
      );
      for (const n of one) this.events.push({ at, deploymentId: d.deploymentId, kind: n.kind });
    }
  }
}

/** The account as the policy sees it; the bench has one healthy account. */
export function benchAccount(
  id: string,
  health: AccountView['health'],
  budget: AccountView['budget'],
): AccountView {
  return {
    id,
    label: 'bench',
    site: 'custom',
    baseUrl: 'https://cloud-intl.emqx.com/public_api/v1',
    keyId: 'demo-key',
    health,
    listEndpoint: 'unknown',
    sessionOnly: false,
    demo: false,
    budget,
  };
}

/** A naive script's view of one deployment, in the policy's terms. */
export function naiveView(
  accountId: string,
  deploymentId: string,
  status: string | undefined,
  unexpectedStop: boolean,
): DeploymentView {
  const allowed = { allowed: true } as const;
  const known = ['running', 'starting', 'stopped', 'pending', 'stopping', 'failed'];
  return {
    key: `${accountId}/${deploymentId}`,
    accountId,
    deploymentId,
    name: deploymentId,
    statusKind:
      status === undefined
        ? 'unchecked'
        : known.includes(status)
          ? (status as DeploymentView['statusKind'])
          : 'unknown',
    transitions: [],
    unexpectedStop,
    start: allowed,
    stop: allowed,
    muted: false,
  };
}
