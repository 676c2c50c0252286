import { useId } from 'react';
import type { ReactNode } from 'react';
import { FormError } from '../sign-in/form-error';
import { ModalDialog } from './modal-dialog';

/**
 * Asks once before something that cannot simply be taken back. Cancel has the focus
 * first, so Enter on an unexpected dialog does no harm; a refusal from the server is
 * said inside the dialog, beside the button that caused it.
 */
export function ConfirmDialog({
  title,
  children,
  confirm,
  cancel,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  title: string;
  /** What will happen, in plain words. */
  children: ReactNode;
  confirm: string;
  cancel: string;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  return (
    <ModalDialog titleId={`${id}-title`} bodyId={`${id}-body`} onCancel={onCancel}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`}>{children}</div>
      <FormError message={error} />
      <div className="dialog-actions">
        <button type="button" className="primary danger" disabled={busy} onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" data-initial-focus onClick={onCancel}>
          {cancel}
        </button>
      </div>
    </ModalDialog>
  );
}
