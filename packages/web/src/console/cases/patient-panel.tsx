import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import type { CaseDetail } from '../../cases/cases-api';
import { useLanguage, useT } from '../../i18n/i18n-provider';
import { languageName } from '../desk/routing-labels';
import { VerifyCaller } from './verify-caller';

/**
 * Who the case is for, beside the conversation. The server names the patient only once
 * a caller the agent cannot see has been verified; until then this panel asks for the
 * verification (or, for a caller not identified yet, for the patient they are) and shows
 * only what the caller said about themselves.
 */
export function PatientPanel({
  detail,
  canWork,
  onVerified,
}: {
  detail: CaseDetail;
  canWork: boolean;
  onVerified: () => void;
}) {
  const t = useT();
  const intl = useIntl();
  const { language } = useLanguage();
  const lang = (tag: string) => languageName(language, tag);
  const c = detail.case;
  const patient = detail.patient ?? null;
  const unidentified = !c.patientId;
  return (
    <section className="case-panel" aria-labelledby="case-patient-title">
      <h2 id="case-patient-title">{t('web.cases.column.patient')}</h2>
      {unidentified && (
        <p className="notice case-unidentified">{t('web.cases.caller.not-identified')}</p>
      )}
      {detail.needsVerification && (
        <p className="notice case-unidentified">{t('web.cases.verify.needed')}</p>
      )}
      {patient && <p className="case-patient-name">{patient.displayName}</p>}
      <dl className="case-panel-facts">
        {c.caller?.name && (
          <>
            <dt>{t('web.cases.new.caller-name')}</dt>
            <dd>{c.caller.name}</dd>
          </>
        )}
        {c.caller?.phone && (
          <>
            <dt>{t('web.cases.new.caller-phone')}</dt>
            <dd>{c.caller.phone}</dd>
          </>
        )}
        {c.caller?.email && (
          <>
            <dt>{t('web.cases.new.caller-email')}</dt>
            <dd>{c.caller.email}</dd>
          </>
        )}
        {patient && (
          <>
            <dt>{t('web.cases.patient.language')}</dt>
            <dd>{lang(patient.language)}</dd>
          </>
        )}
        <dt>{t('web.cases.language')}</dt>
        <dd>{lang(c.language)}</dd>
        {c.verifiedAt && (
          <>
            <dt>{t('web.cases.verify.verified')}</dt>
            <dd>{intl.formatDate(c.verifiedAt, { dateStyle: 'medium', timeStyle: 'short' })}</dd>
          </>
        )}
      </dl>
      {patient && <Link to={`/console/patients/${patient.id}`}>{t('web.cases.patient.open')}</Link>}
      {canWork && (unidentified || detail.needsVerification) && (
        <VerifyCaller caseId={c.id} identify={unidentified} onVerified={onVerified} />
      )}
    </section>
  );
}
