import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { RELATIONSHIPS, type Relationship } from '@caredesk/core/patients';
import type { DataCategory } from '@caredesk/core/consent';
import { useSession } from '../../app/session';
import { useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/languages';
import { relationshipKey } from '../../patient-record/patient-labels';
import { useSubmit } from '../../sign-in/use-submit';
import { endOfDay, inviteCaregiver, today } from './invite-api';
import { CategoryChoices, InviteField, InviteFieldset } from './invite-fields';
import { InviteReview } from './invite-review';

/** Relationships a patient can pick for someone else (not "self"). */
const CHOOSABLE = RELATIONSHIPS.filter((r) => r !== 'ONESELF');

type Problem = 'name' | 'email' | 'relationship' | 'permit' | 'lastDay';
const PROBLEM_KEY: Record<Problem, MessageKey> = {
  name: 'web.caregiver-invite.error.name',
  email: 'web.caregiver-invite.error.email',
  relationship: 'web.caregiver-invite.error.relationship',
  permit: 'web.caregiver-invite.error.categories',
  lastDay: 'web.caregiver-invite.error.last-day',
};

/** What the caregiver-page notice says after an invitation (router state, never storage). */
export interface InvitedNotice {
  name: string;
  email: string;
  caregiver: 'invited' | 'linked';
}

/**
 * "Invite a caregiver" (issue #4, point 5): who, what they may see, until when; then a
 * plain summary to confirm. The server decides and records everything; these checks only
 * spare the patient a round trip, and its answers (e.g. an address already in use) are
 * shown as it words them.
 */
export function InviteCaregiverPage() {
  const t = useT();
  const navigate = useNavigate();
  const patientId = useSession().account?.patientId ?? '';
  const selectId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [givenName, setGivenName] = useState('');
  const [familyName, setFamilyName] = useState('');
  const [email, setEmail] = useState('');
  const [relationship, setRelationship] = useState<Relationship | ''>('');
  const [permit, setPermit] = useState<ReadonlySet<DataCategory>>(new Set());
  const [lastDay, setLastDay] = useState('');
  const [problems, setProblems] = useState<ReadonlySet<Problem>>(new Set());
  const [reviewing, setReviewing] = useState(false);
  const { busy, error, run } = useSubmit();

  const name = [givenName.trim(), familyName.trim()].filter(Boolean).join(' ');
  const say = (p: Problem) => (problems.has(p) ? t(PROBLEM_KEY[p]) : undefined);
  const toggle = (c: DataCategory) =>
    setPermit((s) => {
      const next = new Set(s);
      if (next.has(c)) next.delete(c);
      else next.add(c);
      return next;
    });

  const review = (e: FormEvent) => {
    e.preventDefault();
    const found = new Set<Problem>();
    if (!name) found.add('name');
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) found.add('email');
    if (!relationship) found.add('relationship');
    if (permit.size === 0) found.add('permit');
    if (lastDay && lastDay < today()) found.add('lastDay');
    setProblems(found);
    if (found.size === 0) {
      setReviewing(true);
      return;
    }
    // Straight to the first field that needs attention (WCAG 3.3.1).
    requestAnimationFrame(() =>
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );
  };

  const send = () =>
    void run(async () => {
      if (!relationship) return;
      const done = await inviteCaregiver(patientId, {
        givenName: givenName.trim(),
        familyName: familyName.trim(),
        email: email.trim(),
        relationship,
        permit: [...permit],
        until: lastDay ? endOfDay(lastDay) : null,
      });
      const notice: InvitedNotice = { name, email: email.trim(), caregiver: done.caregiver };
      void navigate('/portal/caregivers', { state: { invited: notice } });
    });

  return (
    <>
      <h1>{t('web.caregiver-invite.title')}</h1>
      {reviewing ? (
        <InviteReview
          name={name}
          email={email.trim()}
          permit={permit}
          lastDay={lastDay}
          busy={busy}
          error={error}
          onSend={send}
          onBack={() => setReviewing(false)}
        />
      ) : (
        <form ref={form} className="invite-form" onSubmit={review} noValidate>
          <p>{t('web.caregiver-invite.intro')}</p>
          <InviteFieldset legend={t('web.caregiver-invite.who')}>
            <InviteField
              label={t('web.caregiver-invite.given-name')}
              autoComplete="off"
              value={givenName}
              error={say('name')}
              onChange={(e) => setGivenName(e.target.value)}
            />
            <InviteField
              label={t('web.caregiver-invite.family-name')}
              autoComplete="off"
              value={familyName}
              onChange={(e) => setFamilyName(e.target.value)}
            />
            <InviteField
              label={t('web.caregiver-invite.email')}
              hint={t('web.caregiver-invite.email-hint')}
              type="email"
              autoComplete="off"
              value={email}
              error={say('email')}
              onChange={(e) => setEmail(e.target.value)}
            />
            <div className="field">
              <label htmlFor={selectId}>{t('web.caregiver-invite.relationship')}</label>
              {say('relationship') && (
                <p className="field-error" id={`${selectId}-error`}>
                  {say('relationship')}
                </p>
              )}
              <select
                id={selectId}
                value={relationship}
                aria-invalid={problems.has('relationship') ? true : undefined}
                aria-describedby={problems.has('relationship') ? `${selectId}-error` : undefined}
                onChange={(e) => setRelationship(e.target.value as Relationship | '')}
              >
                <option value="">{t('web.caregiver-invite.relationship-choose')}</option>
                {CHOOSABLE.map((r) => (
                  <option key={r} value={r}>
                    {t(relationshipKey(r))}
                  </option>
                ))}
              </select>
            </div>
          </InviteFieldset>
          <InviteFieldset
            legend={t('web.caregiver-invite.what')}
            hint={t('web.caregiver-invite.what-hint')}
            error={say('permit')}
          >
            <CategoryChoices chosen={permit} onToggle={toggle} invalid={problems.has('permit')} />
          </InviteFieldset>
          <InviteField
            label={t('web.caregiver-invite.last-day')}
            hint={t('web.caregiver-invite.last-day-hint')}
            type="date"
            min={today()}
            value={lastDay}
            error={say('lastDay')}
            onChange={(e) => setLastDay(e.target.value)}
          />
          <div className="actions">
            <button type="submit" className="primary">
              {t('web.caregiver-invite.continue')}
            </button>
            <Link to="/portal/caregivers" className="button-link secondary-action">
              {t('web.caregiver-invite.cancel')}
            </Link>
          </div>
        </form>
      )}
    </>
  );
}
