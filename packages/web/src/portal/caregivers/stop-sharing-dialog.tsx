import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/i18n-provider';

/** Asks once before a consent ends: the caregiver loses access the moment it does. */
export function StopSharingDialog({
  name,
  busy,
  onConfirm,
  onCancel,
}: {
  name: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-labelledby="stop-title"
      aria-describedby="stop-body"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="stop-title">{t('web.caregivers.confirm.title', { name })}</h2>
      <p id="stop-body">{t('web.caregivers.confirm.body', { name })}</p>
      <div className="dialog-actions">
        <button type="button" className="primary danger" disabled={busy} onClick={onConfirm}>
          {t('web.caregivers.confirm.yes')}
        </button>
        <button type="button" autoFocus onClick={onCancel}>
          {t('web.caregivers.confirm.no')}
        </button>
      </div>
    </dialog>
  );
}
