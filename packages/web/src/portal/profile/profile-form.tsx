import { firstClassLanguage, type FirstClassLanguage } from '@caredesk/core/patients';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { useSession } from '../../app/session';
import { ApiError } from '../../api/client';
import { useLanguage, useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/languages';
import { saveContactPreferences, type Patient } from '../../patient-record/patient-api';
import { FormError } from '../../sign-in/form-error';
import { channelId, ContactChannel, ContactLanguage } from './contact-choices';
import { ContactSection } from './contact-section';
import { errorId } from './field-error';
import {
  checkDraft,
  controlId,
  draftFrom,
  errorsOfIssues,
  isPhone,
  toPreferences,
  type ClientProblem,
  type FieldErrors,
  type FieldId,
  type ProfileDraft,
} from './profile-draft';
import { QuietHoursFields } from './quiet-hours-fields';

const CLIENT_PROBLEM: Record<ClientProblem, MessageKey> = {
  'channel-needs-phone': 'web.profile.channel.needs-phone',
  'channel-needs-email': 'web.profile.channel.needs-email',
  'quiet-start-missing': 'web.profile.quiet.start-missing',
  'quiet-end-missing': 'web.profile.quiet.end-missing',
  'quiet-same': 'web.profile.quiet.same',
};

/**
 * The editable part of "My profile". Saving sends only how to reach the patient, with the
 * version read, so nothing the page does not show can be lost and nothing is half-saved.
 * A version conflict is the page's to handle (`onConflict`): it reloads the record.
 */
export function ProfileForm({
  patient,
  onSaved,
  onConflict,
}: {
  patient: Patient;
  onSaved: () => void;
  onConflict: () => void;
}) {
  const t = useT();
  const intl = useIntl();
  const { language: screenLanguage } = useLanguage();
  const { chooseLanguage } = useSession();
  const [base, setBase] = useState(patient);
  const [draft, setDraft] = useState<ProfileDraft>(() => draftFrom(patient));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [offer, setOffer] = useState<FirstClassLanguage | null>(null);
  const [shown, setShown] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLDivElement>(null);

  // After a refused save the summary takes the focus, so the problems are read out first.
  useEffect(() => {
    if (shown > 0) summary.current?.focus();
  }, [shown]);
  useEffect(() => {
    if (saved) status.current?.scrollIntoView({ block: 'nearest' });
  }, [saved]);

  const change = (c: Partial<ProfileDraft>) => {
    setDraft((d) => ({ ...d, ...c }));
    setSaved(false);
  };
  const refuse = (found: FieldErrors) => {
    setErrors(found);
    setShown((n) => n + 1);
  };
  const languageName = (tag: string) =>
    new Intl.DisplayNames([intl.locale], { type: 'language' }).of(tag) ?? tag;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setSaved(false);
    setOffer(null);
    const problems = Object.entries(checkDraft(draft)) as Array<[FieldId, ClientProblem]>;
    if (problems.length > 0) {
      refuse(Object.fromEntries(problems.map(([f, p]) => [f, t(CLIENT_PROBLEM[p])])));
      return;
    }
    const { body, rowKeys } = toPreferences(draft);
    setBusy(true);
    setErrors({});
    try {
      const next = await saveContactPreferences(base.id, body, base.version);
      const chosen = firstClassLanguage(next.preferredLanguage);
      // Changing how the clinic speaks to them does not switch these screens by itself;
      // the patient is asked, in one tap (see the hint under the language field).
      if (chosen && chosen !== screenLanguage && next.preferredLanguage !== base.preferredLanguage)
        setOffer(chosen);
      setBase(next);
      setDraft(draftFrom(next));
      setSaved(true);
      onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) onConflict();
      else if (err instanceof ApiError && err.status === 400 && err.issues.length > 0)
        refuse(errorsOfIssues(err.issues, rowKeys));
      else {
        const known = err instanceof ApiError && err.status !== 0 && err.message;
        setErrors({ form: known ? err.message : t('web.error.network') });
      }
    } finally {
      setBusy(false);
    }
  };

  /** How the summary names a field: the same words as its label. */
  const labelOf = (field: FieldId): string => {
    if (field.startsWith('contact:')) {
      const row = draft.contacts.find((c) => `contact:${c.key}` === field);
      const same = draft.contacts.filter((c) => row && isPhone(c) === isPhone(row));
      const index = row ? same.indexOf(row) + 1 : 1;
      const phone = row ? isPhone(row) : true;
      if (same.length > 1)
        return t(phone ? 'web.profile.phone.label-numbered' : 'web.profile.email.label-numbered', {
          index,
        });
      return t(phone ? 'web.profile.phone.label' : 'web.profile.email.label');
    }
    const labels: Record<string, MessageKey> = {
      contacts: 'web.profile.contacts',
      language: 'web.profile.language.label',
      channel: 'web.profile.channel.legend',
      'quiet-start': 'web.profile.quiet.start',
      'quiet-end': 'web.profile.quiet.end',
      'quiet-zone': 'web.profile.quiet.zone',
    };
    return t(labels[field] ?? 'web.profile.contacts');
  };
  const targetOf = (field: FieldId) =>
    field === 'channel'
      ? channelId(draft.channel)
      : field === 'contacts'
        ? errorId('contacts')
        : controlId(field);
  const listed = (Object.keys(errors) as FieldId[]).filter((f) => f !== 'form');

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="profile-form">
      <FormError message={errors.form ?? null} />
      {listed.length > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <h2>{t('web.profile.errors.title', { count: listed.length })}</h2>
          <ul>
            {listed.map((field) => (
              <li key={field}>
                <a
                  href={`#${targetOf(field)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(targetOf(field))?.focus();
                  }}
                >
                  {t('web.profile.errors.item', {
                    field: labelOf(field),
                    message: errors[field] ?? '',
                  })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {errors.contacts && (
        <p className="field-error" id={errorId('contacts')} tabIndex={-1}>
          {errors.contacts}
        </p>
      )}
      <ContactSection
        kind="phone"
        rows={draft.contacts}
        errors={errors}
        onChange={(contacts) => change({ contacts })}
      />
      <ContactSection
        kind="email"
        rows={draft.contacts}
        errors={errors}
        onChange={(contacts) => change({ contacts })}
      />
      <section className="patient-section" aria-labelledby="profile-how-title">
        <h2 id="profile-how-title">{t('web.profile.how.title')}</h2>
        <ContactLanguage
          value={draft.language}
          errors={errors}
          onChange={(language) => change({ language })}
        />
        <ContactChannel
          value={draft.channel}
          errors={errors}
          onChange={(channel) => change({ channel })}
        />
      </section>
      <QuietHoursFields value={draft} errors={errors} onChange={change} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('web.profile.saving') : t('web.profile.save')}
      </button>
      <div role="status" className="save-status" ref={status}>
        {saved && (
          <p className="notice">
            {t('web.profile.saved')}
            {offer && (
              <>
                {' '}
                {t('web.profile.language-offer', {
                  language: languageName(offer),
                  current: languageName(screenLanguage),
                })}
              </>
            )}
          </p>
        )}
      </div>
      {saved && offer && (
        <button
          type="button"
          onClick={() => {
            chooseLanguage(offer);
            setOffer(null);
          }}
        >
          {t('web.profile.language-offer.switch', { language: languageName(offer) })}
        </button>
      )}
    </form>
  );
}
