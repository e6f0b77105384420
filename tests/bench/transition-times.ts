import type { SimulatedCloud } from '../../electron/simulator/cloud';
import type { TimelineEvent } from './model';

/**
 * Gives the next start/stop its own duration. The simulated cloud reads its start and stop
 * times from its options when an operation is accepted, so setting them just before the
 * request varies them per operation, identically for every strategy.
 */
export function setTransitionTimes(
  cloud: SimulatedCloud,
  event: Extract<TimelineEvent, { kind: 'user' }>,
): void {
  cloud.options.startSeconds = event.startSeconds;
  cloud.options.stopSeconds = event.stopSeconds;
}

/**
 * Plays one timeline event on the cloud, the same way for every strategy: an external change
 * flips the deployment at once; a user's event becomes the start or stop its current status
 * allows (with its own duration set), or is skipped when the status allows neither.
 */
export function applyTimelineEvent(
  cloud: SimulatedCloud,
  event: TimelineEvent,
): 'external' | 'skipped' | 'start' | 'stop' {
  const status = cloud.deployment(event.deploymentId)?.status;
  if (event.kind === 'external') {
    if (status === 'running') cloud.setStatus(event.deploymentId, 'stopped');
    else if (status === 'stopped') cloud.setStatus(event.deploymentId, 'running');
    return 'external';
  }
  const op = status === 'stopped' ? 'start' : status === 'running' ? 'stop' : undefined;
  if (op === undefined) return 'skipped';
  setTransitionTimes(cloud, event);
  return op;
}
