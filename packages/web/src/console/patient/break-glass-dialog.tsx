import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useT } from '../../i18n/i18n-provider';
import { openBreakGlass, type BreakGlassGrant } from '../../patient-record/patient-api';
import { ModalDialog } from '../../shell/modal-dialog';
import { FormError } from '../../sign-in/form-error';
import { useSubmit } from '../../sign-in/use-submit';

/**
 * Break the glass (issue #3 point 5): a record outside the staff member's reach opens
 * only with a reason, for a limited time, flagged in the audit trail and queued for the
 * privacy officers' review. The dialog says all of that before anything happens.
 */
export function BreakGlassDialog({
  patientId,
  onOpened,
  onCancel,
}: {
  patientId: string;
  onOpened: (grant: BreakGlassGrant) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const id = useId();
  const [reason, setReason] = useState('');
  const { busy, error, run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => onOpened(await openBreakGlass(patientId, reason.trim())));
  };
  return (
    <ModalDialog titleId={`${id}-title`} bodyId={`${id}-warning`} onCancel={onCancel}>
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>{t('web.breakglass.title')}</h2>
        <p id={`${id}-warning`}>{t('web.breakglass.warning')}</p>
        <FormError message={error} />
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('web.breakglass.reason')}</label>
          <p className="hint" id={`${id}-hint`}>
            {t('web.breakglass.reason-hint')}
          </p>
          <textarea
            id={`${id}-reason`}
            aria-describedby={`${id}-hint`}
            rows={3}
            maxLength={1000}
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <div className="dialog-actions">
          <button type="submit" className="primary danger" disabled={busy}>
            {t('web.breakglass.submit')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('web.breakglass.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
