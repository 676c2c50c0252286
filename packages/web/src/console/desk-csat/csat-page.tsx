import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { fetchCsat, type CsatGroup, type CsatGrouping } from '../../cases/case-desk-api';
import { useT } from '../../i18n/i18n-provider';
import { useResource } from '../../patient-record/use-resource';
import '../../styles/console-routing.css';
import '../../styles/console-csat.css';
import { useCategories } from '../cases/use-categories';
import { CaseField } from '../cases/new-case-fields';
import { defaultPeriod, overall, periodRange, type CsatPeriod } from './csat-period';
import { CsatTable, Distribution } from './csat-table';

const GROUPINGS = ['agent', 'team', 'category'] as const satisfies readonly CsatGrouping[];

interface Query {
  by: CsatGrouping;
  period: CsatPeriod;
}

/**
 * What patients said after their requests were resolved (issue #5 §8), for supervisors
 * (case.supervise): answers, average and the spread of scores by agent, team or category,
 * over a period of whole days (the last 30 by default).
 */
export function CsatPage() {
  const t = useT();
  const id = useId();
  const intl = useIntl();
  const categories = useCategories();
  const [by, setBy] = useState<CsatGrouping>('agent');
  const [period, setPeriod] = useState<CsatPeriod>(() => defaultPeriod(new Date()));
  const [query, setQuery] = useState<Query>(() => ({ by, period }));
  const [reversed, setReversed] = useState(false);
  const range = useMemo(() => periodRange(query.period), [query]);
  const results = useResource(
    () => (range ? fetchCsat(query.by, range.from, range.to) : Promise.resolve([])),
    [query, range],
  );

  const show = (e: FormEvent) => {
    e.preventDefault();
    const ok = periodRange(period) !== null;
    setReversed(!ok);
    if (ok) setQuery({ by, period });
  };

  const dates = {
    from: intl.formatDate(`${query.period.from}T12:00`, { dateStyle: 'medium' }),
    to: intl.formatDate(`${query.period.to}T12:00`, { dateStyle: 'medium' }),
  };
  const name = (g: CsatGroup) =>
    query.by === 'category'
      ? categories.name(g.key ?? '')
      : g.key === null
        ? t(`web.csat.none.${query.by}`)
        : (g.label ?? g.key);
  const groups = results.kind === 'ready' ? results.value : null;
  const all = groups ? overall(groups) : null;
  return (
    <>
      <h1>{t('web.csat.page.title')}</h1>
      <p>{t('web.csat.page.intro')}</p>
      <form className="csat-filters" onSubmit={show} noValidate aria-label={t('web.csat.filters')}>
        <CaseField label={t('web.csat.group-by')}>
          {(c) => (
            <select {...c} value={by} onChange={(e) => setBy(e.target.value as CsatGrouping)}>
              {GROUPINGS.map((g) => (
                <option key={g} value={g}>
                  {t(`web.csat.by.${g}`)}
                </option>
              ))}
            </select>
          )}
        </CaseField>
        {(['from', 'to'] as const).map((end) => (
          <div className="field" key={end}>
            <label htmlFor={`${id}-${end}`}>{t(`web.csat.${end}`)}</label>
            <input
              id={`${id}-${end}`}
              type="date"
              value={period[end]}
              aria-invalid={reversed ? true : undefined}
              aria-describedby={reversed ? `${id}-reversed` : undefined}
              onChange={(e) => setPeriod({ ...period, [end]: e.target.value })}
            />
          </div>
        ))}
        <button type="submit">{t('web.csat.show')}</button>
      </form>
      {reversed && (
        <p className="form-error" role="alert" id={`${id}-reversed`}>
          {t('web.csat.period-invalid')}
        </p>
      )}
      {results.kind === 'loading' && <p role="status">{t('web.loading')}</p>}
      {(results.kind === 'failed' || results.kind === 'unavailable') && (
        <p role="alert">{t('web.error.network')}</p>
      )}
      {groups && all && (
        <section aria-labelledby={`${id}-results`}>
          <h2 id={`${id}-results`}>{t('web.csat.period', dates)}</h2>
          {all.answered === 0 ? (
            <p>{t('web.csat.empty')}</p>
          ) : (
            <>
              <div className="csat-overall">
                <p>
                  {t('web.csat.overall', {
                    count: all.answered,
                    average: intl.formatNumber(all.average ?? 0, {
                      minimumFractionDigits: 1,
                      maximumFractionDigits: 2,
                    }),
                  })}
                </p>
                <Distribution counts={all.distribution} />
              </div>
              <CsatTable
                by={query.by}
                groups={groups}
                name={name}
                caption={t('web.csat.caption', { by: t(`web.csat.by.${query.by}`), ...dates })}
              />
            </>
          )}
        </section>
      )}
    </>
  );
}
