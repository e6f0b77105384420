// "Are you sure?" with the consequence spelled out. Cancel has the initial focus, so a stray
// Enter never confirms something that cannot be undone for an hour.
import type { ReactNode } from 'react';
import type { CommandError } from '../../electron/shared/contract';
import { useTexts } from '../i18n/texts';
import { Dialog } from './Dialog';
import { ErrorMessage } from './ErrorMessage';
import { PendingButton } from './PendingButton';

export interface ConfirmDialogProps {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  /** Red only when confirming does harm (stop, remove); a start is an ordinary action. */
  confirmVariant?: 'primary' | 'danger';
  pending: boolean;
  error: CommandError | null;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTexts();
  const { title, body, confirmLabel, pendingLabel, pending, error, onConfirm, onCancel } = props;
  const confirmVariant = props.confirmVariant ?? 'danger';
  return (
    <Dialog title={title} onCancel={onCancel} cancelBlocked={pending}>
      {({ descriptionId }) => (
        <>
          <div id={descriptionId} className="dialog__body">
            {body}
          </div>
          <ErrorMessage error={error} />
          <div className="dialog__actions">
            <button
              type="button"
              className="btn"
              data-autofocus
              onClick={onCancel}
              disabled={pending}
            >
              {t('common.cancel')}
            </button>
            <PendingButton
              variant={confirmVariant}
              pending={pending}
              pendingLabel={pendingLabel}
              onClick={onConfirm}
            >
              {confirmLabel}
            </PendingButton>
          </div>
        </>
      )}
    </Dialog>
  );
}
