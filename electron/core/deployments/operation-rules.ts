// The one place that decides whether Start or Stop may be sent. The tray menu, the window and
// the engine's own `operate` all ask here, so a button can never offer what the engine refuses.
import type {
  Operation,
  OperationAvailability,
  OperationBlock,
  ProblemKind,
} from '../../shared/model';
import type { DeploymentRecord } from './record';
import { requiredStatus, statusKindOf } from './status';

export interface OperationContext {
  op: Operation;
  record: DeploymentRecord;
  /** The account's polling stopped on this problem (401/403). */
  accountProblem?: ProblemKind;
  /** False while offline or suspended. */
  online: boolean;
  /** The start/stop class of the account's budget. */
  writes: { nextAllowedAt?: number; rateLimitedUntil?: number };
  now: number;
}

export function operationAvailability(ctx: OperationContext): OperationAvailability {
  const block = operationBlock(ctx);
  return block === undefined ? { allowed: true } : { allowed: false, ...block };
}

export function operationBlock(ctx: OperationContext): OperationBlock | undefined {
  const { record, now } = ctx;
  if (record.notFound !== undefined) return { reason: 'not-found' };
  if (ctx.accountProblem !== undefined)
    return { reason: 'account-problem', kind: ctx.accountProblem };
  if (!ctx.online) return { reason: 'offline' };
  if (record.operationInFlight !== undefined) return { reason: 'in-flight' };
  const status = record.fields?.status;
  if (status === undefined) return { reason: 'not-checked' };
  if (statusKindOf(status) === 'unknown') return { reason: 'unknown-status' };
  if (status !== requiredStatus(ctx.op)) return { reason: 'wrong-state', status };
  const limited = ctx.writes.rateLimitedUntil;
  if (limited !== undefined && limited > now)
    return { reason: 'rate-limited', availableAt: limited };
  const next = ctx.writes.nextAllowedAt;
  if (next !== undefined && next > now) return { reason: 'window', availableAt: next };
  return undefined;
}
