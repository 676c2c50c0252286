import { useParams } from 'react-router';
import { useT } from '../../i18n/i18n-provider';
import {
  fetchCareTeam,
  fetchConsents,
  fetchCoverages,
  fetchPatient,
  fetchRelatedPersons,
} from '../../patient-record/patient-api';
import { PatientCoverages } from './patient-coverages';
import { PatientOverview } from './patient-overview';
import { PatientPeople } from './patient-people';
import { useResource } from '../../patient-record/use-resource';

/**
 * The patient page (issue #4, point 4). Every part is read through the API, so each
 * read is checked against the staff member's reach and recorded in the audit trail;
 * a part they may not see says so instead of failing the page.
 */
export function PatientPage() {
  const t = useT();
  const { id = '' } = useParams();
  const patient = useResource(() => fetchPatient(id), [id]);
  const related = useResource(() => fetchRelatedPersons(id), [id]);
  const consents = useResource(() => fetchConsents(id), [id]);
  const coverages = useResource(() => fetchCoverages(id), [id]);
  const careTeam = useResource(() => fetchCareTeam(id), [id]);

  if (patient.kind === 'loading') return <p role="status">{t('web.loading')}</p>;
  if (patient.kind === 'failed') return <p role="alert">{t('web.error.network')}</p>;
  if (patient.kind === 'unavailable')
    return (
      <>
        <h1>{t('web.patient.not-found.title')}</h1>
        <p>{t('web.patient.not-found.body')}</p>
      </>
    );
  return (
    <article className="patient-page">
      <PatientOverview patient={patient.value} />
      <PatientCoverages coverages={coverages} />
      <PatientPeople careTeam={careTeam} related={related} consents={consents} />
    </article>
  );
}
