import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { useT } from '../../i18n/i18n-provider';
import {
  fetchCareTeam,
  fetchConsents,
  fetchCoverages,
  fetchPatient,
  fetchRelatedPersons,
  type BreakGlassGrant,
} from '../../patient-record/patient-api';
import { useResource } from '../../patient-record/use-resource';
import { BreakGlassDialog } from './break-glass-dialog';
import { PatientActivity } from './patient-activity';
import { PatientClinical } from './patient-clinical';
import { PatientCoverages } from './patient-coverages';
import { PatientOverview } from './patient-overview';
import { PatientPeople } from './patient-people';

/**
 * The patient page (issue #4, point 4). Every part is read through the API, so each
 * read is checked against the staff member's reach and recorded in the audit trail;
 * a part they may not see says so instead of failing the page.
 */
export function PatientPage() {
  const t = useT();
  const intl = useIntl();
  const { id = '' } = useParams();
  const { permissions } = useSession();
  // Bumped after emergency access is granted: every part is asked for again.
  const [grant, setGrant] = useState<BreakGlassGrant | null>(null);
  const [askingReason, setAskingReason] = useState(false);
  const again = grant?.id ?? '';
  const patient = useResource(() => fetchPatient(id), [id, again]);
  const related = useResource(() => fetchRelatedPersons(id), [id, again]);
  const consents = useResource(() => fetchConsents(id), [id, again]);
  const coverages = useResource(() => fetchCoverages(id), [id, again]);
  const careTeam = useResource(() => fetchCareTeam(id), [id, again]);
  // A merged-away record answers with its survivor (the API redirects): the address follows,
  // so the parts read by id (care team, family, insurance) are the survivor's too.
  const navigate = useNavigate();
  const survivor = patient.kind === 'ready' && patient.value.id !== id ? patient.value.id : null;
  useEffect(() => {
    if (survivor) void navigate(`/console/patients/${survivor}`, { replace: true });
  }, [survivor, navigate]);

  if (patient.kind === 'loading') return <p role="status">{t('web.loading')}</p>;
  if (patient.kind === 'failed') return <p role="alert">{t('web.error.network')}</p>;
  if (patient.kind === 'unavailable')
    return (
      <>
        <h1>{t('web.patient.not-found.title')}</h1>
        <p>{t('web.patient.not-found.body')}</p>
        {permissions.has('breakglass.use') && (
          <button type="button" className="danger-outline" onClick={() => setAskingReason(true)}>
            {t('web.breakglass.open')}
          </button>
        )}
        {askingReason && (
          <BreakGlassDialog
            patientId={id}
            onOpened={(g) => {
              setAskingReason(false);
              setGrant(g);
            }}
            onCancel={() => setAskingReason(false)}
          />
        )}
      </>
    );
  return (
    <article className="patient-page">
      {grant && (
        <p className="notice break-glass-notice" role="status">
          {t('web.breakglass.active', {
            time: intl.formatTime(grant.expiresAt, { timeStyle: 'short' }),
          })}
        </p>
      )}
      <PatientOverview patient={patient.value} />
      {/* Only for those who may read them: nobody else's browser asks for them. */}
      {permissions.has('clinical.read') && <PatientClinical patientId={id} again={again} />}
      <PatientCoverages coverages={coverages} />
      <PatientPeople careTeam={careTeam} related={related} consents={consents} />
      {permissions.has('audit.read') && <PatientActivity patientId={id} again={again} />}
    </article>
  );
}
