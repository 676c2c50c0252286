import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useSession } from '../app/session';
import { useT } from '../i18n/i18n-provider';
import {
  consentInForce,
  displayName,
  fetchConsents,
  fetchPatient,
  fetchRelatedPersons,
} from '../patient-record/patient-api';
import { useResource } from '../patient-record/use-resource';
import { attentionItems, type AttentionItem } from './attention';

/**
 * What needs the patient's attention (issue #4 point 5), from what CareDesk holds today:
 * no way for the clinic to reach them, and sharing with a caregiver that ends soon. The
 * service desk and follow-up programs add their own items when they land.
 */
export function PortalHome() {
  const t = useT();
  const { account } = useSession();
  const patientId = account?.patientId ?? '';
  const patient = useResource(() => fetchPatient(patientId), [patientId]);
  const consents = useResource(() => fetchConsents(patientId), [patientId]);
  const people = useResource(() => fetchRelatedPersons(patientId), [patientId]);

  const ready = patient.kind === 'ready' && consents.kind === 'ready' && people.kind === 'ready';
  const items = ready
    ? attentionItems({
        patient: patient.value,
        consents: consents.value.filter((c) => consentInForce(c, new Date().toISOString())),
        names: new Map(people.value.map((p) => [p.id, displayName(p.names)])),
        now: new Date(),
      })
    : [];
  const failed = [patient, consents, people].some((r) => r.kind === 'failed');

  return (
    <>
      <h1>{t('web.portal.home.title', { name: account?.displayName ?? '' })}</h1>
      {!ready && !failed && <p role="status">{t('web.loading')}</p>}
      {failed && <p role="alert">{t('web.error.network')}</p>}
      {ready && items.length === 0 && <p>{t('web.portal.home.nothing-due')}</p>}
      {items.length > 0 && (
        <section aria-labelledby="attention-title">
          <h2 id="attention-title">{t('web.portal.home.attention')}</h2>
          <ul className="plain attention" data-testid="attention">
            {items.map((item) => (
              <AttentionCard key={item.key} item={item} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function AttentionCard({ item }: { item: AttentionItem }) {
  const t = useT();
  const intl = useIntl();
  switch (item.kind) {
    case 'no-contact':
      return (
        <li className="attention-item">
          <p>{t('web.portal.home.no-contact')}</p>
          <Link to="/portal/profile">{t('web.portal.home.no-contact.action')}</Link>
        </li>
      );
    case 'sharing-ends':
      return (
        <li className="attention-item">
          <p>
            {t('web.portal.home.sharing-ends', {
              name: item.name,
              date: intl.formatDate(item.ends, { dateStyle: 'long' }),
              days: item.days,
            })}
          </p>
          <Link to="/portal/caregivers">{t('web.portal.home.sharing-ends.action')}</Link>
        </li>
      );
  }
}
