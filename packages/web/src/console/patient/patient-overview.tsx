import { useIntl } from 'react-intl';
import { useT } from '../../i18n/i18n-provider';
import { displayName, type Patient } from '../../patient-record/patient-api';
import { channelKey, contactKey, sexKey } from '../../patient-record/patient-labels';
import { AddressLines } from '../../patient-record/address-lines';

/** Who this is and how to reach them: the top of the patient page. */
export function PatientOverview({ patient: p }: { patient: Patient }) {
  const t = useT();
  const intl = useIntl();
  const born = p.birthDate
    ? intl.formatDate(`${p.birthDate}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' })
    : null;
  const language = new Intl.DisplayNames([intl.locale], { type: 'language' }).of(
    p.preferredLanguage,
  );
  return (
    <>
      <h1>{displayName(p.names)}</h1>
      {p.deceased && <p className="flag">{t('web.console.patient.deceased')}</p>}
      <dl className="facts">
        <dt>{t('web.patient.born')}</dt>
        <dd>{born ?? t('web.patient.unknown')}</dd>
        <dt>{t('web.patient.sex')}</dt>
        <dd>{t(sexKey(p.administrativeSex))}</dd>
        {p.genderIdentity && (
          <>
            <dt>{t('web.patient.gender-identity')}</dt>
            <dd>{p.genderIdentity}</dd>
          </>
        )}
        <dt>{t('web.patient.language')}</dt>
        <dd>{language ?? p.preferredLanguage}</dd>
        <dt>{t('web.patient.channel')}</dt>
        <dd>{t(channelKey(p.preferredChannel))}</dd>
        {p.quietHours && (
          <>
            <dt>{t('web.patient.quiet-hours')}</dt>
            <dd>
              {t('web.patient.quiet-hours-value', {
                start: p.quietHours.start,
                end: p.quietHours.end,
                zone: p.quietHours.timeZone,
              })}
            </dd>
          </>
        )}
      </dl>
      <section className="patient-section" aria-labelledby="contact-title">
        <h2 id="contact-title">{t('web.patient.contact')}</h2>
        <ul className="plain">
          {p.telecom.map((c) => (
            <li key={`${c.system}:${c.value}`}>
              <span className="label">{t(contactKey(c.system))}</span>{' '}
              {c.system === 'email' ? <a href={`mailto:${c.value}`}>{c.value}</a> : c.value}
            </li>
          ))}
          {p.addresses.map((a, i) => (
            <li key={`address-${i}`} className="address">
              <AddressLines address={a} />
            </li>
          ))}
        </ul>
      </section>
      <section className="patient-section" aria-labelledby="identifiers-title">
        <h2 id="identifiers-title">{t('web.patient.identifiers')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('web.patient.identifier-type')}</th>
              <th scope="col">{t('web.patient.identifier-value')}</th>
              <th scope="col">{t('web.patient.identifier-system')}</th>
            </tr>
          </thead>
          <tbody>
            {p.identifiers.map((id) => (
              <tr key={`${id.system}|${id.value}`}>
                <td>{id.type ?? ''}</td>
                <td>{id.value}</td>
                <td className="system">{id.system}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
