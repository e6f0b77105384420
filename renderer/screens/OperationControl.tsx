// Start or Stop as the controller allows it: enabled, or disabled with the reason beside it.
import { useId } from 'react';
import type { Operation, OperationAvailability } from '../../electron/shared/model';
import { formatBlock } from '../../electron/shared/i18n/format';
import { useTexts } from '../i18n/texts';

export interface OperationControlProps {
  op: Operation;
  availability: OperationAvailability;
  onRequest: (op: Operation) => void;
}

export function OperationControl({ op, availability, onRequest }: OperationControlProps) {
  const { locale, t } = useTexts();
  const reasonId = useId();
  return (
    <div className="operation">
      <button
        type="button"
        className={op === 'stop' ? 'btn btn--danger' : 'btn btn--primary'}
        disabled={!availability.allowed}
        aria-describedby={availability.allowed ? undefined : reasonId}
        onClick={() => onRequest(op)}
      >
        {t(`op.${op}`)}
      </button>
      {!availability.allowed && (
        <p className="operation__reason" id={reasonId}>
          {formatBlock(locale, availability)}
        </p>
      )}
    </div>
  );
}

/**
 * Which of Start/Stop to show. "Not in this state" for the opposite of what the deployment is
 * doing is noise, so such a button is left out unless neither operation applies.
 */
export function shownOperations(start: OperationAvailability, stop: OperationAvailability) {
  const irrelevant = (a: OperationAvailability) => !a.allowed && a.reason === 'wrong-state';
  const both = irrelevant(start) && irrelevant(stop);
  const ops: Operation[] = [];
  if (both || !irrelevant(start)) ops.push('start');
  if (both || !irrelevant(stop)) ops.push('stop');
  return ops;
}
