import { useIntl } from 'react-intl';
import { useT } from '../../i18n/i18n-provider';
import type { PatientSummary } from './search-patients';

/** Name first, then what tells two people of the same name apart: birth date, MRN, phone. */
export function PatientSummaryLine({ patient: p }: { patient: PatientSummary }) {
  const t = useT();
  const intl = useIntl();
  // A birth date is a calendar day, not an instant: format it in UTC so no time zone moves it.
  const born = p.birthDate
    ? intl.formatDate(`${p.birthDate}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' })
    : null;
  return (
    <span className="patient-line">
      <span className="patient-name">{p.displayName}</span>
      {born && <span>{t('web.console.patient.born', { date: born })}</span>}
      {p.mrn && <span>{t('web.console.patient.mrn', { mrn: p.mrn })}</span>}
      {p.phone && <span>{p.phone}</span>}
      {p.deceased && <span className="flag">{t('web.console.patient.deceased')}</span>}
      {p.restricted && <span className="flag">{t('web.console.patient.restricted')}</span>}
    </span>
  );
}
