import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../app/session';
import { useT } from '../../i18n/i18n-provider';
import {
  consentInForce,
  displayName,
  fetchConsents,
  fetchRelatedPersons,
  revokeConsent,
  type Consent,
} from '../../patient-record/patient-api';
import { categoryKey, relationshipKey } from '../../patient-record/patient-labels';
import { useResource } from '../../patient-record/use-resource';
import type { InvitedNotice } from './invite-caregiver-page';
import { StopSharingDialog } from './stop-sharing-dialog';

/**
 * "My caregivers" (issue #4 point 5): who helps the patient, what each may see and
 * until when, and a way to stop sharing at once (the consent is revoked on the server;
 * the caregiver's next request is refused).
 */
export function CaregiversPage() {
  const t = useT();
  const intl = useIntl();
  const patientId = useSession().account?.patientId ?? '';
  const [version, setVersion] = useState(0);
  const people = useResource(() => fetchRelatedPersons(patientId), [patientId]);
  const consents = useResource(() => fetchConsents(patientId), [patientId, version]);
  const [stopping, setStopping] = useState<{ consent: Consent; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [stopped, setStopped] = useState<string | null>(null);
  // Just back from "Invite a caregiver": say what happened (router state, not storage).
  const invited = (useLocation().state as { invited?: InvitedNotice } | null)?.invited;

  const now = new Date().toISOString();
  // Shown only once both are in: a caregiver listed before the consents arrive would
  // read "sees nothing" for a moment, which is untrue and alarming.
  const caregivers =
    people.kind === 'ready' && consents.kind === 'ready'
      ? people.value.filter((p) => p.isCaregiver && p.active)
      : [];
  const consentOf = (id: string) =>
    consents.kind === 'ready'
      ? consents.value.find((c) => c.relatedPersonId === id && consentInForce(c, now))
      : undefined;
  const confirm = async () => {
    if (!stopping) return;
    setBusy(true);
    try {
      await revokeConsent(patientId, stopping.consent.id);
      setStopped(stopping.name);
      setStopping(null);
      setVersion((v) => v + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t('web.caregivers.title')}</h1>
      <p>{t('web.caregivers.intro')}</p>
      {invited && (
        <p className="notice" role="status">
          {invited.caregiver === 'invited'
            ? t('web.caregiver-invite.sent', { name: invited.name, email: invited.email })
            : t('web.caregiver-invite.linked', { name: invited.name })}
        </p>
      )}
      <p>
        <Link to="/portal/caregivers/invite" className="button-link">
          {t('web.caregiver-invite.open')}
        </Link>
      </p>
      {stopped && (
        <p className="notice" role="status">
          {t('web.caregivers.stopped', { name: stopped })}
        </p>
      )}
      {(people.kind === 'loading' || consents.kind === 'loading') && (
        <p role="status">{t('web.loading')}</p>
      )}
      {people.kind === 'ready' && consents.kind === 'ready' && caregivers.length === 0 && (
        <p>{t('web.caregivers.none')}</p>
      )}
      {(people.kind === 'failed' || consents.kind === 'failed') && (
        <p role="alert">{t('web.error.network')}</p>
      )}
      <ul className="plain caregivers" data-testid="caregivers">
        {caregivers.map((p) => {
          const name = displayName(p.names);
          const consent = consentOf(p.id);
          const may = consent?.permit.filter((c) => !consent.deny.includes(c)) ?? [];
          return (
            <li key={p.id} className="caregiver">
              <h2>{name}</h2>
              <p className="secondary">{t(relationshipKey(p.relationship))}</p>
              <p>
                {consent
                  ? t('web.patient.consent.may-see', {
                      categories: intl.formatList(
                        may.map((c) => t(categoryKey(c))),
                        { type: 'conjunction' },
                      ),
                    })
                  : t('web.patient.consent.none')}
              </p>
              {consent?.periodEnd && (
                <p className="secondary">
                  {t('web.patient.consent.until', {
                    date: intl.formatDate(consent.periodEnd, { dateStyle: 'medium' }),
                  })}
                </p>
              )}
              {consent && (
                <button type="button" onClick={() => setStopping({ consent, name })}>
                  {t('web.caregivers.stop', { name })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {stopping && (
        <StopSharingDialog
          name={stopping.name}
          busy={busy}
          onConfirm={() => void confirm()}
          onCancel={() => setStopping(null)}
        />
      )}
    </>
  );
}
