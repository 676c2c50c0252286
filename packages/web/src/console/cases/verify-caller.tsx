import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import {
  VERIFICATION_IDENTIFIERS,
  verifyCaller,
  type VerificationIdentifier,
} from '../../cases/cases-api';
import { useT } from '../../i18n/i18n-provider';
import { FormError } from '../../sign-in/form-error';
import { useProblemSubmit } from '../admin/use-problem-submit';
import { PatientSearch } from '../patient-search/patient-search';
import { PatientSummaryLine } from '../patient-search/patient-summary-line';
import type { PatientSummary } from '../patient-search/search-patients';

/**
 * Before anything about a patient is said to someone the agent cannot see (a call, a
 * walk-in), the agent checks two of their details against the record and says which
 * matched (issue #5 §5; HIPAA 164.514(h)). For a caller not identified yet, the agent
 * also finds the patient they turned out to be.
 */
export function VerifyCaller({
  caseId,
  identify,
  onVerified,
}: {
  caseId: string;
  /** True for an unidentified caller: choose the patient as well. */
  identify: boolean;
  onVerified: () => void;
}) {
  const t = useT();
  const id = useId();
  const [checked, setChecked] = useState<ReadonlySet<VerificationIdentifier>>(new Set());
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const save = useProblemSubmit(['identifiers', 'patientId']);

  const toggle = (v: VerificationIdentifier) => {
    // The refusal goes once the ticks change: it may no longer be true.
    if (save.fieldErrors.identifiers) {
      const { identifiers: _gone, ...rest } = save.fieldErrors;
      save.refuse(rest);
    }
    setChecked((s) => {
      const next = new Set(s);
      if (next.has(v)) next.delete(v);
      else next.add(v);
      return next;
    });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (identify && !patient) problems.patientId = t('web.cases.new.patient-missing');
    if (checked.size < 2) problems.identifiers = t('web.cases.verify.two');
    if (Object.keys(problems).length > 0) return save.refuse(problems);
    const done = await save.run(async () => {
      await verifyCaller(caseId, [...checked], patient?.id);
    });
    if (done) onVerified();
  };

  const errorId = `${id}-identifiers-error`;
  return (
    <form className="verify-caller" onSubmit={(e) => void submit(e)} noValidate>
      {identify &&
        (patient ? (
          <div className="field chosen-patient">
            <PatientSummaryLine patient={patient} />
            <button type="button" onClick={() => setPatient(null)}>
              {t('web.cases.new.patient-change')}
            </button>
          </div>
        ) : (
          <>
            <PatientSearch onOpen={setPatient} />
            <FormError message={save.fieldErrors.patientId ?? null} />
          </>
        ))}
      <fieldset aria-describedby={`${id}-hint${save.fieldErrors.identifiers ? ` ${errorId}` : ''}`}>
        <legend>{t('web.cases.verify.identifiers')}</legend>
        <p className="hint" id={`${id}-hint`}>
          {t('web.cases.verify.hint')}
        </p>
        {VERIFICATION_IDENTIFIERS.map((v) => (
          <div className="pick" key={v}>
            <input
              type="checkbox"
              id={`${id}-${v}`}
              checked={checked.has(v)}
              onChange={() => toggle(v)}
            />
            <label htmlFor={`${id}-${v}`}>{t(`web.cases.identifier.${v}`)}</label>
          </div>
        ))}
        {save.fieldErrors.identifiers && (
          <p className="form-error" role="alert" id={errorId}>
            {save.fieldErrors.identifiers}
          </p>
        )}
      </fieldset>
      <FormError message={save.error} />
      <button type="submit" className="primary" disabled={save.busy}>
        {identify ? t('web.cases.verify.identify-submit') : t('web.cases.verify.submit')}
      </button>
    </form>
  );
}
