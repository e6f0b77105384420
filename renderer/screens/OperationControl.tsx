// Start or Stop as the controller allows it: enabled, or disabled with the reason beside it.
import { useId } from 'react';
import type { Operation, OperationAvailability } from '../../electron/shared/model';
import { formatBlock } from '../../electron/shared/i18n/format';
import { useTexts } from '../i18n/texts';

export interface OperationControlProps {
  op: Operation;
  availability: OperationAvailability;
  onRequest: (op: Operation) => void;
  /**
   * The element that already states when start/stop opens again. A button held back only by
   * that time points there instead of repeating it.
   */
  scheduleId: string;
}

/** Blocked only until a known time, which the details' schedule line states once. */
export function blockedUntilTime(availability: OperationAvailability): boolean {
  if (availability.allowed) return false;
  return (
    availability.reason === 'window' ||
    (availability.reason === 'rate-limited' && availability.availableAt !== undefined)
  );
}

export function OperationControl(props: OperationControlProps) {
  const { op, availability, onRequest, scheduleId } = props;
  const { locale, t } = useTexts();
  const reasonId = useId();
  const ownReason = !availability.allowed && !blockedUntilTime(availability);
  const describedBy = availability.allowed ? undefined : ownReason ? reasonId : scheduleId;
  return (
    <div className="operation">
      <button
        type="button"
        className={op === 'stop' ? 'btn btn--danger' : 'btn btn--primary'}
        disabled={!availability.allowed}
        aria-describedby={describedBy}
        onClick={() => onRequest(op)}
      >
        {t(`op.${op}`)}
      </button>
      {ownReason && (
        <p className="operation__reason" id={reasonId}>
          {formatBlock(locale, availability)}
        </p>
      )}
    </div>
  );
}

/** API statuses of a deployment on its way from one state to another. */
const CHANGING_STATUSES = new Set<string>(['starting', 'stopping', 'pending']);

/** Held back because the deployment is changing state (by this app's request or another's). */
function changing(a: OperationAvailability): boolean {
  if (a.allowed) return false;
  return (
    a.reason === 'in-flight' || (a.reason === 'wrong-state' && CHANGING_STATUSES.has(a.status))
  );
}

/**
 * Which of Start/Stop to show. "Not in this state" for the opposite of what the deployment is
 * doing is noise, so such a button is left out unless neither operation applies. While the
 * deployment is changing state neither is shown: two disabled buttons would give the same
 * reason twice, and the status and the pending line already say what is going on.
 */
export function shownOperations(start: OperationAvailability, stop: OperationAvailability) {
  if (changing(start) && changing(stop)) return [];
  const irrelevant = (a: OperationAvailability) => !a.allowed && a.reason === 'wrong-state';
  const both = irrelevant(start) && irrelevant(stop);
  const ops: Operation[] = [];
  if (both || !irrelevant(start)) ops.push('start');
  if (both || !irrelevant(stop)) ops.push('stop');
  return ops;
}
