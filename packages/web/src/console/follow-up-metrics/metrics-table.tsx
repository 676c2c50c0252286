import { useIntl } from 'react-intl';
import { useT } from '../../i18n/i18n-provider';
import type { FollowUpMetrics } from './metrics-api';

/** How the page writes shares, hours and "a of b", in the reader's language. */
export function useMetricFormat() {
  const intl = useIntl();
  const t = useT();
  return {
    share: (share: number | null) =>
      share === null
        ? t('web.follow-up-metrics.no-data')
        : intl.formatNumber(share, { style: 'percent', maximumFractionDigits: 0 }),
    hours: (hours: number | null) =>
      hours === null
        ? t('web.follow-up-metrics.no-data')
        : intl.formatNumber(hours, {
            style: 'unit',
            unit: 'hour',
            unitDisplay: 'short',
            maximumFractionDigits: 1,
          }),
    /** "1 of 3"; nothing when nothing was counted ("No data" says it already). */
    of: (count: number, total: number) =>
      total === 0
        ? null
        : t('web.follow-up-metrics.of', {
            count: intl.formatNumber(count),
            total: intl.formatNumber(total),
          }),
    count: (n: number) => intl.formatNumber(n),
  };
}

/**
 * A value and the count behind it as one piece, so that on a phone, where each cell is a
 * label–value line, the count stays under its value and not under the label.
 */
export function Value({ main, of, big }: { main: string; of: string | null; big?: boolean }) {
  return (
    <span className="fum-value">
      {big ? <span className="fum-big">{main}</span> : main}
      {of !== null && <span className="fum-of">{of}</span>}
    </span>
  );
}

export interface MetricsRow extends FollowUpMetrics {
  id: string;
  name: string;
}

/**
 * The numbers behind the charts, one row per program or team: each share with its count
 * and denominator, so a 100 % of one discharge reads as what it is.
 */
export function MetricsTable({
  rows,
  group,
  caption,
}: {
  rows: readonly MetricsRow[];
  /** The first column's heading: Program or Team. */
  group: string;
  caption: string;
}) {
  const t = useT();
  const f = useMetricFormat();
  const h = {
    discharges: t('web.follow-up-metrics.discharges'),
    contact: t('web.follow-up-metrics.contact'),
    completion: t('web.follow-up-metrics.completion'),
    time: t('web.follow-up-metrics.time'),
    readmission: t('web.follow-up-metrics.readmission'),
  };
  return (
    <table className="csat-table fum-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{group}</th>
          <th scope="col">{h.discharges}</th>
          <th scope="col">{h.contact}</th>
          <th scope="col">{h.completion}</th>
          <th scope="col">{h.time}</th>
          <th scope="col">{h.readmission}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.name}</th>
            <td data-label={h.discharges}>{f.count(r.discharges)}</td>
            <td data-label={h.contact}>
              <Value main={f.share(r.contact.share)} of={f.of(r.contact.within, r.contact.due)} />
            </td>
            <td data-label={h.completion}>
              <Value
                main={f.share(r.completion.share)}
                of={f.of(r.completion.completed, r.discharges)}
              />
            </td>
            <td data-label={h.time}>
              <Value
                main={f.hours(r.timeToFirstContact.medianHours)}
                of={
                  r.timeToFirstContact.p90Hours === null
                    ? null
                    : t('web.follow-up-metrics.p90', {
                        hours: f.hours(r.timeToFirstContact.p90Hours),
                      })
                }
              />
            </td>
            <td data-label={h.readmission}>
              <Value
                main={f.share(r.readmission.rate)}
                of={f.of(r.readmission.readmitted, r.readmission.indexStays)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
