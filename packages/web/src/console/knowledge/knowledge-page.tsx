import {
  BUILT_IN_KB_CATEGORIES,
  KB_LANGUAGES,
  KB_STATUSES,
  type KbLanguage,
  type KbStatus,
} from '@caredesk/core/service-desk';
import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { useLanguage, useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/languages';
import { searchArticles, type KbHit, type StaffSearch } from '../../knowledge/kb-api';
import { useCategoryLabel, useLanguageName } from '../../knowledge/kb-labels';
import { useDebounced } from '../../knowledge/use-debounced';
import { usePages } from '../../patient-record/use-pages';
import '../../styles/knowledge.css';

const LANGUAGE_KEYS: Record<KbLanguage, MessageKey> = {
  en: 'web.language.en',
  es: 'web.language.es',
  lv: 'web.language.lv',
  nb: 'web.language.nb',
};

/**
 * The knowledge base for staff (issue #5 point 7, permission kb.read): search as you
 * type in any of the four languages, accents and capitals aside; filter by language,
 * category and status; open an article to read it or, with kb.manage, to edit it.
 */
export function KnowledgePage() {
  const t = useT();
  const { language: uiLanguage } = useLanguage();
  const { permissions } = useSession();
  const [search, setSearch] = useState<StaffSearch>({
    q: '',
    language: uiLanguage,
    category: '',
    status: '',
  });
  const asked = useDebounced(search);
  const pages = usePages((cursor) => searchArticles(asked, cursor), [JSON.stringify(asked)]);
  const set = (patch: Partial<StaffSearch>) => setSearch((s) => ({ ...s, ...patch }));
  const id = useId();
  const categoryLabel = useCategoryLabel();

  return (
    <>
      <div className="kb-title-row">
        <h1>{t('web.kb.title')}</h1>
        {permissions.has('kb.manage') && (
          <Link className="kb-button-link" to="/console/knowledge/new">
            {t('web.kb.new')}
          </Link>
        )}
      </div>
      <p>{t('web.kb.intro')}</p>
      <form className="kb-search" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field kb-search-words">
          <label htmlFor={`${id}-q`}>{t('web.kb.search.label')}</label>
          <p className="hint" id={`${id}-q-hint`}>
            {t('web.kb.search.hint')}
          </p>
          <input
            id={`${id}-q`}
            type="search"
            aria-describedby={`${id}-q-hint`}
            autoComplete="off"
            maxLength={200}
            value={search.q}
            onChange={(e) => set({ q: e.target.value })}
          />
        </div>
        <div className="kb-filters">
          <div className="field">
            <label htmlFor={`${id}-language`}>{t('web.kb.filter.language')}</label>
            <select
              id={`${id}-language`}
              value={search.language}
              onChange={(e) => set({ language: e.target.value as KbLanguage })}
            >
              {KB_LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {t(LANGUAGE_KEYS[l])}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-category`}>{t('web.kb.filter.category')}</label>
            <select
              id={`${id}-category`}
              value={search.category}
              onChange={(e) => set({ category: e.target.value })}
            >
              <option value="">{t('web.kb.filter.any-category')}</option>
              {BUILT_IN_KB_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {categoryLabel(c)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-status`}>{t('web.kb.filter.status')}</label>
            <select
              id={`${id}-status`}
              value={search.status}
              onChange={(e) => set({ status: e.target.value as KbStatus | '' })}
            >
              <option value="">{t('web.kb.filter.current')}</option>
              {KB_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`web.kb.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      </form>
      <Results pages={pages} />
    </>
  );
}

function Results({ pages }: { pages: ReturnType<typeof usePages<KbHit>> }) {
  const t = useT();
  const { resource } = pages;
  if (resource.kind === 'loading') return <p role="status">{t('web.loading')}</p>;
  if (resource.kind !== 'ready') return <p role="alert">{t('web.error.network')}</p>;
  return (
    <section aria-labelledby="kb-results-title">
      <h2 id="kb-results-title" className="kb-sr-only">
        {t('web.kb.results')}
      </h2>
      <p role="status" className={resource.value.length === 0 ? undefined : 'kb-sr-only'}>
        {resource.value.length === 0
          ? t('web.kb.empty')
          : t('web.kb.results.count', { count: resource.value.length })}
      </p>
      <ul className="plain kb-results" data-testid="kb-results">
        {resource.value.map((hit) => (
          <ResultItem key={hit.id} hit={hit} />
        ))}
      </ul>
      {pages.hasMore && (
        <button type="button" onClick={pages.more} disabled={pages.loadingMore}>
          {t('web.kb.more')}
        </button>
      )}
      {pages.moreFailed && <p role="alert">{t('web.error.network')}</p>}
    </section>
  );
}

function ResultItem({ hit }: { hit: KbHit }) {
  const t = useT();
  const intl = useIntl();
  const categoryLabel = useCategoryLabel();
  const languageName = useLanguageName();
  const { language } = useLanguage();
  return (
    <li className="kb-result">
      <h3 lang={hit.language === language ? undefined : hit.language}>
        <Link to={`/console/knowledge/${hit.id}`}>{hit.title}</Link>
      </h3>
      <p className="kb-meta">
        <span className={`kb-status kb-status-${hit.status}`}>
          {t(`web.kb.status.${hit.status}`)}
        </span>
        <span>{categoryLabel(hit.category)}</span>
        <span>{t(`web.kb.audience.${hit.audience}`)}</span>
        <span>
          {t('web.kb.updated', {
            date: intl.formatDate(hit.updatedAt, { dateStyle: 'medium' }),
          })}
        </span>
      </p>
      {hit.fallback && (
        <p className="kb-fallback">{t('web.kb.fallback', { shown: languageName(hit.language) })}</p>
      )}
      <p className="kb-excerpt" lang={hit.language}>
        {hit.excerpt}
      </p>
    </li>
  );
}
