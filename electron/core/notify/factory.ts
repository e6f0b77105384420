// The notification factory: turns the events of one step into at most one notification, in
// the user's language. Several changes at once become one grouped notification, so a burst
// (e.g. after a billing stop of every Serverless deployment) does not flood the desktop.
import { translate } from '../../shared/i18n';
import { formatProblem } from '../../shared/i18n/format';
import type { Locale } from '../../shared/model';
import type { NotificationRequest } from '../app/ports';
import { subjectOf, type NotifyEvent } from './events';
import { urgencyOf } from './severity';

/** Lines a grouped body lists before it says "…and N more". */
export const GROUP_LINES = 5;

function titleOf(event: NotifyEvent, locale: Locale): string {
  return 'deploymentKey' in event
    ? translate(locale, `notifications.${event.kind}.title`, { name: event.name })
    : translate(locale, `notifications.${event.kind}.title`, { account: event.name });
}

function bodyOf(event: NotifyEvent, locale: Locale): string {
  return 'deploymentKey' in event
    ? translate(locale, `notifications.${event.kind}.body`)
    : translate(locale, `notifications.${event.kind}.body`, {
        problem: formatProblem(locale, event.problem),
      });
}

export function singleNotification(
  event: NotifyEvent,
  locale: Locale,
  now: number,
): NotificationRequest {
  const request: NotificationRequest = {
    id: `${event.kind}:${subjectOf(event)}@${now}`,
    kind: event.kind,
    title: titleOf(event, locale),
    body: bodyOf(event, locale),
    urgency: urgencyOf(event.kind),
  };
  if ('deploymentKey' in event) request.deploymentKey = event.deploymentKey;
  return request;
}

/** `events` in the order to list them; the first one gives the kind and the click target. */
export function groupedNotification(
  events: readonly NotifyEvent[],
  locale: Locale,
  now: number,
): NotificationRequest {
  const [first] = events;
  if (first === undefined) throw new RangeError('A grouped notification needs events');
  const count = events.length;
  const onlyDeployments = events.every((e) => 'deploymentKey' in e);
  const lines = events.slice(0, GROUP_LINES).map((e) => titleOf(e, locale));
  if (count > GROUP_LINES) {
    lines.push(translate(locale, 'notifications.group.more', { count: count - GROUP_LINES }));
  }
  const request: NotificationRequest = {
    id: `group:${events.map((e) => `${e.kind}:${subjectOf(e)}`).join(',')}@${now}`,
    kind: first.kind,
    title: onlyDeployments
      ? translate(locale, 'notifications.group.title.deployments', { count })
      : translate(locale, 'notifications.group.title.mixed', { count }),
    body: lines.join('\n'),
    urgency: events.some((e) => urgencyOf(e.kind) === 'critical') ? 'critical' : 'normal',
  };
  const target = events.find((e) => 'deploymentKey' in e);
  if (target && 'deploymentKey' in target) request.deploymentKey = target.deploymentKey;
  return request;
}

/** None, one, or one grouped notification for the events of one step. */
export function notificationsFor(
  events: readonly NotifyEvent[],
  locale: Locale,
  now: number,
): NotificationRequest[] {
  const [first] = events;
  if (first === undefined) return [];
  if (events.length === 1) return [singleNotification(first, locale, now)];
  return [groupedNotification(events, locale, now)];
}
