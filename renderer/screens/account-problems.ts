// Which accounts fail as a whole: every watched deployment of the account has stopped being
// checked for the same kind of problem. The list then states the problem once per account
// instead of on every row.
import type { DeploymentView, Problem } from '../../electron/shared/model';

export interface AccountProblem {
  accountId: string;
  /** The most recent occurrence, so a retry time (rate limit) is the latest one known. */
  problem: Problem;
  /** When the first of its deployments went stale. */
  since: number;
}

export function accountWideProblems(deployments: readonly DeploymentView[]): AccountProblem[] {
  const byAccount = new Map<string, DeploymentView[]>();
  for (const d of deployments) {
    const rows = byAccount.get(d.accountId) ?? [];
    rows.push(d);
    byAccount.set(d.accountId, rows);
  }
  const found: AccountProblem[] = [];
  for (const [accountId, rows] of byAccount) {
    const stale = rows.map((d) => d.stale);
    const first = stale[0];
    if (first === undefined) continue;
    const shared = stale.every((s) => s !== undefined && s.problem.kind === first.problem.kind);
    if (!shared) continue;
    let problem = first.problem;
    let since = first.since;
    for (const s of stale) {
      if (s === undefined) continue;
      if (s.problem.at > problem.at) problem = s.problem;
      since = Math.min(since, s.since);
    }
    found.push({ accountId, problem, since });
  }
  return found;
}
