import { useIntl } from 'react-intl';
import { useT } from '../../i18n/i18n-provider';
import type { Coverage } from '../../patient-record/patient-api';
import { Section } from './section';
import type { Resource } from '../../patient-record/use-resource';

/** Insurance in billing order (primary first), with the member number staff ask for. */
export function PatientCoverages({ coverages }: { coverages: Resource<Coverage[]> }) {
  const t = useT();
  const intl = useIntl();
  const day = (d: string | null) =>
    d
      ? intl.formatDate(`${d.slice(0, 10)}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' })
      : null;
  return (
    <Section title={t('web.patient.coverages')} resource={coverages} empty={t('web.patient.none')}>
      {(items) => (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('web.patient.coverage.payer')}</th>
              <th scope="col">{t('web.patient.coverage.member')}</th>
              <th scope="col">{t('web.patient.coverage.period')}</th>
            </tr>
          </thead>
          <tbody>
            {[...items]
              .sort((a, b) => a.order - b.order)
              .map((c) => (
                <tr key={c.id} className={c.status === 'active' ? undefined : 'inactive'}>
                  <td>
                    {c.payerName}
                    {c.planName && <span className="secondary">{c.planName}</span>}
                  </td>
                  <td>{c.memberId ?? ''}</td>
                  <td>
                    {t('web.patient.period', {
                      start: day(c.periodStart) ?? '…',
                      end: day(c.periodEnd) ?? '…',
                    })}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
