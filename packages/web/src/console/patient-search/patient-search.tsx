import { useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useT } from '../../i18n/i18n-provider';
import { PatientSummaryLine } from './patient-summary-line';
import type { PatientSummary } from './search-patients';
import { useTypeahead } from './use-typeahead';

/**
 * Patient search as you type (issue #4, point 4) as a WAI-ARIA combobox with a listbox
 * (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/): arrows move through the
 * results, Enter opens the highlighted one, Escape closes the list; focus stays in
 * the box the whole time.
 */
export function PatientSearch({ onOpen }: { onOpen: (p: PatientSummary) => void }) {
  const t = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(true);
  const state = useTypeahead(query);
  const items = state.kind === 'results' ? state.items : [];
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const expanded = open && items.length > 0;

  const choose = (p: PatientSummary | undefined) => {
    if (!p) return;
    setOpen(false);
    onOpen(p);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (items.length === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + items.length) % items.length);
    } else if (e.key === 'Enter' && expanded && active >= 0) {
      e.preventDefault();
      choose(items[active]);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div className="patient-search">
      <label htmlFor={id}>{t('web.console.search.label')}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('web.console.search.hint')}
      </p>
      <input
        id={id}
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-describedby={`${id}-hint`}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(-1);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
      />
      <p className="search-status" role="status">
        {state.kind === 'results' &&
          (items.length === 0
            ? t('web.console.search.none', { query: query.trim() })
            : t('web.console.search.results', { count: items.length }))}
        {state.kind === 'failed' && (state.message || t('web.error.network'))}
      </p>
      <ul id={listId} role="listbox" className="search-results" hidden={!expanded}>
        {items.map((p, i) => (
          <li
            key={p.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(p)}
          >
            <PatientSummaryLine patient={p} />
          </li>
        ))}
      </ul>
    </div>
  );
}
