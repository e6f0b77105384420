// What a status string means to the engine. The API may send values nobody documented: those
// are `unknown`, shown verbatim and never acted on.
import { isKnownStatus } from '../api/types';
import type { Operation, StatusKind } from '../../shared/model';

/** States that end on their own soon: worth watching closely. */
const TRANSITIONAL = new Set(['starting', 'stopping', 'pending']);

export function isTransitional(status: string): boolean {
  return TRANSITIONAL.has(status);
}

export function statusKindOf(status: string): StatusKind {
  return isKnownStatus(status) ? status : 'unknown';
}

/** The only status each operation may start from. */
export function requiredStatus(op: Operation): 'stopped' | 'running' {
  return op === 'start' ? 'stopped' : 'running';
}

/** Where an operation ends when it succeeds. */
export function targetStatus(op: Operation): 'running' | 'stopped' {
  return op === 'start' ? 'running' : 'stopped';
}

/** What the deployment shows while the operation runs (the 201's `operation`). */
export function duringStatus(op: Operation): 'starting' | 'stopping' {
  return op === 'start' ? 'starting' : 'stopping';
}
