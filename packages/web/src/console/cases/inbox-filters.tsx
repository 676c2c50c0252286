import { useId } from 'react';
import {
  CASE_CHANNELS,
  CASE_PRIORITIES,
  CASE_STATUSES,
  type CaseChannel,
  type CasePriority,
  type CaseStatus,
} from '@caredesk/core/cases';
import type { InboxFilters } from '../../cases/cases-api';
import { useT } from '../../i18n/i18n-provider';
import { channelName, priorityName, statusName } from './case-labels';
import type { Categories } from './use-categories';

function Filter<C extends string>({
  label,
  any,
  codes,
  value,
  name,
  onChange,
}: {
  label: string;
  any: string;
  codes: readonly C[];
  value: C | undefined;
  name: (code: C) => string;
  onChange: (code: C | undefined) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => onChange((e.target.value || undefined) as C | undefined)}
      >
        <option value="">{any}</option>
        {codes.map((c) => (
          <option key={c} value={c}>
            {name(c)}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Narrows the inbox; each choice applies at once (the list below changes, nothing else
 * does) and lives in the address, so a filtered inbox can be reloaded or shared.
 */
export function InboxFiltersForm({
  filters,
  categories,
  onChange,
}: {
  filters: InboxFilters;
  categories: Categories;
  onChange: (next: InboxFilters) => void;
}) {
  const t = useT();
  const any = t('web.cases.filter.any');
  const set = <K extends keyof InboxFilters>(k: K, v: InboxFilters[K]) =>
    onChange({ ...filters, [k]: v });
  const filtered = Object.values(filters).some(Boolean);
  return (
    <form
      className="case-filters"
      aria-label={t('web.cases.filter.title')}
      onSubmit={(e) => e.preventDefault()}
    >
      <Filter<CaseStatus>
        label={t('web.cases.filter.status')}
        any={t('web.cases.filter.any-active')}
        codes={CASE_STATUSES}
        value={filters.status}
        name={(c) => statusName(t, c)}
        onChange={(v) => set('status', v)}
      />
      <Filter<string>
        label={t('web.cases.filter.category')}
        any={any}
        codes={categories.codes}
        value={filters.category}
        name={categories.name}
        onChange={(v) => set('category', v)}
      />
      <Filter<CasePriority>
        label={t('web.cases.filter.priority')}
        any={any}
        codes={CASE_PRIORITIES}
        value={filters.priority}
        name={(c) => priorityName(t, c)}
        onChange={(v) => set('priority', v)}
      />
      <Filter<CaseChannel>
        label={t('web.cases.filter.channel')}
        any={any}
        codes={CASE_CHANNELS}
        value={filters.channel}
        name={(c) => channelName(t, c)}
        onChange={(v) => set('channel', v)}
      />
      {filtered && (
        <button type="button" onClick={() => onChange({})}>
          {t('web.cases.filter.clear')}
        </button>
      )}
    </form>
  );
}
