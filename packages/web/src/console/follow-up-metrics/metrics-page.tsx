import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { useLanguage, useT } from '../../i18n/i18n-provider';
import { useResource } from '../../patient-record/use-resource';
import '../../styles/console-routing.css';
import '../../styles/console-csat.css';
import '../../styles/console-follow-up-metrics.css';
import { defaultPeriod } from '../desk-csat/csat-period';
import { BarChart } from './bar-chart';
import { fetchFollowUpMetrics, type FollowUpMetrics } from './metrics-api';
import { periodProblem, type PeriodProblem } from './metrics-period';
import { MetricsTable, useMetricFormat, Value, type MetricsRow } from './metrics-table';

interface Period {
  from: string;
  to: string;
}

/**
 * Follow-up metrics (issue #6 point 6) for supervisors (case.supervise): of the discharges
 * in a period (the last 30 days by default), the share contacted within 2 business days,
 * plans completed, time to first contact and readmissions within 30 days — for all, then
 * by program and by team, each as charts and as a table with the same numbers.
 */
export function FollowUpMetricsPage() {
  const t = useT();
  const id = useId();
  const intl = useIntl();
  const { language } = useLanguage();
  const [period, setPeriod] = useState<Period>(() => defaultPeriod(new Date()));
  const [query, setQuery] = useState<Period>(period);
  const [problem, setProblem] = useState<PeriodProblem>(null);
  const report = useResource(() => fetchFollowUpMetrics(query.from, query.to), [query]);

  const show = (e: FormEvent) => {
    e.preventDefault();
    const p = periodProblem(period);
    setProblem(p);
    if (!p) setQuery(period);
  };

  const dates = {
    from: intl.formatDate(`${query.from}T12:00`, { dateStyle: 'medium' }),
    to: intl.formatDate(`${query.to}T12:00`, { dateStyle: 'medium' }),
  };
  const value = report.kind === 'ready' ? report.value : null;
  const programs: MetricsRow[] =
    value?.byProgram.map((r) => ({ ...r, id: r.key, name: r.name?.[language] ?? r.key })) ?? [];
  const teams: MetricsRow[] =
    value?.byTeam.map((r) => ({
      ...r,
      id: r.key ?? '-',
      name: r.name ?? (r.key === null ? t('web.follow-up-metrics.no-team') : r.key),
    })) ?? [];
  const errorId = `${id}-problem`;
  return (
    <>
      <h1>{t('web.follow-up-metrics.title')}</h1>
      <p>{t('web.follow-up-metrics.intro')}</p>
      <form
        className="csat-filters"
        onSubmit={show}
        noValidate
        aria-label={t('web.follow-up-metrics.filters')}
      >
        {(['from', 'to'] as const).map((end) => (
          <div className="field" key={end}>
            <label htmlFor={`${id}-${end}`}>
              {end === 'from' ? t('web.follow-up-metrics.from') : t('web.follow-up-metrics.to')}
            </label>
            <input
              id={`${id}-${end}`}
              type="date"
              value={period[end]}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? errorId : undefined}
              onChange={(e) => setPeriod({ ...period, [end]: e.target.value })}
            />
          </div>
        ))}
        <button type="submit">{t('web.follow-up-metrics.show')}</button>
      </form>
      {problem && (
        <p className="form-error" role="alert" id={errorId}>
          {problem === 'too-long'
            ? t('web.follow-up-metrics.period-too-long')
            : t('web.follow-up-metrics.period-invalid')}
        </p>
      )}
      {report.kind === 'loading' && <p role="status">{t('web.loading')}</p>}
      {(report.kind === 'failed' || report.kind === 'unavailable') && (
        <p role="alert">{t('web.error.network')}</p>
      )}
      {value && (
        <section aria-labelledby={`${id}-results`}>
          <h2 id={`${id}-results`}>{t('web.follow-up-metrics.period', dates)}</h2>
          {value.totals.discharges + value.totals.cancelled === 0 ? (
            <p>{t('web.follow-up-metrics.empty')}</p>
          ) : (
            <>
              <Totals totals={value.totals} />
              <Grouped
                heading={t('web.follow-up-metrics.by-program')}
                group={t('web.follow-up-metrics.program')}
                rows={programs}
                caption={t('web.follow-up-metrics.caption', {
                  group: t('web.follow-up-metrics.by-program'),
                  ...dates,
                })}
              />
              <Grouped
                heading={t('web.follow-up-metrics.by-team')}
                group={t('web.follow-up-metrics.team')}
                rows={teams}
                caption={t('web.follow-up-metrics.caption', {
                  group: t('web.follow-up-metrics.by-team'),
                  ...dates,
                })}
              />
            </>
          )}
          <details className="fum-definitions">
            <summary>{t('web.follow-up-metrics.definitions')}</summary>
            <ul>
              <li>{t('web.follow-up-metrics.definition.discharges')}</li>
              <li>{t('web.follow-up-metrics.definition.contact')}</li>
              <li>{t('web.follow-up-metrics.definition.completion')}</li>
              <li>{t('web.follow-up-metrics.definition.time')}</li>
              <li>{t('web.follow-up-metrics.definition.readmission')}</li>
            </ul>
          </details>
        </section>
      )}
    </>
  );
}

/** All discharges of the period at a glance: each measure with its count behind it. */
function Totals({ totals }: { totals: FollowUpMetrics }) {
  const t = useT();
  const f = useMetricFormat();
  const ttfc = totals.timeToFirstContact;
  return (
    <dl className="fum-totals">
      <div>
        <dt>{t('web.follow-up-metrics.discharges')}</dt>
        <dd>
          <Value
            big
            main={f.count(totals.discharges)}
            of={
              totals.cancelled > 0
                ? t('web.follow-up-metrics.cancelled', { count: f.count(totals.cancelled) })
                : null
            }
          />
        </dd>
      </div>
      <div>
        <dt>{t('web.follow-up-metrics.contact')}</dt>
        <dd>
          <Value
            big
            main={f.share(totals.contact.share)}
            of={f.of(totals.contact.within, totals.contact.due)}
          />
        </dd>
      </div>
      <div>
        <dt>{t('web.follow-up-metrics.completion')}</dt>
        <dd>
          <Value
            big
            main={f.share(totals.completion.share)}
            of={f.of(totals.completion.completed, totals.discharges)}
          />
        </dd>
      </div>
      <div>
        <dt>{t('web.follow-up-metrics.time')}</dt>
        <dd>
          <Value
            big
            main={f.hours(ttfc.medianHours)}
            of={
              ttfc.p90Hours === null
                ? null
                : t('web.follow-up-metrics.p90', { hours: f.hours(ttfc.p90Hours) })
            }
          />
        </dd>
      </div>
      <div>
        <dt>{t('web.follow-up-metrics.readmission')}</dt>
        <dd>
          <Value
            big
            main={f.share(totals.readmission.rate)}
            of={f.of(totals.readmission.readmitted, totals.readmission.indexStays)}
          />
        </dd>
      </div>
    </dl>
  );
}

/** One grouping (program or team): four charts, then the table with the same numbers. */
function Grouped({
  heading,
  group,
  rows,
  caption,
}: {
  heading: string;
  group: string;
  rows: readonly MetricsRow[];
  caption: string;
}) {
  const t = useT();
  const f = useMetricFormat();
  const id = useId();
  const shareBars = (pick: (r: MetricsRow) => number | null) =>
    rows.map((r) => ({ id: r.id, label: r.name, value: pick(r), text: f.share(pick(r)) }));
  const hours = rows.map((r) => r.timeToFirstContact.medianHours ?? 0);
  return (
    <section aria-labelledby={id} className="fum-group">
      <h3 id={id}>{heading}</h3>
      <div className="fum-charts">
        <BarChart
          group={heading}
          title={t('web.follow-up-metrics.contact')}
          bars={shareBars((r) => r.contact.share)}
          max={1}
        />
        <BarChart
          group={heading}
          title={t('web.follow-up-metrics.completion')}
          bars={shareBars((r) => r.completion.share)}
          max={1}
        />
        <BarChart
          group={heading}
          title={t('web.follow-up-metrics.time')}
          bars={rows.map((r) => ({
            id: r.id,
            label: r.name,
            value: r.timeToFirstContact.medianHours,
            text: f.hours(r.timeToFirstContact.medianHours),
          }))}
          max={Math.max(1, ...hours)}
        />
        <BarChart
          group={heading}
          title={t('web.follow-up-metrics.readmission')}
          bars={shareBars((r) => r.readmission.rate)}
          max={1}
        />
      </div>
      <MetricsTable rows={rows} group={group} caption={caption} />
    </section>
  );
}
