import { KB_LANGUAGES, type KbLanguage } from '@caredesk/core/service-desk';
import { useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useT } from '../../i18n/i18n-provider';
import type { MessageKey } from '../../i18n/languages';
import { ArticleBody } from '../../knowledge/article-body';
import { written, type ArticleDraft } from './article-draft';

const NAME_KEYS: Record<KbLanguage, MessageKey> = {
  en: 'web.language.en',
  es: 'web.language.es',
  lv: 'web.language.lv',
  nb: 'web.language.nb',
};

/**
 * One tab per language (WAI-ARIA tabs pattern: arrow keys move between tabs, the chosen
 * one's panel follows), each with a title, a text and a preview of how readers will see it.
 * Fields are shown to everyone and editable only for editors.
 */
export function TranslationTabs({
  draft,
  editable,
  errors,
  onChange,
}: {
  draft: ArticleDraft;
  editable: boolean;
  /** Refusals by language, e.g. { es: { title: '…' } }. */
  errors: Partial<Record<KbLanguage, { title?: string; body?: string }>>;
  onChange: (language: KbLanguage, text: { title: string; body: string }) => void;
}) {
  const t = useT();
  const id = useId();
  const first = KB_LANGUAGES.find((l) => written(draft, l)) ?? 'en';
  const [active, setActive] = useState<KbLanguage>(first);
  const [preview, setPreview] = useState(!editable);
  const tabs = useRef<Partial<Record<KbLanguage, HTMLButtonElement | null>>>({});

  const move = (e: KeyboardEvent) => {
    const i = KB_LANGUAGES.indexOf(active);
    const next =
      e.key === 'ArrowRight'
        ? KB_LANGUAGES[(i + 1) % KB_LANGUAGES.length]
        : e.key === 'ArrowLeft'
          ? KB_LANGUAGES[(i + KB_LANGUAGES.length - 1) % KB_LANGUAGES.length]
          : e.key === 'Home'
            ? KB_LANGUAGES[0]
            : e.key === 'End'
              ? KB_LANGUAGES.at(-1)
              : undefined;
    if (!next) return;
    e.preventDefault();
    setActive(next);
    tabs.current[next]?.focus();
  };

  const text = draft.texts[active];
  const error = errors[active] ?? {};
  return (
    <fieldset className="kb-translations">
      <legend>{t('web.kb.editor.translations')}</legend>
      <div role="tablist" className="kb-tabs" aria-label={t('web.kb.editor.translations')}>
        {KB_LANGUAGES.map((l) => (
          <button
            key={l}
            ref={(el) => {
              tabs.current[l] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${l}`}
            aria-selected={l === active}
            aria-controls={`${id}-panel`}
            tabIndex={l === active ? 0 : -1}
            className={errors[l] ? 'kb-tab kb-tab-invalid' : 'kb-tab'}
            onClick={() => setActive(l)}
            onKeyDown={move}
          >
            <span lang={l}>{t(NAME_KEYS[l])}</span>
            {!written(draft, l) && (
              <span className="kb-tab-note"> {t('web.kb.editor.not-written')}</span>
            )}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${active}`}>
        {editable && (
          <div className="kb-preview-toggle">
            <button type="button" aria-pressed={preview} onClick={() => setPreview((p) => !p)}>
              {t('web.kb.editor.preview')}
            </button>
          </div>
        )}
        {preview ? (
          <article className="kb-preview" lang={active}>
            {text.title || text.body ? (
              <>
                <h2>{text.title}</h2>
                <ArticleBody body={text.body} level={3} />
              </>
            ) : (
              <p>{t('web.kb.editor.preview-empty')}</p>
            )}
          </article>
        ) : (
          <>
            <div className="field">
              <label htmlFor={`${id}-title`}>{t('web.kb.editor.title')}</label>
              <input
                id={`${id}-title`}
                lang={active}
                maxLength={200}
                value={text.title}
                aria-invalid={error.title ? true : undefined}
                aria-describedby={error.title ? `${id}-title-error` : undefined}
                onChange={(e) => onChange(active, { ...text, title: e.target.value })}
              />
              {error.title && (
                <p className="form-error" id={`${id}-title-error`}>
                  {error.title}
                </p>
              )}
            </div>
            <div className="field">
              <label htmlFor={`${id}-body`}>{t('web.kb.editor.body')}</label>
              <p className="hint" id={`${id}-body-hint`}>
                {t('web.kb.editor.body-hint')}
              </p>
              <textarea
                id={`${id}-body`}
                lang={active}
                rows={14}
                maxLength={20_000}
                value={text.body}
                aria-invalid={error.body ? true : undefined}
                aria-describedby={
                  error.body ? `${id}-body-hint ${id}-body-error` : `${id}-body-hint`
                }
                onChange={(e) => onChange(active, { ...text, body: e.target.value })}
              />
              {error.body && (
                <p className="form-error" id={`${id}-body-error`}>
                  {error.body}
                </p>
              )}
            </div>
          </>
        )}
      </div>
    </fieldset>
  );
}
