import { useIntl } from 'react-intl';
import { useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/languages';
import { fetchRecentActivity, type AccessLogEntry } from '../../patient-record/activity-api';
import { roleKey } from '../../patient-record/patient-labels';
import { usePages } from '../../patient-record/use-pages';
import { PagedTable } from './paged-table';

const ACTION: Record<AccessLogEntry['action'], MessageKey> = {
  read: 'web.audit.action.read',
  search: 'web.audit.action.search',
  export: 'web.audit.action.export',
  disclose: 'web.audit.action.disclose',
};

/** Which part of the record an entry is about, by the resource type the server audits. */
const PART: Record<string, MessageKey> = {
  Patient: 'web.clinical.activity.part.Patient',
  Encounter: 'web.clinical.encounters',
  Condition: 'web.clinical.conditions',
  MedicationRequest: 'web.clinical.medications',
  CarePlan: 'web.clinical.care-plans',
  RelatedPerson: 'web.patient.related',
  Coverage: 'web.patient.coverages',
  CareTeam: 'web.patient.care-team',
  Consent: 'web.clinical.activity.part.Consent',
  AuditEvent: 'web.clinical.activity.part.AuditEvent',
};

/**
 * Who opened this record lately, from the audit trail that nobody can change. The server
 * serves it to holders of audit.read (privacy officers), so the page shows it to them
 * alone and nobody else's browser asks for it.
 */
export function PatientActivity({ patientId, again }: { patientId: string; again: string }) {
  const t = useT();
  const intl = useIntl();
  const activity = usePages((c) => fetchRecentActivity(patientId, c), [patientId, again]);
  return (
    <PagedTable<AccessLogEntry>
      title={t('web.clinical.activity')}
      pages={activity}
      empty={t('web.clinical.activity.empty')}
      moreLabel={t('web.clinical.activity.more')}
      testId="recent-activity"
      rowKey={(e) => String(e.seq)}
      rowClass={(e) => (e.breakGlass ? 'break-glass-row' : undefined)}
      columns={[
        {
          header: t('web.reviews.when'),
          cell: (e) => (
            <time dateTime={e.occurredAt}>
              {intl.formatDate(e.occurredAt, { dateStyle: 'short', timeStyle: 'short' })}
            </time>
          ),
        },
        {
          header: t('web.access-log.who'),
          cell: (e) => (
            <>
              {e.actorName ?? t('web.role.integration')}
              <span className="secondary">
                {intl.formatList(
                  e.actorRoles.flatMap((r) => {
                    const key = roleKey(r);
                    return key ? [t(key)] : [];
                  }),
                  { type: 'unit' },
                )}
              </span>
            </>
          ),
        },
        {
          header: t('web.access-log.what'),
          cell: (e) => {
            const part = e.resourceType ? PART[e.resourceType] : undefined;
            return (
              <>
                {t(ACTION[e.action])}
                <span className="secondary">{part ? t(part) : (e.resourceType ?? '')}</span>
                {e.breakGlass && <span className="flag">{t('web.audit.action.break-glass')}</span>}
              </>
            );
          },
        },
      ]}
    />
  );
}
