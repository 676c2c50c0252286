import { CONTACT_STEP_KINDS } from '@caredesk/core/care-transitions';
import type { CasePriority } from '@caredesk/core/cases';
import { useCallback, useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { useNow } from '../../cases/use-now';
import { useLanguage, useT } from '../../i18n/i18n-provider';
import '../../styles/console-cases.css';
import '../../styles/console-follow-up.css';
import { priorityName } from '../cases/case-labels';
import { DueLabel } from '../cases/due-label';
import {
  fetchWorklist,
  fetchWorklistStamp,
  WORKLIST_DUE,
  WORKLIST_SCOPES,
  type WorklistDue,
  type WorklistItem,
  type WorklistScope,
} from './follow-up-api';
import { DUE_KEY, inLanguage, SCOPE_KEY, STEP_KIND_KEY } from './follow-up-labels';

/**
 * How often an open worklist asks whether anything changed (a cheap, unaudited stamp) and
 * reloads when it did: a discharge that arrived a moment ago shows up within a second
 * (issue #6 point 7), without re-reading the list twice a second.
 */
const STAMP_MS = 500;

/**
 * The follow-up worklist (issue #6 point 5): open tasks of every plan, most overdue first,
 * mine or everyone's. Each task opens its case, where the plan is worked.
 */
export function FollowUpWorklistPage() {
  const t = useT();
  const { language } = useLanguage();
  const now = useNow();
  const scopeId = useId();
  const dueId = useId();
  const [scope, setScope] = useState<WorklistScope>('all');
  const [due, setDue] = useState<WorklistDue>('all');
  const [items, setItems] = useState<WorklistItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  const load = useCallback(
    async (cursor: string | null) => {
      try {
        const page = await fetchWorklist(scope, due, cursor);
        setItems((before) => (cursor ? [...before, ...page.items] : page.items));
        setNext(page.nextCursor);
        setState('ready');
      } catch {
        setState('failed');
      }
    },
    [scope, due],
  );
  useEffect(() => {
    setState('loading');
    let seen: string | null = null;
    let stopped = false;
    // The stamp is read before the list: a change between the two only costs one reload.
    void fetchWorklistStamp()
      .then((stamp) => {
        seen = stamp;
      })
      .catch(() => undefined)
      .finally(() => void load(null));
    const timer = setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      fetchWorklistStamp()
        .then((stamp) => {
          if (stopped) return;
          if (seen !== null && stamp !== seen) void load(null);
          seen = stamp;
        })
        .catch(() => undefined);
    }, STAMP_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [load]);

  const headers = [
    t('web.followUp.column.task'),
    t('web.followUp.column.patient'),
    t('web.followUp.column.due'),
    t('web.followUp.column.attempts'),
    t('web.followUp.column.priority'),
  ];
  return (
    <>
      <h1>{t('web.followUp.title')}</h1>
      <p>{t('web.followUp.intro')}</p>
      <div className="follow-up-filters">
        <div className="field">
          <label htmlFor={scopeId}>{t('web.followUp.scope')}</label>
          <select
            id={scopeId}
            value={scope}
            onChange={(e) => setScope(e.target.value as WorklistScope)}
          >
            {WORKLIST_SCOPES.map((s) => (
              <option key={s} value={s}>
                {t(SCOPE_KEY[s])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={dueId}>{t('web.followUp.due')}</label>
          <select id={dueId} value={due} onChange={(e) => setDue(e.target.value as WorklistDue)}>
            {WORKLIST_DUE.map((d) => (
              <option key={d} value={d}>
                {t(DUE_KEY[d])}
              </option>
            ))}
          </select>
        </div>
      </div>
      {state === 'loading' && <p role="status">{t('web.loading')}</p>}
      {state === 'failed' && <p role="alert">{t('web.error.network')}</p>}
      {state === 'ready' && (
        <p role="status" className="search-status">
          {items.length === 0
            ? t('web.followUp.empty')
            : t('web.followUp.shown', { count: items.length })}
        </p>
      )}
      {items.length > 0 && (
        <table className="case-table follow-up-table" role="table" data-testid="follow-up-worklist">
          <caption className="visually-hidden">{t('web.followUp.title')}</caption>
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
            {items.map((item) => (
              <tr key={item.id} role="row">
                <td role="cell" className="case-title">
                  {item.caseId ? (
                    <Link to={`/console/cases/${item.caseId}`}>
                      <span className="case-subject">
                        {inLanguage(item.title, language) || t(STEP_KIND_KEY[item.kind])}
                      </span>
                      <span className="case-ref">{inLanguage(item.programName, language)}</span>
                    </Link>
                  ) : (
                    inLanguage(item.title, language)
                  )}
                </td>
                <td role="cell" data-label={headers[1]}>
                  {item.restricted ? t('web.cases.patient.hidden') : item.patientName}
                </td>
                <td role="cell" data-label={headers[2]}>
                  <DueLabel dueAt={item.dueAt} now={now} />
                </td>
                <td role="cell" data-label={headers[3]}>
                  {CONTACT_STEP_KINDS.includes(item.kind)
                    ? t('web.followUp.attempts', { count: item.unansweredAttempts })
                    : '—'}
                </td>
                <td role="cell" data-label={headers[4]}>
                  <span className={`case-priority ${item.priority}`}>
                    {priorityName(t, item.priority as CasePriority)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <button type="button" onClick={() => void load(next)}>
          {t('web.followUp.more')}
        </button>
      )}
    </>
  );
}
