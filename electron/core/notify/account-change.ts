// Account-level news: credentials that stopped working, and checks that started failing.
import type { AccountHealth, AccountView, Problem, ProblemKind } from '../../shared/model';
import type { PolicyState } from './policy-state';

const REJECTED = new Set<AccountHealth>(['auth-failed', 'forbidden']);

/** True when the cloud has just started refusing this account's key (401 or 403). */
export function credentialsNewlyRejected(
  before: AccountView | undefined,
  after: AccountView,
): boolean {
  return before !== undefined && !REJECTED.has(before.health) && REJECTED.has(after.health);
}

// Failures that come and go on their own. Offline and Aborted belong to this computer, not to
// the connection; a rate limit is shown in the tray, not announced.
const TRANSIENT = new Set<ProblemKind>(['ServerError', 'BadResponse', 'Timeout', 'NetworkError']);

type Staleness = { stale: false } | { stale: true; transient?: Problem };

function stalenessOf(state: PolicyState, accountId: string): Staleness {
  const problems = state.deployments
    .filter((d) => d.accountId === accountId && d.stale !== undefined)
    .map((d) => d.stale?.problem);
  const account = state.accounts.find((a) => a.id === accountId);
  if (account?.problem && TRANSIENT.has(account.problem.kind)) problems.push(account.problem);
  if (problems.length === 0) return { stale: false };
  return { stale: true, transient: problems.find((p) => p && TRANSIENT.has(p.kind)) };
}

/**
 * The problem to announce when an account's checks have just started failing for a transient
 * reason, else undefined. Once stale, an account stays quiet until it has been fresh again, so
 * an outage is told once, and staleness that began offline or asleep is never told.
 */
export function connectionProblemStarted(
  before: PolicyState,
  after: PolicyState,
  accountId: string,
): Problem | undefined {
  if (!before.accounts.some((a) => a.id === accountId)) return undefined;
  // A rejected or missing key is a different story, told by credentials-rejected or the window.
  const health = after.accounts.find((a) => a.id === accountId)?.health;
  if (health !== 'ok' && health !== 'checking') return undefined;
  if (stalenessOf(before, accountId).stale) return undefined;
  const now = stalenessOf(after, accountId);
  return now.stale ? now.transient : undefined;
}
