import { useIntl } from 'react-intl';
import { Link, Navigate, useParams } from 'react-router';
import { useT } from '../../i18n/i18n-provider';
import { useResource } from '../../patient-record/use-resource';
import { fetchPeopleIHelp } from './helping-api';
import { PersonSwitcher } from './person-switcher';
import { SharedSections } from './shared-sections';

/**
 * "People I help" for a signed-in caregiver (issue #4, point 8). The list is asked for
 * again on every visit and every switch, so when a patient stops sharing the very next
 * load says the access has ended; each section's data is read under the server's own
 * consent check, which answers 404 for anything not shared.
 */
export function HelpingPage() {
  const t = useT();
  const intl = useIntl();
  const { patientId = '' } = useParams();
  const people = useResource(fetchPeopleIHelp, [patientId]);

  if (people.kind === 'loading') return <p role="status">{t('web.loading')}</p>;
  if (people.kind === 'failed') return <p role="alert">{t('web.error.network')}</p>;
  // Refused (an account that helps nobody, e.g. a patient who typed the address): nobody.
  const list = people.kind === 'ready' ? people.value : [];
  const first = list[0];
  if (!patientId) {
    if (first) return <Navigate to={`/portal/helping/${first.patientId}`} replace />;
    return (
      <>
        <h1>{t('web.helping.title')}</h1>
        <p>{t('web.helping.none')}</p>
      </>
    );
  }
  const person = list.find((p) => p.patientId === patientId);
  if (!person) {
    return (
      <>
        <h1>{t('web.helping.ended.title')}</h1>
        <p role="alert">{t('web.helping.ended.body')}</p>
        {list.length > 0 && (
          <p>
            <Link to="/portal/helping">{t('web.helping.ended.back')}</Link>
          </p>
        )}
      </>
    );
  }
  return (
    <article className="helping">
      <h1>{t('web.helping.viewing', { name: person.name })}</h1>
      {list.length > 1 && <PersonSwitcher people={list} current={person.patientId} />}
      <div className="notice">
        <p>
          {person.until
            ? t('web.helping.until', {
                date: intl.formatDate(person.until, { dateStyle: 'long' }),
              })
            : t('web.helping.no-end', { name: person.name })}
        </p>
        <p>{t('web.helping.read-only')}</p>
      </div>
      <SharedSections key={person.patientId} person={person} />
    </article>
  );
}
