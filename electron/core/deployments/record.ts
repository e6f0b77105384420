// What the engine knows about one watched deployment, and the pure updates that move it: a good
// read, a failed one, a 404, an operation sent and accepted. Every function returns a new record.
import type { Deployment, OperationAccepted } from '../api/types';
import type { DeploymentFields, Operation, Problem, TransitionRecord } from '../../shared/model';
import { copyFields, fieldsFromRead } from './fields';
import { duringStatus, isTransitional, requiredStatus, targetStatus } from './status';

/** Transitions kept per deployment: enough for "what happened today", small enough to ship. */
export const MAX_TRANSITIONS = 20;

/**
 * A read right after a 201 may still show the old status (the cloud's own state lags the
 * accepted request). Within this grace the shown status stays `starting`/`stopping` rather
 * than blinking back and announcing a change that did not happen.
 */
export const OPERATION_ECHO_GRACE_MS = 2 * 60 * 1000;

/** An operation the cloud has not finished after this long is no longer ours to explain. */
export const PENDING_OPERATION_MAX_MS = 60 * 60 * 1000;

export interface DeploymentRecord {
  accountId: string;
  deploymentId: string;
  /** Last good snapshot. */
  fields?: DeploymentFields;
  checkedAt?: number;
  stale?: { since: number; problem: Problem };
  /** Set after a 404: polling stops, the entry stays until the user removes it. */
  notFound?: Problem;
  transitions: TransitionRecord[];
  pendingOperation?: { op: Operation; sentAt: number };
  /** A start/stop request for this deployment is on the wire. */
  operationInFlight?: Operation;
  unexpectedStop: boolean;
  /** The next good read is a baseline (first read, after resume): it tells nobody news. */
  baselinePending: boolean;
}

export function newRecord(
  accountId: string,
  deploymentId: string,
  at: number,
  initial?: Deployment,
): DeploymentRecord {
  const record: DeploymentRecord = {
    accountId,
    deploymentId,
    transitions: [],
    unexpectedStop: false,
    baselinePending: initial === undefined,
  };
  if (initial === undefined) return record;
  record.fields = fieldsFromRead(initial);
  record.checkedAt = at;
  record.transitions = [{ at, from: null, to: initial.status, userInitiated: false }];
  return record;
}

export interface ReadOutcome {
  record: DeploymentRecord;
  /** The status changed (a transition was recorded). */
  transition?: TransitionRecord;
  /** This read was a baseline: the change it shows is not news. */
  baseline: boolean;
}

export function applyRead(rec: DeploymentRecord, read: Deployment, at: number): ReadOutcome {
  const previousStatus = rec.notFound === undefined ? (rec.fields?.status ?? null) : null;
  const fields = fieldsFromRead(read, rec.fields);
  const next: DeploymentRecord = { ...rec, fields, checkedAt: at, baselinePending: false };
  delete next.stale;
  delete next.notFound;

  let userInitiated = false;
  const pending = rec.pendingOperation;
  if (pending !== undefined) {
    const age = at - pending.sentAt;
    const status = read.status;
    const lagging =
      status === requiredStatus(pending.op) &&
      age < OPERATION_ECHO_GRACE_MS &&
      previousStatus !== null &&
      isTransitional(previousStatus);
    if (lagging) {
      fields.status = previousStatus;
    } else if (status === targetStatus(pending.op)) {
      userInitiated = true;
      delete next.pendingOperation;
    } else if (isTransitional(status) && age < PENDING_OPERATION_MAX_MS) {
      userInitiated = true;
    } else {
      delete next.pendingOperation;
    }
  }

  const to = fields.status;
  if (to === previousStatus) return { record: next, baseline: rec.baselinePending };
  const transition: TransitionRecord = { at, from: previousStatus, to, userInitiated };
  next.transitions = appendTransition(rec.transitions, transition);
  next.unexpectedStop = unexpectedStopAfter(previousStatus, to, userInitiated, pending?.op);
  return { record: next, transition, baseline: rec.baselinePending };
}

/** `running -> stopped` (or any way into `stopped`) that no start/stop of ours explains. */
function unexpectedStopAfter(
  from: string | null,
  to: string,
  userInitiated: boolean,
  pendingOp: Operation | undefined,
): boolean {
  if (to !== 'stopped' || from === null) return false;
  return !(userInitiated && pendingOp === 'stop');
}

function appendTransition(list: TransitionRecord[], t: TransitionRecord): TransitionRecord[] {
  const out = [...list, t];
  return out.length > MAX_TRANSITIONS ? out.slice(out.length - MAX_TRANSITIONS) : out;
}

/** A read failed for a passing reason: the status shown may be old. */
export function applyStale(rec: DeploymentRecord, problem: Problem): DeploymentRecord {
  return { ...rec, stale: { since: rec.stale?.since ?? problem.at, problem } };
}

export function applyNotFound(rec: DeploymentRecord, problem: Problem): DeploymentRecord {
  const next: DeploymentRecord = { ...rec, notFound: problem, baselinePending: false };
  delete next.stale;
  delete next.pendingOperation;
  return next;
}

export function applyOperationSent(rec: DeploymentRecord, op: Operation): DeploymentRecord {
  return { ...rec, operationInFlight: op };
}

/** 201: the deployment shows the transitional status at once; reads will confirm it. */
export function applyOperationAccepted(
  rec: DeploymentRecord,
  op: Operation,
  accepted: OperationAccepted,
  at: number,
): DeploymentRecord {
  const next: DeploymentRecord = {
    ...rec,
    pendingOperation: { op, sentAt: at },
    unexpectedStop: false,
  };
  delete next.operationInFlight;
  const during = isTransitional(accepted.operation) ? accepted.operation : duringStatus(op);
  if (rec.fields !== undefined && rec.fields.status !== during) {
    const fields = copyFields(rec.fields);
    fields.status = during;
    next.fields = fields;
    next.transitions = appendTransition(rec.transitions, {
      at,
      from: rec.fields.status,
      to: during,
      userInitiated: true,
    });
  }
  return next;
}

/** The request ended without a 201 (refused or failed). */
export function applyOperationEnded(rec: DeploymentRecord): DeploymentRecord {
  const next = { ...rec };
  delete next.operationInFlight;
  return next;
}

/** After resume: the next read only re-establishes what is true. */
export function markBaseline(rec: DeploymentRecord): DeploymentRecord {
  return { ...rec, baselinePending: true };
}
