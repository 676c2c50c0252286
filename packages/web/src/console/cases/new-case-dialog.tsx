import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import {
  CASE_CHANNELS,
  CASE_PRIORITIES,
  type CaseChannel,
  type CasePriority,
} from '@caredesk/core/cases';
import { createCase, type NewCase } from '../../cases/cases-api';
import { useT } from '../../i18n/i18n-provider';
import { ModalDialog } from '../../shell/modal-dialog';
import { FormError } from '../../sign-in/form-error';
import { TextInput } from '../admin/text-input';
import { useProblemSubmit } from '../admin/use-problem-submit';
import { PatientSearch } from '../patient-search/patient-search';
import { PatientSummaryLine } from '../patient-search/patient-summary-line';
import type { PatientSummary } from '../patient-search/search-patients';
import { channelName, priorityName } from './case-labels';
import { CaseField } from './new-case-fields';
import type { Categories } from './use-categories';

/** Who the case is for: a patient on file, or a caller not identified yet (issue #5 §1). */
type Who = 'patient' | 'caller';

/**
 * Opens a case by hand, for a call, a walk-in or a letter. A caller who has not been
 * identified gets a case too, with their name and number; nothing about any patient is
 * shown to them until someone identifies them (issue #5 §5).
 */
export function NewCaseDialog({
  categories,
  onCancel,
}: {
  categories: Categories;
  onCancel: () => void;
}) {
  const t = useT();
  const id = useId();
  const navigate = useNavigate();
  const [who, setWho] = useState<Who>('patient');
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [caller, setCaller] = useState({ name: '', phone: '', email: '' });
  const [channel, setChannel] = useState<CaseChannel>('phone');
  const [category, setCategory] = useState('general');
  const [priority, setPriority] = useState<CasePriority>('routine');
  const [subject, setSubject] = useState('');
  const [message, setMessage] = useState('');
  const save = useProblemSubmit(['patientId', 'caller', 'category', 'subject', 'message']);
  const errors = save.fieldErrors;
  /** A field's refusal goes once the field is changed: it no longer describes it. */
  const edited = (field: string) => {
    if (!(field in errors)) return;
    const { [field]: _gone, ...rest } = errors;
    save.refuse(rest);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (who === 'patient' && !patient) problems.patientId = t('web.cases.new.patient-missing');
    if (who === 'caller' && !caller.name.trim() && !caller.phone.trim())
      problems.caller = t('web.cases.new.caller-missing');
    if (!subject.trim()) problems.subject = t('web.cases.new.subject-missing');
    if (Object.keys(problems).length > 0) return save.refuse(problems);
    const body: NewCase = { channel, category, priority, subject: subject.trim() };
    if (message.trim()) body.message = message.trim();
    if (who === 'patient' && patient) body.patientId = patient.id;
    if (who === 'caller') {
      const given = Object.entries(caller).filter(([, v]) => v.trim());
      body.caller = Object.fromEntries(given.map(([k, v]) => [k, v.trim()]));
    }
    await save.run(async () => {
      const created = await createCase(body);
      void navigate(`/console/cases/${created.id}`);
    });
  };

  const codes = categories.codes.length > 0 ? categories.codes : ['general'];
  return (
    <ModalDialog titleId={`${id}-title`} onCancel={onCancel}>
      <h2 id={`${id}-title`}>{t('web.cases.new.title')}</h2>
      <form className="new-case-form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>{t('web.cases.new.who')}</legend>
          {(['patient', 'caller'] as const).map((w) => (
            <div className="pick" key={w}>
              <input
                type="radio"
                id={`${id}-${w}`}
                name={`${id}-who`}
                checked={who === w}
                onChange={() => setWho(w)}
              />
              <label htmlFor={`${id}-${w}`}>{t(`web.cases.new.who.${w}`)}</label>
            </div>
          ))}
        </fieldset>
        {who === 'patient' &&
          (patient ? (
            <div className="field chosen-patient">
              <p className="hint">{t('web.cases.new.patient-chosen')}</p>
              <PatientSummaryLine patient={patient} />
              <button type="button" onClick={() => setPatient(null)}>
                {t('web.cases.new.patient-change')}
              </button>
            </div>
          ) : (
            <>
              <PatientSearch
                onOpen={(p) => {
                  edited('patientId');
                  setPatient(p);
                }}
              />
              <FormError message={errors.patientId ?? null} />
            </>
          ))}
        {who === 'caller' && (
          <fieldset>
            <legend>{t('web.cases.new.caller')}</legend>
            <p className="hint">{t('web.cases.new.caller-hint')}</p>
            <TextInput
              label={t('web.cases.new.caller-name')}
              error={errors.caller}
              autoComplete="off"
              value={caller.name}
              onChange={(e) => {
                edited('caller');
                setCaller({ ...caller, name: e.target.value });
              }}
            />
            <TextInput
              label={t('web.cases.new.caller-phone')}
              error={undefined}
              type="tel"
              autoComplete="off"
              value={caller.phone}
              onChange={(e) => {
                edited('caller');
                setCaller({ ...caller, phone: e.target.value });
              }}
            />
            <TextInput
              label={t('web.cases.new.caller-email')}
              error={undefined}
              type="email"
              autoComplete="off"
              value={caller.email}
              onChange={(e) => setCaller({ ...caller, email: e.target.value })}
            />
          </fieldset>
        )}
        <div className="new-case-codes">
          <CaseField label={t('web.cases.field.channel')}>
            {(c) => (
              <select
                {...c}
                value={channel}
                onChange={(e) => setChannel(e.target.value as CaseChannel)}
              >
                {CASE_CHANNELS.map((x) => (
                  <option key={x} value={x}>
                    {channelName(t, x)}
                  </option>
                ))}
              </select>
            )}
          </CaseField>
          <CaseField label={t('web.cases.field.category')} error={errors.category}>
            {(c) => (
              <select {...c} value={category} onChange={(e) => setCategory(e.target.value)}>
                {codes.map((x) => (
                  <option key={x} value={x}>
                    {categories.name(x)}
                  </option>
                ))}
              </select>
            )}
          </CaseField>
          <CaseField label={t('web.cases.field.priority')}>
            {(c) => (
              <select
                {...c}
                value={priority}
                onChange={(e) => setPriority(e.target.value as CasePriority)}
              >
                {CASE_PRIORITIES.map((x) => (
                  <option key={x} value={x}>
                    {priorityName(t, x)}
                  </option>
                ))}
              </select>
            )}
          </CaseField>
        </div>
        <TextInput
          label={t('web.cases.field.subject')}
          error={errors.subject}
          autoComplete="off"
          maxLength={200}
          value={subject}
          onChange={(e) => {
            edited('subject');
            setSubject(e.target.value);
          }}
        />
        <CaseField
          label={t('web.cases.field.message')}
          hint={t('web.cases.new.message-hint')}
          error={errors.message}
        >
          {(c) => (
            <textarea
              {...c}
              rows={4}
              value={message}
              onChange={(e) => setMessage(e.target.value)}
            />
          )}
        </CaseField>
        <FormError message={save.error} />
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={save.busy}>
            {t('web.cases.new.submit')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('web.cases.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
