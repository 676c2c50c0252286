import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/languages';
import { AUDIT_ACTIONS, type AuditFilter } from './audit-api';

export const actionKey = (a: string) => `web.audit.action.${a}` as MessageKey;

/** A calendar day from a date input, as the instant it starts (UTC) or the next one starts. */
const dayStart = (d: string) => (d ? `${d}T00:00:00.000Z` : undefined);
const dayAfter = (d: string) =>
  d ? new Date(Date.parse(`${d}T00:00:00.000Z`) + 86_400_000).toISOString() : undefined;

/** Report filters (ONC 170.315(d)(3)): patient, person, days, action, outcome. */
export function AuditFilters({ onApply }: { onApply: (f: AuditFilter) => void }) {
  const t = useT();
  const id = useId();
  const [patientId, setPatientId] = useState('');
  const [actorId, setActorId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [action, setAction] = useState('');
  const [outcome, setOutcome] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({
      patientId: patientId.trim() || undefined,
      actorId: actorId.trim() || undefined,
      from: dayStart(from),
      to: dayAfter(to),
      action: action || undefined,
      outcome: outcome || undefined,
    });
  };
  const field = (name: string) => `${id}-${name}`;
  return (
    <form className="audit-filters" onSubmit={submit}>
      <div className="field">
        <label htmlFor={field('patient')}>{t('web.audit.patient-id')}</label>
        <input
          id={field('patient')}
          value={patientId}
          onChange={(e) => setPatientId(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={field('actor')}>{t('web.audit.actor-id')}</label>
        <input id={field('actor')} value={actorId} onChange={(e) => setActorId(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={field('from')}>{t('web.audit.from')}</label>
        <input
          id={field('from')}
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={field('to')}>{t('web.audit.to')}</label>
        <input id={field('to')} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={field('action')}>{t('web.audit.action')}</label>
        <select id={field('action')} value={action} onChange={(e) => setAction(e.target.value)}>
          <option value="">{t('web.audit.any')}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(actionKey(a))}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={field('outcome')}>{t('web.audit.outcome')}</label>
        <select id={field('outcome')} value={outcome} onChange={(e) => setOutcome(e.target.value)}>
          <option value="">{t('web.audit.any')}</option>
          <option value="success">{t('web.audit.outcome.success')}</option>
          <option value="denied">{t('web.audit.outcome.denied')}</option>
          <option value="failed">{t('web.audit.outcome.failed')}</option>
        </select>
      </div>
      <button type="submit" className="primary">
        {t('web.audit.apply')}
      </button>
    </form>
  );
}
