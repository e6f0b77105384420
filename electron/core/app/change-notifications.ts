// From one engine change to the notifications to show. The engine marks reads that only
// re-establish the truth (first read, after resume) as baselines; for those deployments the
// "before" is taken to be the "after", so the policy sees no change and stays quiet.
import { decideNotifications, type PolicyState } from '../notify/policy';
import type { NotificationRequest } from './ports';
import type { AppSnapshot, Locale, Preferences } from '../../shared/model';

export function notificationsForChange(
  before: AppSnapshot,
  after: AppSnapshot,
  baselineKeys: readonly string[],
  prefs: Preferences,
  locale: Locale,
  now: number,
): NotificationRequest[] {
  const baseline = new Set(baselineKeys);
  const afterByKey = new Map(after.deployments.map((d) => [d.key, d]));
  const beforeState: PolicyState = {
    accounts: before.accounts,
    deployments: before.deployments.map((d) =>
      baseline.has(d.key) ? (afterByKey.get(d.key) ?? d) : d,
    ),
  };
  // A deployment first seen in a baseline read is no news either.
  for (const key of baseline) {
    const seen = beforeState.deployments.some((d) => d.key === key);
    const current = afterByKey.get(key);
    if (!seen && current !== undefined) beforeState.deployments.push(current);
  }
  const afterState: PolicyState = { accounts: after.accounts, deployments: after.deployments };
  return decideNotifications(beforeState, afterState, prefs, { baseline: false, locale, now });
}
