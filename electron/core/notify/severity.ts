// How much each kind of news matters: the order a grouped notification lists them in (and so
// which one a click opens), and which ones ask the OS to make noise.
import type { NotificationKind } from '../../shared/model';
import type { NotificationUrgency } from '../app/ports';

/** Most pressing first. */
const SEVERITY_ORDER: readonly NotificationKind[] = [
  'credentials-rejected',
  'unexpected-stop',
  'failed',
  'not-found',
  'connection-problem',
  'became-stopped',
  'became-running',
];

// Each of these means something stopped working and will not fix itself.
const CRITICAL = new Set<NotificationKind>(['failed', 'unexpected-stop', 'credentials-rejected']);

export function urgencyOf(kind: NotificationKind): NotificationUrgency {
  return CRITICAL.has(kind) ? 'critical' : 'normal';
}

export function severityRank(kind: NotificationKind): number {
  return SEVERITY_ORDER.indexOf(kind);
}
