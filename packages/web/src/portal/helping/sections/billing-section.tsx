import { useIntl } from 'react-intl';
import { useT } from '../../../i18n/i18n-provider';
import { fetchCoverages } from '../../../patient-record/patient-api';
import { useResource } from '../../../patient-record/use-resource';
import { SectionBody } from '../helping-section';
import type { SectionProps } from './section-props';

/** Bills and insurance (category "billing"): today the coverages on file, primary first. */
export function BillingSection({ patientId, name }: SectionProps) {
  const t = useT();
  const intl = useIntl();
  const coverages = useResource(() => fetchCoverages(patientId), [patientId]);
  const day = (d: string | null) =>
    d
      ? intl.formatDate(`${d.slice(0, 10)}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' })
      : '…';
  return (
    <SectionBody resource={coverages} name={name}>
      {(items) =>
        items.length === 0 ? (
          <p>{t('web.patient.none')}</p>
        ) : (
          <ul className="plain">
            {[...items]
              .sort((a, b) => a.order - b.order)
              .map((c) => (
                <li key={c.id}>
                  <strong>{c.payerName}</strong>
                  {c.planName && <span className="secondary">{c.planName}</span>}
                  <dl className="facts">
                    <dt>{t('web.patient.coverage.member')}</dt>
                    <dd>{c.memberId ?? t('web.patient.unknown')}</dd>
                    <dt>{t('web.patient.coverage.period')}</dt>
                    <dd>
                      {t('web.patient.period', {
                        start: day(c.periodStart),
                        end: day(c.periodEnd),
                      })}
                    </dd>
                  </dl>
                </li>
              ))}
          </ul>
        )
      }
    </SectionBody>
  );
}
