// A deployment record as the state snapshot shows it: DeploymentView without `muted` (the
// controller's business).
import type { DeploymentView, OperationAvailability } from '../../shared/model';
import { deploymentKey } from '../../shared/model';
import { copyFields } from './fields';
import type { DeploymentRecord } from './record';
import { statusKindOf } from './status';

export type DeploymentState = Omit<DeploymentView, 'muted'>;

export function deploymentState(
  rec: DeploymentRecord,
  start: OperationAvailability,
  stop: OperationAvailability,
): DeploymentState {
  const state: DeploymentState = {
    key: deploymentKey(rec.accountId, rec.deploymentId),
    accountId: rec.accountId,
    deploymentId: rec.deploymentId,
    name: rec.fields?.deploymentName ?? rec.deploymentId,
    statusKind:
      rec.notFound !== undefined
        ? 'not-found'
        : rec.fields === undefined
          ? 'unchecked'
          : statusKindOf(rec.fields.status),
    transitions: rec.transitions.map((t) => ({ ...t })),
    unexpectedStop: rec.unexpectedStop,
    start,
    stop,
  };
  if (rec.fields !== undefined) state.fields = copyFields(rec.fields);
  if (rec.checkedAt !== undefined) state.checkedAt = rec.checkedAt;
  if (rec.stale !== undefined) {
    state.stale = { since: rec.stale.since, problem: { ...rec.stale.problem } };
  }
  if (rec.pendingOperation !== undefined) state.pendingOperation = { ...rec.pendingOperation };
  return state;
}
