import {
  BUILT_IN_KB_CATEGORIES,
  KB_AUDIENCES,
  type KbLanguage,
  type KnowledgeArticle,
} from '@caredesk/core/service-desk';
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useSession } from '../../app/session';
import { useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/languages';
import { createArticle, fetchArticle, saveArticle } from '../../knowledge/kb-api';
import { useCategoryLabel } from '../../knowledge/kb-labels';
import { useResource } from '../../patient-record/use-resource';
import { FormError } from '../../sign-in/form-error';
import '../../styles/knowledge.css';
import { draftOf, inputOf, sameDraft, type ArticleDraft } from './article-draft';
import { StatusActions } from './status-actions';
import { TranslationTabs } from './translation-tabs';

type Said = { key: MessageKey } | null;
type TextErrors = Partial<Record<KbLanguage, { title?: string; body?: string }>>;

/** /console/knowledge/new or /console/knowledge/:id: loads the article, then edits it. */
export function ArticleEditorPage() {
  const t = useT();
  const { id = 'new' } = useParams();
  const article = useResource(
    () => (id === 'new' ? Promise.resolve(null) : fetchArticle(id)),
    [id],
  );
  if (article.kind === 'loading') return <p role="status">{t('web.loading')}</p>;
  if (article.kind === 'unavailable')
    return (
      <>
        <h1>{t('web.kb.title')}</h1>
        <p>{t('web.kb.editor.not-found')}</p>
        <Link to="/console/knowledge">{t('web.kb.editor.back')}</Link>
      </>
    );
  if (article.kind === 'failed') return <p role="alert">{t('web.error.network')}</p>;
  return <ArticleEditor key={id} initial={article.value} />;
}

/**
 * The article editor (permission kb.manage; kb.read alone shows the same page read-only):
 * category, audience, a tab per language with a preview, then save, publish and archive.
 * Saving sends the version the editor started from, so a colleague's change made
 * meanwhile is never overwritten: the server answers 409 and the page says so.
 */
function ArticleEditor({ initial }: { initial: KnowledgeArticle | null }) {
  const t = useT();
  const intl = useIntl();
  const navigate = useNavigate();
  const { permissions } = useSession();
  const editable = permissions.has('kb.manage');
  const categoryLabel = useCategoryLabel();
  const id = useId();
  const [saved, setSaved] = useState<KnowledgeArticle | null>(initial);
  const [draft, setDraft] = useState<ArticleDraft>(() => draftOf(initial));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [textErrors, setTextErrors] = useState<TextErrors>({});
  // A new article's first save moves to its own address, which loads it afresh: what was
  // said travels with the navigation.
  const location = useLocation() as { state: { said?: MessageKey } | null };
  const [said, setSaid] = useState<Said>(
    location.state?.said ? { key: location.state.said } : null,
  );
  const title = useRef<HTMLHeadingElement>(null);
  const dirty = !sameDraft(draft, draftOf(saved));
  const categories = [...new Set<string>([...BUILT_IN_KB_CATEGORIES, draft.category])];

  useEffect(() => title.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaid(null);
    setError(null);
    setTextErrors({});
    const input = inputOf(draft);
    if (input.translations.length === 0) {
      setError(t('web.kb.editor.need-translation'));
      return;
    }
    setBusy(true);
    try {
      const next = saved
        ? await saveArticle(saved.id, input, saved.version)
        : await createArticle(input);
      if (!saved) {
        void navigate(`/console/knowledge/${next.id}`, {
          replace: true,
          state: { said: 'web.kb.editor.saved' },
        });
        return;
      }
      setSaved(next);
      setDraft(draftOf(next));
      setSaid({ key: 'web.kb.editor.saved' });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setConflict(true);
      else if (e instanceof ApiError && e.status === 400) {
        const byLanguage: TextErrors = {};
        const other: string[] = [];
        for (const issue of e.issues) {
          const m = /^(?:body\/)?translations\/(\d+)\/(title|body)$/.exec(issue.path);
          const language = m ? input.translations[Number(m[1])]?.language : undefined;
          if (m && language)
            byLanguage[language] = { ...byLanguage[language], [m[2]!]: issue.message };
          else other.push(issue.message);
        }
        setTextErrors(byLanguage);
        setError(other[0] ?? (Object.keys(byLanguage).length > 0 ? null : e.message));
      } else setError(t('web.error.network'));
    } finally {
      setBusy(false);
    }
  };

  const heading = saved
    ? (saved.translations.find((x) => x.language === intl.locale)?.title ??
      saved.translations[0]?.title ??
      '')
    : t('web.kb.editor.new-title');

  return (
    <>
      <p>
        <Link to="/console/knowledge">{t('web.kb.editor.back')}</Link>
      </p>
      <h1 ref={title} tabIndex={-1}>
        {heading}
      </h1>
      {saved && (
        <p className="kb-meta">
          <span className={`kb-status kb-status-${saved.status}`}>
            {t(`web.kb.status.${saved.status}`)}
          </span>
          <span>{t('web.kb.editor.version', { version: saved.version })}</span>
          <span>
            {t('web.kb.updated', {
              date: intl.formatDate(saved.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }),
            })}
          </span>
        </p>
      )}
      {!editable && <p className="notice">{t('web.kb.editor.read-only')}</p>}
      <div role="status" className={said ? 'notice' : undefined}>
        {said && t(said.key)}
      </div>
      {conflict && (
        <div className="form-error" role="alert">
          <p>{t('web.kb.editor.conflict')}</p>
          <button type="button" onClick={() => window.location.reload()}>
            {t('web.kb.editor.reload')}
          </button>
        </div>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate className="kb-editor">
        <div className="kb-filters">
          <div className="field">
            <label htmlFor={`${id}-category`}>{t('web.kb.filter.category')}</label>
            <select
              id={`${id}-category`}
              disabled={!editable}
              value={draft.category}
              onChange={(e) => setDraft({ ...draft, category: e.target.value })}
            >
              {categories.map((c) => (
                <option key={c} value={c}>
                  {categoryLabel(c)}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="kb-audience">
            <legend>{t('web.kb.audience.label')}</legend>
            {KB_AUDIENCES.map((a) => (
              <div className="kb-choice" key={a}>
                <input
                  type="radio"
                  id={`${id}-audience-${a}`}
                  name={`${id}-audience`}
                  disabled={!editable}
                  checked={draft.audience === a}
                  onChange={() => setDraft({ ...draft, audience: a })}
                />
                <label htmlFor={`${id}-audience-${a}`}>{t(`web.kb.audience.${a}`)}</label>
              </div>
            ))}
          </fieldset>
        </div>
        <TranslationTabs
          draft={draft}
          editable={editable}
          errors={textErrors}
          onChange={(language, text) =>
            setDraft((d) => ({ ...d, texts: { ...d.texts, [language]: text } }))
          }
        />
        <FormError message={error} />
        {editable && (
          <div className="kb-actions">
            <button type="submit" className="primary" disabled={busy || (!dirty && !!saved)}>
              {t('web.kb.editor.save')}
            </button>
          </div>
        )}
      </form>
      {editable && saved && (
        <StatusActions
          article={saved}
          unsaved={dirty}
          onChanged={(next, key) => {
            setSaved(next);
            setSaid({ key });
          }}
          onConflict={() => setConflict(true)}
        />
      )}
    </>
  );
}
