// What the policy found worth telling, before it becomes text: one event per real change.
import type { NotificationKind, Problem } from '../../shared/model';

export type DeploymentEventKind = Extract<
  NotificationKind,
  'became-running' | 'became-stopped' | 'unexpected-stop' | 'failed' | 'not-found'
>;

export type NotifyEvent =
  | { kind: DeploymentEventKind; deploymentKey: string; name: string }
  | {
      kind: 'credentials-rejected' | 'connection-problem';
      accountId: string;
      /** The account's label, or its key ID when it has none. */
      name: string;
      problem: Pick<Problem, 'kind' | 'retryAt'>;
    };

/** Which deployment or account an event is about, for ids and ordering. */
export function subjectOf(event: NotifyEvent): string {
  return 'deploymentKey' in event ? event.deploymentKey : `account:${event.accountId}`;
}
