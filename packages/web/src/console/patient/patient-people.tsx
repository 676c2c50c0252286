import { useIntl } from 'react-intl';
import { useT } from '../../i18n/i18n-provider';
import {
  consentInForce,
  displayName,
  type CareTeamMember,
  type Consent,
  type RelatedPerson,
} from '../../patient-record/patient-api';
import { categoryKey, relationshipKey } from '../../patient-record/patient-labels';
import { Section } from './section';
import type { Resource } from '../../patient-record/use-resource';

/** The care team, and the people around the patient with what each may see. */
export function PatientPeople({
  careTeam,
  related,
  consents,
}: {
  careTeam: Resource<CareTeamMember[]>;
  related: Resource<RelatedPerson[]>;
  consents: Resource<Consent[]>;
}) {
  const t = useT();
  const intl = useIntl();
  const now = new Date().toISOString();
  const consentOf = (personId: string) =>
    consents.kind === 'ready'
      ? consents.value.find((c) => c.relatedPersonId === personId && consentInForce(c, now))
      : undefined;
  const list = (codes: string[]) =>
    intl.formatList(
      codes.map((c) => t(categoryKey(c))),
      { type: 'conjunction' },
    );

  return (
    <>
      <Section title={t('web.patient.care-team')} resource={careTeam} empty={t('web.patient.none')}>
        {(items) => (
          <ul className="plain">
            {items.map((m) => (
              <li key={m.id}>
                <span className="label">{m.role}</span> {m.practitionerId}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t('web.patient.related')} resource={related} empty={t('web.patient.none')}>
        {(items) => (
          <ul className="plain people">
            {items.map((p) => {
              const consent = consentOf(p.id);
              return (
                <li key={p.id} className={p.active ? undefined : 'inactive'}>
                  <strong>{displayName(p.names)}</strong>{' '}
                  <span className="secondary">{t(relationshipKey(p.relationship))}</span>
                  {p.isCaregiver && consents.kind === 'unavailable' && (
                    <p className="consent">{t('web.patient.section-hidden')}</p>
                  )}
                  {/* Only once the consents are in: never a passing "sees nothing". */}
                  {p.isCaregiver && consents.kind === 'ready' && (
                    <p className="consent">
                      {consent
                        ? t('web.patient.consent.may-see', {
                            categories: list(
                              consent.permit.filter((c) => !consent.deny.includes(c)),
                            ),
                          })
                        : t('web.patient.consent.none')}
                      {consent?.periodEnd && (
                        <span className="until">
                          {t('web.patient.consent.until', {
                            date: intl.formatDate(consent.periodEnd, { dateStyle: 'medium' }),
                          })}
                        </span>
                      )}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </Section>
    </>
  );
}
