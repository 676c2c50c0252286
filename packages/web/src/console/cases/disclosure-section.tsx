import { useId, useState } from 'react';
import { useT } from '../../i18n/i18n-provider';
import { DisclosureDialog } from './disclosure-dialog';

/**
 * Beside the patient on the case page: "Record a disclosure", for when the agent told
 * someone other than the patient something from the record (issue #5 §5). Shown only for
 * a case with a patient whose caller is verified: before that nothing may be told at all.
 */
export function DisclosureSection({
  caseId,
  patientId,
  onRecorded,
}: {
  caseId: string;
  patientId: string;
  onRecorded: () => void;
}) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <section className="case-panel case-disclosure" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('web.disclosure.section')}</h2>
      <p className="hint">{t('web.disclosure.section-hint')}</p>
      <button type="button" onClick={() => setOpen(true)}>
        {t('web.disclosure.open')}
      </button>
      {open && (
        <DisclosureDialog
          caseId={caseId}
          patientId={patientId}
          onCancel={() => setOpen(false)}
          onRecorded={() => {
            setOpen(false);
            onRecorded();
          }}
        />
      )}
    </section>
  );
}
