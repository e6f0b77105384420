// The status-change classifier: whether a deployment's move from one read to the next is news.
import type { DeploymentView } from '../../shared/model';
import type { DeploymentEventKind } from './events';

/**
 * The kind of news in a status change, or null. A deployment with no earlier read (`before`
 * missing or `unchecked`) has no change to report: it was just added. Transitional and unknown
 * statuses are not news by themselves; the settled status they lead to is.
 */
export function classifyDeploymentChange(
  before: DeploymentView | undefined,
  after: DeploymentView,
): DeploymentEventKind | null {
  if (before === undefined || before.statusKind === 'unchecked') return null;
  if (before.statusKind === after.statusKind) return null;
  switch (after.statusKind) {
    case 'running':
      return 'became-running';
    case 'stopped':
      return after.unexpectedStop ? 'unexpected-stop' : 'became-stopped';
    case 'failed':
      return 'failed';
    case 'not-found':
      return 'not-found';
    default:
      return null;
  }
}
