// "Stopped watching X. Undo": the remove is immediate, the way back lasts a few seconds.
import { useCallback, useEffect, useRef } from 'react';
import { useCommand } from '../app/use-command';
import { useAnnounce } from '../app/announcer';
import { ErrorMessage } from '../components/ErrorMessage';
import { PendingButton } from '../components/PendingButton';
import { useTexts } from '../i18n/texts';
import type { RemovedDeployment } from './DeploymentRow';

export const UNDO_WINDOW_MS = 10_000;

export function UndoToast({
  removed,
  onClose,
}: {
  removed: RemovedDeployment;
  onClose: () => void;
}) {
  const { t } = useTexts();
  const announce = useAnnounce();
  const undo = useCommand('deployment.undoRemove');
  const undoButton = useRef<HTMLButtonElement>(null);
  const toast = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // The row that had focus is gone; the way back is the natural next stop.
    undoButton.current?.focus();
  }, [removed]);

  const close = useCallback(() => {
    // Closing must not drop keyboard focus on the floor: hand it to the screen's heading.
    if (toast.current?.contains(document.activeElement)) {
      document.querySelector<HTMLElement>('main h1')?.focus();
    }
    onClose();
  }, [onClose]);

  useEffect(() => {
    if (undo.pending || undo.error) return;
    const id = setTimeout(close, UNDO_WINDOW_MS);
    return () => clearTimeout(id);
  }, [removed, close, undo.pending, undo.error]);

  const onUndo = async () => {
    const result = await undo.run({
      accountId: removed.accountId,
      deploymentId: removed.deploymentId,
    });
    if (result?.ok) {
      announce(t('window.deployments.undone', { name: removed.name }));
      close();
    }
  };

  return (
    <div className="toast" ref={toast}>
      <p className="toast__text">{t('window.deployments.removed', { name: removed.name })}</p>
      <PendingButton
        ref={undoButton}
        variant="primary"
        pending={undo.pending}
        onClick={() => void onUndo()}
      >
        {t('window.deployments.undo')}
      </PendingButton>
      <button
        type="button"
        className="btn btn--plain"
        onClick={close}
        aria-label={t('window.close')}
      >
        ✕
      </button>
      <ErrorMessage error={undo.error} />
    </div>
  );
}
