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
