import { Fragment, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiError } from '../../api/client';
import { useSession } from '../../app/session';
import { useT } from '../../i18n/i18n-provider';
import { displayName, fetchPatient, type Patient } from '../../patient-record/patient-api';
import { useResource } from '../../patient-record/use-resource';
import { ProfileForm } from './profile-form';
import { AddressLines } from '../../patient-record/address-lines';

/** What the patient sees but the clinic corrects: who they are and where they live. */
function KeptByClinic({ patient: p }: { patient: Patient }) {
  const t = useT();
  const intl = useIntl();
  return (
    <section className="patient-section profile-kept" aria-labelledby="profile-kept-title">
      <h2 id="profile-kept-title">{t('web.profile.kept.title')}</h2>
      <p>{t('web.profile.kept.body')}</p>
      <dl className="facts">
        <dt>{t('web.profile.name')}</dt>
        <dd>{displayName(p.names) || t('web.patient.unknown')}</dd>
        <dt>{t('web.patient.born')}</dt>
        <dd>
          {p.birthDate
            ? intl.formatDate(`${p.birthDate}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' })
            : t('web.patient.unknown')}
        </dd>
        {p.addresses.map((a, i) => (
          <Fragment key={i}>
            <dt>{t('web.profile.address')}</dt>
            <dd className="address">
              <AddressLines address={a} />
            </dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}

/**
 * "My profile" (issue #4 point 5): the signed-in patient keeps how the clinic reaches
 * them up to date — phone numbers, e-mail, the language and channel the clinic uses, and
 * quiet hours. When someone at the clinic changed the record meanwhile, nothing is saved:
 * the page says so and shows the record as it now is.
 */
export function ProfilePage() {
  const t = useT();
  const patientId = useSession().account?.patientId ?? null;
  const [loads, setLoads] = useState(0);
  const [conflict, setConflict] = useState(false);
  const alert = useRef<HTMLParagraphElement>(null);
  const record = useResource(
    () =>
      patientId
        ? fetchPatient(patientId)
        : // A caregiver's account has no record of its own to edit.
          Promise.reject(new ApiError(404, 'not-found', '')),
    [patientId, loads],
  );

  useEffect(() => {
    if (conflict && record.kind === 'ready') alert.current?.focus();
  }, [conflict, record.kind]);

  return (
    <>
      <h1>{t('web.profile.title')}</h1>
      <p>{t('web.profile.intro')}</p>
      {conflict && (
        <p className="form-error" role="alert" tabIndex={-1} ref={alert}>
          {t('web.profile.conflict')}
        </p>
      )}
      {record.kind === 'loading' && <p role="status">{t('web.loading')}</p>}
      {record.kind === 'unavailable' && <p>{t('web.profile.unavailable')}</p>}
      {record.kind === 'failed' && <p role="alert">{t('web.error.network')}</p>}
      {record.kind === 'ready' && (
        <>
          <ProfileForm
            key={loads}
            patient={record.value}
            onSaved={() => setConflict(false)}
            onConflict={() => {
              setConflict(true);
              setLoads((n) => n + 1);
            }}
          />
          <KeptByClinic patient={record.value} />
        </>
      )}
    </>
  );
}
