// The notification policy: (before, after, preferences) -> what to show. Pure, so the
// controller calls it after every state change and tests replay any sequence of reads.
import type { Locale, Preferences } from '../../shared/model';
import type { NotificationRequest } from '../app/ports';
import { connectionProblemStarted, credentialsNewlyRejected } from './account-change';
import { classifyDeploymentChange } from './deployment-change';
import type { NotifyEvent } from './events';
import { notificationsFor } from './factory';
import type { PolicyState } from './policy-state';
import { severityRank } from './severity';

export type { PolicyState } from './policy-state';

export interface PolicyContext {
  /**
   * The first read after launch or resume: what changed while the app was not looking is
   * shown in the tray, not announced.
   */
  baseline: boolean;
  locale: Locale;
  now: number;
}

function deploymentEvents(before: PolicyState, after: PolicyState): NotifyEvent[] {
  const previous = new Map(before.deployments.map((d) => [d.key, d]));
  const events: NotifyEvent[] = [];
  for (const deployment of after.deployments) {
    if (deployment.muted) continue;
    const kind = classifyDeploymentChange(previous.get(deployment.key), deployment);
    if (kind) events.push({ kind, deploymentKey: deployment.key, name: deployment.name });
  }
  return events;
}

function accountEvents(before: PolicyState, after: PolicyState): NotifyEvent[] {
  const previous = new Map(before.accounts.map((a) => [a.id, a]));
  const events: NotifyEvent[] = [];
  for (const account of after.accounts) {
    const name = account.label.trim() || account.keyId;
    if (credentialsNewlyRejected(previous.get(account.id), account)) {
      events.push({
        kind: 'credentials-rejected',
        accountId: account.id,
        name,
        problem: { kind: account.health === 'forbidden' ? 'Forbidden' : 'AuthFailed' },
      });
      continue;
    }
    const problem = connectionProblemStarted(before, after, account.id);
    if (problem) events.push({ kind: 'connection-problem', accountId: account.id, name, problem });
  }
  return events;
}

export function decideNotifications(
  before: PolicyState,
  after: PolicyState,
  prefs: Preferences,
  ctx: PolicyContext,
): NotificationRequest[] {
  if (ctx.baseline) return [];
  const events = [...accountEvents(before, after), ...deploymentEvents(before, after)]
    .filter((event) => prefs.notifications[event.kind])
    // Array.prototype.sort is stable: equal kinds keep the order of the watch list.
    .sort((a, b) => severityRank(a.kind) - severityRank(b.kind));
  return notificationsFor(events, ctx.locale, ctx.now);
}
