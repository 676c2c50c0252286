import { useIntl } from 'react-intl';
import type { CsatGroup, CsatGrouping } from '../../cases/case-desk-api';
import { useT } from '../../i18n/i18n-provider';

const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * How the answers spread over 1–5: five small bars, tallest for the most given score,
 * each with its count. The bars are drawn for the eye; the words beside them (hidden from
 * view, read by screen readers) say the same.
 */
export function Distribution({ counts }: { counts: readonly number[] }) {
  const t = useT();
  const most = Math.max(1, ...counts);
  return (
    <ol className="plain csat-bars">
      {SCORES.map((score, i) => {
        const count = counts[i] ?? 0;
        return (
          <li key={score}>
            <span className="csat-count" aria-hidden="true">
              {count}
            </span>
            <span className="csat-bar-track" aria-hidden="true">
              <span
                className="csat-bar"
                style={{ height: `${Math.round((count / most) * 100)}%` }}
              />
            </span>
            <span className="csat-score" aria-hidden="true">
              {score}
            </span>
            <span className="visually-hidden">{t('web.csat.bar', { score, count })}</span>
          </li>
        );
      })}
    </ol>
  );
}

/** Survey results, one row per agent, team or category, most answers first. */
export function CsatTable({
  by,
  groups,
  caption,
  name,
}: {
  by: CsatGrouping;
  groups: readonly CsatGroup[];
  caption: string;
  /** A group's name for the reader; null key: the cases had no agent or team. */
  name: (g: CsatGroup) => string;
}) {
  const t = useT();
  const intl = useIntl();
  const headings = {
    group: t(`web.csat.by.${by}`),
    answered: t('web.csat.column.answered'),
    average: t('web.csat.column.average'),
    spread: t('web.csat.column.distribution'),
  };
  return (
    <table className="csat-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{headings.group}</th>
          <th scope="col">{headings.answered}</th>
          <th scope="col">{headings.average}</th>
          <th scope="col">{headings.spread}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.key ?? '-'}>
            <th scope="row">{name(g)}</th>
            <td data-label={headings.answered}>{intl.formatNumber(g.answered)}</td>
            <td data-label={headings.average}>
              {g.average === null
                ? '–'
                : intl.formatNumber(g.average, {
                    minimumFractionDigits: 1,
                    maximumFractionDigits: 2,
                  })}
            </td>
            <td data-label={headings.spread}>
              <Distribution counts={g.distribution} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
