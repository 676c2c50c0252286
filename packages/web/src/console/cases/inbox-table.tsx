import { Link } from 'react-router';
import type { InboxCase } from '../../cases/cases-api';
import { useT } from '../../i18n/i18n-provider';
import { priorityName, statusName } from './case-labels';
import { DueLabel } from './due-label';
import type { PatientName } from './use-names';

/**
 * One inbox page of cases, most pressing first. On a phone each row becomes a card (the
 * agents page's pattern); the explicit roles keep it a table for screen readers once CSS
 * has changed how it is drawn.
 */
export function InboxTable({
  cases,
  patients,
  staff,
  me,
  now,
  caption,
  category,
}: {
  cases: InboxCase[];
  patients: ReadonlyMap<string, PatientName>;
  /** Staff names by account id, when this person may list staff. */
  staff: ReadonlyMap<string, string>;
  me: string;
  now: number;
  caption: string;
  /** A category's name for the reader (use-categories.ts). */
  category: (code: string) => string;
}) {
  const t = useT();
  const headers = [
    t('web.cases.column.case'),
    t('web.cases.column.patient'),
    t('web.cases.column.category'),
    t('web.cases.column.priority'),
    t('web.cases.column.status'),
    t('web.cases.column.due'),
    t('web.cases.column.assignee'),
  ];
  const patientOf = (c: InboxCase) => {
    if (!c.patientId)
      return c.caller?.name
        ? t('web.cases.caller.named', { name: c.caller.name })
        : t('web.cases.caller.unidentified');
    const known = patients.get(c.patientId);
    if (!known) return '…';
    return known.kind === 'name' ? known.name : t('web.cases.patient.hidden');
  };
  const assigneeOf = (c: InboxCase) => {
    if (!c.assigneeId) return t('web.cases.assignee.nobody');
    if (c.assigneeId === me) return t('web.cases.assignee.me');
    return staff.get(c.assigneeId) ?? t('web.cases.assignee.colleague');
  };
  return (
    <table className="case-table" role="table" data-testid="inbox">
      <caption className="visually-hidden">{caption}</caption>
      <thead role="rowgroup">
        <tr role="row">
          {headers.map((h) => (
            <th key={h} role="columnheader" scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup">
        {cases.map((c) => (
          <tr key={c.id} role="row">
            <td role="cell" className="case-title">
              <Link to={`/console/cases/${c.id}`}>
                <span className="case-ref">{c.reference}</span>
                <span className="case-subject">
                  {c.restricted ? t('web.cases.restricted-subject') : c.subject}
                </span>
              </Link>
            </td>
            <td role="cell" data-label={headers[1]}>
              {patientOf(c)}
            </td>
            <td role="cell" data-label={headers[2]}>
              {category(c.category)}
            </td>
            <td role="cell" data-label={headers[3]}>
              <span className={`case-priority ${c.priority}`}>{priorityName(t, c.priority)}</span>
            </td>
            <td role="cell" data-label={headers[4]}>
              {statusName(t, c.status)}
            </td>
            <td role="cell" data-label={headers[5]}>
              <DueLabel dueAt={c.sla.dueAt} now={now} />
            </td>
            <td role="cell" data-label={headers[6]}>
              {assigneeOf(c)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
