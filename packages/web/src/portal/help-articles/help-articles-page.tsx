import { BUILT_IN_KB_CATEGORIES } from '@caredesk/core/service-desk';
import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useLanguage, useT } from '../../i18n/i18n-provider';
import { searchHelpArticles, type KbHit } from '../../knowledge/kb-api';
import { useCategoryLabel, useLanguageName } from '../../knowledge/kb-labels';
import { useDebounced } from '../../knowledge/use-debounced';
import { usePages } from '../../patient-record/use-pages';
import '../../styles/knowledge.css';

/**
 * Help articles in the portal (issue #5 point 7): what the clinic has published for
 * patients and caregivers, browsed by topic or searched in the reader's own words,
 * accents or not. Each article shows in the reader's language, or says which it is in.
 * The topic and words live in the address, so Back returns to the same list.
 */
export function HelpArticlesPage() {
  const t = useT();
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const category = params.get('category') ?? '';
  const [q, setQ] = useState(params.get('q') ?? '');
  const words = useDebounced(q);
  const id = useId();
  const categoryLabel = useCategoryLabel();
  const pages = usePages(
    (cursor) => searchHelpArticles({ q: words, category, language }, cursor),
    [words, category, language],
  );

  const update = (next: { q?: string; category?: string }) => {
    const merged = { q: next.q ?? q, category: next.category ?? category };
    const p = new URLSearchParams();
    if (merged.q.trim()) p.set('q', merged.q);
    if (merged.category) p.set('category', merged.category);
    setParams(p, { replace: true });
  };

  return (
    <>
      <h1>{t('web.kb.portal.title')}</h1>
      <p>{t('web.kb.portal.intro')}</p>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('web.kb.portal.search.label')}</label>
          <input
            id={`${id}-q`}
            type="search"
            autoComplete="off"
            maxLength={200}
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              update({ q: e.target.value });
            }}
          />
        </div>
      </form>
      <nav aria-label={t('web.kb.portal.topics')}>
        <ul className="plain kb-topics">
          {['', ...BUILT_IN_KB_CATEGORIES].map((c) => (
            <li key={c || 'all'}>
              <button
                type="button"
                aria-pressed={c === category}
                onClick={() => update({ category: c })}
              >
                {c ? categoryLabel(c) : t('web.kb.portal.all')}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <HelpResults pages={pages} />
    </>
  );
}

function HelpResults({ pages }: { pages: ReturnType<typeof usePages<KbHit>> }) {
  const t = useT();
  const { resource } = pages;
  if (resource.kind === 'loading') return <p role="status">{t('web.loading')}</p>;
  if (resource.kind !== 'ready') return <p role="alert">{t('web.error.network')}</p>;
  return (
    <section aria-labelledby="help-results-title">
      <h2 id="help-results-title">{t('web.kb.portal.results')}</h2>
      <p role="status" className={resource.value.length === 0 ? undefined : 'kb-sr-only'}>
        {resource.value.length === 0
          ? t('web.kb.portal.empty')
          : t('web.kb.results.count', { count: resource.value.length })}
      </p>
      <ul className="plain kb-results" data-testid="help-results">
        {resource.value.map((hit) => (
          <HelpResult key={hit.id} hit={hit} />
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

function HelpResult({ hit }: { hit: KbHit }) {
  const t = useT();
  const categoryLabel = useCategoryLabel();
  const languageName = useLanguageName();
  return (
    <li className="kb-result">
      <h3 lang={hit.fallback ? hit.language : undefined}>
        <Link to={`/portal/help-articles/${hit.id}`}>{hit.title}</Link>
      </h3>
      <p className="kb-meta">
        <span>{categoryLabel(hit.category)}</span>
      </p>
      {hit.fallback && (
        <p className="kb-fallback">
          {t('web.kb.portal.fallback-short', { shown: languageName(hit.language) })}
        </p>
      )}
      <p className="kb-excerpt" lang={hit.fallback ? hit.language : undefined}>
        {hit.excerpt}
      </p>
    </li>
  );
}
