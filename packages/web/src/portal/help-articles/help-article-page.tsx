import type { KbLanguage } from '@caredesk/core/service-desk';
import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { useLanguage, useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/languages';
import { ArticleBody } from '../../knowledge/article-body';
import { fetchHelpArticle } from '../../knowledge/kb-api';
import { useCategoryLabel, useLanguageName } from '../../knowledge/kb-labels';
import { useResource } from '../../patient-record/use-resource';
import '../../styles/knowledge.css';

const NAME_KEYS: Record<KbLanguage, MessageKey> = {
  en: 'web.language.en',
  es: 'web.language.es',
  lv: 'web.language.lv',
  nb: 'web.language.nb',
};

/**
 * One help article, in the reader's language when it is written in it; otherwise in
 * English (or the language it has), saying so. The other languages it is written in are
 * offered, for a reader who shares the page with someone.
 */
export function HelpArticlePage() {
  const t = useT();
  const intl = useIntl();
  const { id = '' } = useParams();
  const { language } = useLanguage();
  const [chosen, setChosen] = useState<KbLanguage | null>(null);
  const reading = chosen ?? language;
  const article = useResource(() => fetchHelpArticle(id, reading), [id, reading]);
  const categoryLabel = useCategoryLabel();
  const languageName = useLanguageName();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (article.kind === 'ready' && chosen) heading.current?.focus();
  }, [article.kind, chosen]);

  const back = (
    <p>
      <Link to="/portal/help-articles">{t('web.kb.portal.back')}</Link>
    </p>
  );
  if (article.kind === 'loading') return <p role="status">{t('web.loading')}</p>;
  if (article.kind === 'failed') return <p role="alert">{t('web.error.network')}</p>;
  if (article.kind === 'unavailable')
    return (
      <>
        {back}
        <h1>{t('web.kb.portal.title')}</h1>
        <p>{t('web.kb.portal.not-found')}</p>
      </>
    );
  const a = article.value;
  const own = a.language === language;
  return (
    <>
      {back}
      <article className="kb-article">
        <h1 ref={heading} tabIndex={-1} lang={own ? undefined : a.language}>
          {a.title}
        </h1>
        <p className="kb-meta">
          <span>{categoryLabel(a.category)}</span>
          <span>
            {t('web.kb.portal.updated', {
              date: intl.formatDate(a.updatedAt, { dateStyle: 'long' }),
            })}
          </span>
        </p>
        {a.fallback && (
          <p className="notice">
            {t('web.kb.portal.fallback', {
              language: languageName(a.requestedLanguage),
              shown: languageName(a.language),
            })}
          </p>
        )}
        <div lang={own ? undefined : a.language}>
          <ArticleBody body={a.body} />
        </div>
      </article>
      {a.languages.length > 1 && (
        <nav aria-label={t('web.kb.portal.other-languages')} className="kb-other-languages">
          <h2>{t('web.kb.portal.other-languages')}</h2>
          <ul className="plain">
            {a.languages.map((l) => (
              <li key={l}>
                <button
                  type="button"
                  lang={l}
                  aria-pressed={l === a.language}
                  onClick={() => setChosen(l)}
                >
                  {t(NAME_KEYS[l])}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </>
  );
}
