import { useIntl } from 'react-intl';
import { useT } from '../../i18n/i18n-provider';
import {
  fetchCarePlans,
  fetchConditions,
  fetchEncounters,
  fetchMedications,
  type CarePlan,
  type Condition,
  type Encounter,
  type MedicationRequest,
} from '../../patient-record/clinical-api';
import {
  carePlanStatusKey,
  clinicalDate,
  clinicalPeriod,
  codedText,
  conditionStatusKey,
  encounterClassKey,
  encounterStatusKey,
  medicationStatusKey,
} from '../../patient-record/clinical-labels';
import { usePages } from '../../patient-record/use-pages';
import { PagedTable } from './paged-table';

/** Records that no longer hold (finished courses, resolved problems) are shown dimmed. */
const dimmed = (current: boolean) => (current ? undefined : 'inactive');

/**
 * What happened to the patient clinically, newest first: visits, conditions, prescriptions
 * and care plans (issue #4, point 4). Rendered only for staff holding clinical.read, so
 * that nobody else's browser even asks; the server decides again on every request.
 * `again` changes when emergency access opens the record: every list is read anew.
 */
export function PatientClinical({ patientId, again }: { patientId: string; again: string }) {
  const t = useT();
  const intl = useIntl();
  const deps = [patientId, again];
  const encounters = usePages((c) => fetchEncounters(patientId, c), deps);
  const conditions = usePages((c) => fetchConditions(patientId, c), deps);
  const medications = usePages((c) => fetchMedications(patientId, c), deps);
  const carePlans = usePages((c) => fetchCarePlans(patientId, c), deps);
  const date = (value: string | null) =>
    value ? <time dateTime={value}>{clinicalDate(intl, value)}</time> : t('web.patient.unknown');

  return (
    <>
      <PagedTable<Encounter>
        title={t('web.clinical.encounters')}
        pages={encounters}
        empty={t('web.patient.none')}
        moreLabel={t('web.clinical.encounters.more')}
        testId="encounters"
        rowKey={(e) => e.id}
        columns={[
          {
            header: t('web.clinical.encounter.when'),
            cell: (e) =>
              e.periodStart ? (
                <time dateTime={e.periodStart}>
                  {clinicalPeriod(intl, e.periodStart, e.periodEnd)}
                </time>
              ) : (
                t('web.patient.unknown')
              ),
          },
          {
            header: t('web.clinical.encounter.type'),
            cell: (e) => (
              <>
                {codedText(e.types[0]) ?? ''}
                {e.reasons[0] && <span className="secondary">{codedText(e.reasons[0])}</span>}
              </>
            ),
          },
          {
            header: t('web.clinical.encounter.class'),
            cell: (e) => {
              const key = encounterClassKey(e.classCode);
              return key ? t(key) : e.classCode;
            },
          },
          {
            header: t('web.clinical.status'),
            cell: (e) => t(encounterStatusKey(e.status)),
          },
          {
            header: t('web.clinical.encounter.disposition'),
            cell: (e) => codedText(e.dischargeDisposition) ?? '',
            shownWhen: (e) => e.dischargeDisposition !== null,
          },
        ]}
      />
      <PagedTable<Condition>
        title={t('web.clinical.conditions')}
        pages={conditions}
        empty={t('web.patient.none')}
        moreLabel={t('web.clinical.conditions.more')}
        testId="conditions"
        rowKey={(c) => c.id}
        rowClass={(c) =>
          dimmed(!['resolved', 'inactive', 'remission'].includes(c.clinicalStatus ?? ''))
        }
        columns={[
          { header: t('web.clinical.condition.code'), cell: (c) => codedText(c.code) },
          {
            header: t('web.clinical.condition.status'),
            cell: (c) => (
              <>
                {t(conditionStatusKey(c.clinicalStatus))}
                {c.abatement && (
                  <span className="secondary">
                    {t('web.clinical.condition.abated', {
                      date: clinicalDate(intl, c.abatement) ?? '',
                    })}
                  </span>
                )}
              </>
            ),
          },
          { header: t('web.clinical.condition.onset'), cell: (c) => date(c.onset) },
        ]}
      />
      <PagedTable<MedicationRequest>
        title={t('web.clinical.medications')}
        pages={medications}
        empty={t('web.patient.none')}
        moreLabel={t('web.clinical.medications.more')}
        testId="medications"
        rowKey={(m) => m.id}
        rowClass={(m) => dimmed(m.status === 'active' || m.status === 'on-hold')}
        columns={[
          { header: t('web.clinical.medication.name'), cell: (m) => codedText(m.medication) },
          { header: t('web.clinical.medication.dosage'), cell: (m) => m.dosageText ?? '' },
          {
            header: t('web.clinical.status'),
            cell: (m) => t(medicationStatusKey(m.status)),
          },
          { header: t('web.clinical.medication.authored'), cell: (m) => date(m.authoredOn) },
        ]}
      />
      <PagedTable<CarePlan>
        title={t('web.clinical.care-plans')}
        pages={carePlans}
        empty={t('web.patient.none')}
        moreLabel={t('web.clinical.care-plans.more')}
        testId="care-plans"
        rowKey={(p) => p.id}
        rowClass={(p) => dimmed(p.status === 'active' || p.status === 'on-hold')}
        columns={[
          {
            header: t('web.clinical.care-plan.title'),
            cell: (p) => (
              <>
                {p.title ?? codedText(p.categories[0]) ?? ''}
                {p.addresses.length > 0 && (
                  <span className="secondary">
                    {intl.formatList(
                      p.addresses.map((a) => codedText(a) ?? ''),
                      { type: 'unit' },
                    )}
                  </span>
                )}
              </>
            ),
          },
          {
            header: t('web.clinical.status'),
            cell: (p) => t(carePlanStatusKey(p.status)),
          },
          {
            header: t('web.clinical.care-plan.period'),
            cell: (p) =>
              t('web.patient.period', {
                start: clinicalDate(intl, p.periodStart) ?? '…',
                end: clinicalDate(intl, p.periodEnd) ?? '…',
              }),
          },
        ]}
      />
    </>
  );
}
