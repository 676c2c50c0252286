import { CALL_OUTCOMES, type CallOutcome } from '@caredesk/core/care-transitions';
import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18n-provider';
import type { PlanTask } from './follow-up-api';
import { OUTCOME_KEY } from './follow-up-labels';

export interface Caregiver {
  id: string;
  name: string;
}

export interface CallInput {
  outcome: CallOutcome;
  party: 'patient' | 'caregiver';
  relatedPersonId?: string;
  note?: string;
}

/**
 * Records one call attempt on a task (issue #6 point 5): its outcome, who was called, a
 * note. A caregiver can be chosen only among the patient's caregivers; the server refuses
 * one without the patient's consent for care plans, and the reason is shown.
 */
export function CallForm({
  task,
  caregivers,
  busy,
  onRecord,
}: {
  task: PlanTask;
  caregivers: readonly Caregiver[];
  busy: boolean;
  onRecord: (call: CallInput) => Promise<void>;
}) {
  const t = useT();
  const id = useId();
  const caregiverOnly = task.needsCaregiverConsent;
  const [outcome, setOutcome] = useState<CallOutcome>('reached');
  const [who, setWho] = useState<string>(caregiverOnly ? (caregivers[0]?.id ?? '') : 'patient');
  const [note, setNote] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const caregiver = who !== 'patient' && who !== '';
    await onRecord({
      outcome,
      party: caregiver ? 'caregiver' : 'patient',
      ...(caregiver ? { relatedPersonId: who } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setNote('');
  };
  return (
    <form className="follow-up-form" onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend>{t('web.followUp.call.legend')}</legend>
        <div className="field">
          <label htmlFor={`${id}-who`}>{t('web.followUp.call.who')}</label>
          <select id={`${id}-who`} value={who} onChange={(e) => setWho(e.target.value)}>
            {!caregiverOnly && <option value="patient">{t('web.followUp.call.patient')}</option>}
            {caregivers.map((c) => (
              <option key={c.id} value={c.id}>
                {t('web.followUp.call.caregiver', { name: c.name })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-outcome`}>{t('web.followUp.call.outcome')}</label>
          <select
            id={`${id}-outcome`}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as CallOutcome)}
          >
            {CALL_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(OUTCOME_KEY[o])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('web.followUp.call.note')}</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <button type="submit" className="primary" disabled={busy || (caregiverOnly && who === '')}>
          {t('web.followUp.call.record')}
        </button>
      </fieldset>
    </form>
  );
}
