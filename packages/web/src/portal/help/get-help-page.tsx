import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../../app/session';
import { openPatientRequest } from '../../cases/cases-api';
import { useT } from '../../i18n/i18n-provider';
import { FormError } from '../../sign-in/form-error';
import { useSubmit } from '../../sign-in/use-submit';
import '../../styles/portal-help.css';
import { choiceHint, choiceName, HELP_CHOICES, type HelpChoice } from './help-labels';

type Problem = 'choice' | 'subject' | 'message';

/** What the request page says after "Get help" sent one (router state, never storage). */
export interface SentNotice {
  sent: true;
}

/**
 * "Get help" (issue #5 point 9): the patient says what they need in their own words,
 * picked from a short list, and writes what it is about; the request becomes a case
 * in their language and they are taken to it, where the answer will appear.
 */
export function GetHelpPage() {
  const t = useT();
  const id = useId();
  const navigate = useNavigate();
  const patientId = useSession().account?.patientId ?? '';
  const form = useRef<HTMLFormElement>(null);
  const [choice, setChoice] = useState<HelpChoice | null>(null);
  const [subject, setSubject] = useState('');
  const [message, setMessage] = useState('');
  const [problems, setProblems] = useState<ReadonlySet<Problem>>(new Set());
  const { busy, error, run } = useSubmit();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = new Set<Problem>();
    if (!choice) found.add('choice');
    if (!subject.trim()) found.add('subject');
    if (!message.trim()) found.add('message');
    setProblems(found);
    if (found.size > 0 || !choice) {
      // Straight to the first thing that needs attention (WCAG 3.3.1).
      requestAnimationFrame(() =>
        form.current
          ?.querySelector<HTMLElement>('[data-needs-answer], [aria-invalid="true"]')
          ?.focus(),
      );
      return;
    }
    void run(async () => {
      const created = await openPatientRequest(patientId, {
        category: choice,
        subject: subject.trim(),
        message: message.trim(),
      });
      const state: SentNotice = { sent: true };
      void navigate(`/portal/requests/${created.id}`, { state });
    });
  };

  const invalid = (p: Problem) => (problems.has(p) ? true : undefined);
  const errorOf = (p: Problem) =>
    problems.has(p) ? (
      <p className="field-error" id={`${id}-${p}-error`}>
        {t(`web.help.error.${p}`)}
      </p>
    ) : null;
  const describedBy = (p: Problem, hint?: string) =>
    [hint, problems.has(p) ? `${id}-${p}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <div className="get-help">
      <h1>{t('web.help.title')}</h1>
      <p>{t('web.help.intro')}</p>
      <p className="notice help-emergency">{t('web.help.emergency')}</p>
      <form ref={form} onSubmit={submit} noValidate>
        <fieldset className="help-choices" aria-describedby={describedBy('choice')}>
          <legend>{t('web.help.what')}</legend>
          {errorOf('choice')}
          {HELP_CHOICES.map((c, i) => (
            <div className="help-choice" key={c}>
              <input
                type="radio"
                id={`${id}-${c}`}
                name={`${id}-choice`}
                value={c}
                checked={choice === c}
                // The group's first radio takes the focus when nothing was chosen.
                data-needs-answer={i === 0 && problems.has('choice') ? true : undefined}
                onChange={() => setChoice(c)}
              />
              <label htmlFor={`${id}-${c}`}>
                <span className="help-choice-title">{choiceName(t, c)}</span>
                <span className="hint">{choiceHint(t, c)}</span>
              </label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-subject`}>{t('web.help.subject')}</label>
          <p className="hint" id={`${id}-subject-hint`}>
            {t('web.help.subject-hint')}
          </p>
          {errorOf('subject')}
          <input
            id={`${id}-subject`}
            autoComplete="off"
            maxLength={200}
            value={subject}
            aria-invalid={invalid('subject')}
            aria-describedby={describedBy('subject', `${id}-subject-hint`)}
            onChange={(e) => setSubject(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-message`}>{t('web.help.message')}</label>
          <p className="hint" id={`${id}-message-hint`}>
            {t('web.help.message-hint')}
          </p>
          {errorOf('message')}
          <textarea
            id={`${id}-message`}
            rows={6}
            value={message}
            aria-invalid={invalid('message')}
            aria-describedby={describedBy('message', `${id}-message-hint`)}
            onChange={(e) => setMessage(e.target.value)}
          />
        </div>
        <FormError message={error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('web.help.send')}
        </button>
      </form>
    </div>
  );
}
