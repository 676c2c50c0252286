import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  CASE_CHANNELS,
  CASE_PRIORITIES,
  CASE_STATUSES,
  type CaseChannel,
  type CasePriority,
  type CaseStatus,
} from '@caredesk/core/cases';
import { useSession } from '../../app/session';
import { fetchInbox, type InboxFilters } from '../../cases/cases-api';
import { useNow } from '../../cases/use-now';
import { useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/languages';
import { usePages } from '../../patient-record/use-pages';
import '../../styles/console-routing.css';
import '../../styles/console-cases.css';
import { InboxFiltersForm } from './inbox-filters';
import { InboxTable } from './inbox-table';
import { NewCaseDialog } from './new-case-dialog';
import { useCategories } from './use-categories';
import { useStaff, type PatientName } from './use-names';

/** The inbox's tabs, in the order an agent works: their own, then what nobody has. */
const TABS = [
  { view: 'mine', key: 'web.cases.tab.mine' },
  { view: 'unassigned', key: 'web.cases.tab.unassigned' },
  { view: 'breaching', key: 'web.cases.tab.breaching' },
  { view: 'all', key: 'web.cases.tab.all' },
] as const satisfies ReadonlyArray<{ view: string; key: MessageKey }>;
type TabView = (typeof TABS)[number]['view'];

const oneOf = <C extends string>(codes: readonly C[], v: string | null): C | undefined =>
  (codes as readonly string[]).includes(v ?? '') ? (v as C) : undefined;

/**
 * The service desk inbox (issue #5 point 9): my cases, the unassigned backlog, what is
 * about to breach and everything active, each sorted by the nearest SLA due time, with
 * filters, a page at a time.
 */
export function InboxPage() {
  const t = useT();
  const { account, permissions } = useSession();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const now = useNow();
  const view: TabView = TABS.find((x) => x.view === params.get('view'))?.view ?? 'mine';
  const filters: InboxFilters = {
    status: oneOf<CaseStatus>(CASE_STATUSES, params.get('status')),
    category: params.get('category') || undefined,
    priority: oneOf<CasePriority>(CASE_PRIORITIES, params.get('priority')),
    channel: oneOf<CaseChannel>(CASE_CHANNELS, params.get('channel')),
  };
  const deps = [view, filters.status, filters.category, filters.priority, filters.channel];
  const pages = usePages((cursor) => fetchInbox(view, filters, cursor), deps);
  const categories = useCategories();
  const staff = useStaff();
  const cases = pages.resource.kind === 'ready' ? pages.resource.value : [];
  const staffNames = useMemo(() => {
    const known = new Map((staff ?? []).map((s) => [s.id, s.displayName]));
    for (const c of cases)
      if (c.assigneeId && c.assigneeName) known.set(c.assigneeId, c.assigneeName);
    return known;
  }, [staff, cases]);
  // The server names each case's patient with the page, checked against this reader's reach.
  const patients = useMemo(
    () =>
      new Map<string, PatientName>(
        cases.flatMap((c) =>
          c.patientId
            ? [
                [
                  c.patientId,
                  c.patientName && !c.restricted
                    ? { kind: 'name' as const, name: c.patientName }
                    : { kind: 'hidden' as const },
                ],
              ]
            : [],
        ),
      ),
    [cases],
  );

  const search = (v: TabView, f: InboxFilters) => {
    const next = new URLSearchParams();
    if (v !== 'mine') next.set('view', v);
    for (const [k, value] of Object.entries(f)) if (value) next.set(k, String(value));
    return next;
  };
  const tabName = t(TABS.find((x) => x.view === view)!.key);

  return (
    <div className="case-inbox">
      <div className="case-inbox-head">
        <h1>{t('web.cases.title')}</h1>
        {permissions.has('case.create') && (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            {t('web.cases.new.open')}
          </button>
        )}
      </div>
      <nav aria-label={t('web.cases.tabs')}>
        <ul className="case-tabs">
          {TABS.map((tab) => (
            <li key={tab.view}>
              <Link
                to={`?${search(tab.view, filters).toString()}`}
                aria-current={tab.view === view ? 'page' : undefined}
              >
                {t(tab.key)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <InboxFiltersForm
        filters={filters}
        categories={categories}
        onChange={(f) => setParams(search(view, f))}
      />
      {pages.resource.kind === 'loading' && <p role="status">{t('web.loading')}</p>}
      {pages.resource.kind === 'failed' && <p role="alert">{t('web.error.network')}</p>}
      {pages.resource.kind === 'unavailable' && <p>{t('web.admin.not-allowed.body')}</p>}
      {pages.resource.kind === 'ready' && cases.length === 0 && (
        <p className="case-empty">{t('web.cases.empty')}</p>
      )}
      {cases.length > 0 && (
        <InboxTable
          cases={cases}
          patients={patients}
          staff={staffNames}
          me={account?.id ?? ''}
          now={now}
          caption={tabName}
          category={categories.name}
        />
      )}
      {pages.hasMore && (
        <button
          type="button"
          className="case-more"
          disabled={pages.loadingMore}
          onClick={pages.more}
        >
          {pages.loadingMore ? t('web.loading') : t('web.cases.more')}
        </button>
      )}
      {pages.moreFailed && <p role="alert">{t('web.error.network')}</p>}
      {creating && <NewCaseDialog categories={categories} onCancel={() => setCreating(false)} />}
    </div>
  );
}
