import { MACRO_LANGUAGES, MACRO_PLACEHOLDERS, placeholderToken } from '@caredesk/core/service-desk';
import type { MacroLanguage, MacroPlaceholder } from '@caredesk/core/service-desk';
import { useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { KeyboardEvent } from 'react';
import { useT } from '../../i18n/i18n-provider';
import type { DraftField, DraftText } from './macro-draft';
import { LANGUAGE_NAME, PLACEHOLDER_LABEL } from './macro-labels';

/**
 * One tab per language (WAI-ARIA APG tabs: arrow keys move between tabs, Tab goes into
 * the panel). Each panel has the subject (replies only), the text and a placeholder
 * picker that inserts at the caret of whichever of the two was used last.
 */
export function MacroTexts({
  texts,
  withSubject,
  active,
  onActive,
  onChange,
  errors,
}: {
  texts: Record<MacroLanguage, DraftText>;
  withSubject: boolean;
  active: MacroLanguage;
  onActive: (lang: MacroLanguage) => void;
  onChange: (lang: MacroLanguage, text: DraftText) => void;
  errors: Partial<Record<DraftField, string>>;
}) {
  const t = useT();
  const id = useId();
  const tabs = useRef<Partial<Record<MacroLanguage, HTMLButtonElement | null>>>({});
  const subject = useRef<HTMLInputElement>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  const lastUsed = useRef<'subject' | 'body'>('body');
  const [placeholder, setPlaceholder] = useState<MacroPlaceholder>('patient.firstName');
  const text = texts[active];
  const subjectError = errors[`${active}.subject`];
  const bodyError = errors[`${active}.body`];

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const at = MACRO_LANGUAGES.indexOf(active);
    const n = MACRO_LANGUAGES.length;
    const next =
      e.key === 'ArrowRight'
        ? MACRO_LANGUAGES[(at + 1) % n]
        : e.key === 'ArrowLeft'
          ? MACRO_LANGUAGES[(at + n - 1) % n]
          : e.key === 'Home'
            ? MACRO_LANGUAGES[0]
            : e.key === 'End'
              ? MACRO_LANGUAGES[n - 1]
              : undefined;
    if (!next) return;
    e.preventDefault();
    onActive(next);
    tabs.current[next]?.focus();
  };

  const insert = () => {
    const token = placeholderToken(placeholder);
    const into = lastUsed.current === 'subject' && withSubject ? subject.current : body.current;
    const field = lastUsed.current === 'subject' && withSubject ? 'subject' : 'body';
    const value = text[field];
    const start = into?.selectionStart ?? value.length;
    const end = into?.selectionEnd ?? value.length;
    // Written at once (flushSync), so the caret can be put after the placeholder and the
    // focus back in the text before the next key press arrives.
    flushSync(() =>
      onChange(active, { ...text, [field]: value.slice(0, start) + token + value.slice(end) }),
    );
    into?.focus();
    into?.setSelectionRange(start + token.length, start + token.length);
  };

  const hasText = (l: MacroLanguage) =>
    texts[l].body.trim() !== '' || texts[l].subject.trim() !== '';
  const hasError = (l: MacroLanguage) => Boolean(errors[`${l}.body`] ?? errors[`${l}.subject`]);

  return (
    <div className="macro-texts">
      <div role="tablist" aria-label={t('web.macros.texts.label')} className="macro-tabs">
        {MACRO_LANGUAGES.map((l) => (
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
            className={hasError(l) ? 'has-error' : undefined}
            onClick={() => onActive(l)}
            onKeyDown={onTabKey}
          >
            <span lang={l}>{t(LANGUAGE_NAME[l])}</span>
            <span className="tab-state">
              {hasError(l)
                ? t('web.macros.texts.tab-error')
                : hasText(l)
                  ? t('web.macros.texts.tab-written')
                  : t('web.macros.texts.tab-empty')}
            </span>
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${active}`}
        className="macro-panel"
      >
        <p className="hint">{t('web.macros.texts.hint')}</p>
        {withSubject && (
          <div className="field">
            <label htmlFor={`${id}-subject`}>{t('web.macros.texts.subject')}</label>
            <input
              id={`${id}-subject`}
              ref={subject}
              lang={active}
              maxLength={800}
              value={text.subject}
              aria-invalid={subjectError ? true : undefined}
              aria-describedby={subjectError ? `${id}-subject-error` : undefined}
              onFocus={() => (lastUsed.current = 'subject')}
              onChange={(e) => onChange(active, { ...text, subject: e.target.value })}
            />
            {subjectError && (
              <p className="form-error" role="alert" id={`${id}-subject-error`}>
                {subjectError}
              </p>
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-body`}>{t('web.macros.texts.body')}</label>
          <textarea
            id={`${id}-body`}
            ref={body}
            lang={active}
            rows={8}
            maxLength={32000}
            value={text.body}
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={bodyError ? `${id}-body-error` : undefined}
            onFocus={() => (lastUsed.current = 'body')}
            onChange={(e) => onChange(active, { ...text, body: e.target.value })}
          />
          {bodyError && (
            <p className="form-error" role="alert" id={`${id}-body-error`}>
              {bodyError}
            </p>
          )}
        </div>
        <div className="placeholder-picker">
          <div className="field">
            <label htmlFor={`${id}-placeholder`}>{t('web.macros.placeholder.label')}</label>
            <select
              id={`${id}-placeholder`}
              value={placeholder}
              onChange={(e) => setPlaceholder(e.target.value as MacroPlaceholder)}
            >
              {MACRO_PLACEHOLDERS.map((p) => (
                <option key={p} value={p}>
                  {`${t(PLACEHOLDER_LABEL[p])} — ${placeholderToken(p)}`}
                </option>
              ))}
            </select>
          </div>
          <button type="button" onClick={insert}>
            {t('web.macros.placeholder.insert')}
          </button>
        </div>
      </div>
    </div>
  );
}
