import { useIntl } from 'react-intl';
import { useT } from '../../../i18n/i18n-provider';
import { fetchPatient } from '../../../patient-record/patient-api';
import { contactKey } from '../../../patient-record/patient-labels';
import { useResource } from '../../../patient-record/use-resource';
import { SectionBody } from '../helping-section';
import type { SectionProps } from './section-props';

/** Contact details (category "profile"): birth date, language, phones, e-mail, address. */
export function ProfileSection({ patientId, name }: SectionProps) {
  const t = useT();
  const intl = useIntl();
  const patient = useResource(() => fetchPatient(patientId), [patientId]);
  return (
    <SectionBody resource={patient} name={name}>
      {(p) => (
        <>
          <dl className="facts">
            <dt>{t('web.patient.born')}</dt>
            <dd>
              {p.birthDate
                ? intl.formatDate(`${p.birthDate}T00:00:00Z`, {
                    dateStyle: 'long',
                    timeZone: 'UTC',
                  })
                : t('web.patient.unknown')}
            </dd>
            <dt>{t('web.patient.language')}</dt>
            <dd>
              {new Intl.DisplayNames([intl.locale], { type: 'language' }).of(p.preferredLanguage) ??
                p.preferredLanguage}
            </dd>
          </dl>
          <ul className="plain">
            {p.telecom.map((c) => (
              <li key={`${c.system}:${c.value}`}>
                <span className="label">{t(contactKey(c.system))}</span> {c.value}
              </li>
            ))}
            {p.addresses.map((a, i) => (
              <li key={`address-${i}`} className="address">
                {[...a.lines, [a.postalCode, a.city].filter(Boolean).join(' ')]
                  .filter(Boolean)
                  .map((line) => (
                    <span key={line}>{line}</span>
                  ))}
              </li>
            ))}
          </ul>
        </>
      )}
    </SectionBody>
  );
}
