import { chooseBody, fillMacro, MACRO_LANGUAGES } from '@caredesk/core/service-desk';
import type { MacroLanguage, RenderedMacro } from '@caredesk/core/service-desk';
import { useId, useState } from 'react';
import { useSession } from '../../app/session';
import { useLanguage, useT } from '../../i18n/i18n-provider';
import { MacroActionsSummary } from './macro-actions-summary';
import { inputOf, type MacroDraft } from './macro-draft';
import { LANGUAGE_NAME, missingList } from './macro-labels';
import { sampleFacts } from './sample-facts';
import { useWords } from './use-words';

/** The macro as a patient would read it, filled with sample facts, in the language chosen. */
export function RenderedText({ rendered }: { rendered: RenderedMacro }) {
  const t = useT();
  const { language: screen } = useLanguage();
  return (
    <div className="macro-rendered" lang={rendered.language} data-testid="macro-rendered">
      {rendered.subject !== null && (
        <p className="macro-subject">
          <span className="subject-label" lang={screen}>
            {t('web.macros.preview.subject')}
          </span>{' '}
          {rendered.subject}
        </p>
      )}
      <div className="macro-body">{rendered.body}</div>
    </div>
  );
}

/**
 * Live preview while a macro is written: rendered here by the same core function the
 * server uses, with sample facts, so what a supervisor sees is what a patient gets.
 */
export function MacroPreview({
  draft,
  language,
  onLanguage,
}: {
  draft: MacroDraft;
  language: MacroLanguage;
  onLanguage: (lang: MacroLanguage) => void;
}) {
  const t = useT();
  const id = useId();
  const { account } = useSession();
  const [unidentified, setUnidentified] = useState(false);
  const input = inputOf(draft);
  // The neutral words and sample values in the language of the text the patient gets.
  const textLanguage = input.bodies.length > 0 ? chooseBody(input, language).language : language;
  const words = useWords(textLanguage);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const rendered =
    words && input.bodies.length > 0
      ? fillMacro(
          input,
          language,
          sampleFacts(words, account?.displayName ?? '', new Date(), unidentified),
          timeZone,
          { words },
        )
      : null;
  return (
    <section className="macro-preview" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('web.macros.preview.title')}</h3>
      <div className="field">
        <label htmlFor={`${id}-lang`}>{t('web.macros.preview.reader')}</label>
        <select
          id={`${id}-lang`}
          value={language}
          onChange={(e) => onLanguage(e.target.value as MacroLanguage)}
        >
          {MACRO_LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(LANGUAGE_NAME[l])}
            </option>
          ))}
        </select>
      </div>
      <div className="choice">
        <input
          id={`${id}-anon`}
          type="checkbox"
          checked={unidentified}
          onChange={(e) => setUnidentified(e.target.checked)}
        />
        <label htmlFor={`${id}-anon`}>{t('web.macros.preview.unidentified')}</label>
      </div>
      {input.bodies.length === 0 && <p className="hint">{t('web.macros.preview.nothing')}</p>}
      {rendered && (
        <>
          {rendered.fallback && (
            <p className="notice">
              {t('web.macros.preview.fallback', {
                wanted: t(LANGUAGE_NAME[language]),
                used: t(LANGUAGE_NAME[rendered.language]),
              })}
            </p>
          )}
          <p className="secondary">
            {t(
              draft.audience === 'public-reply'
                ? 'web.macros.audience.public-reply'
                : 'web.macros.audience.internal-note',
            )}
          </p>
          <RenderedText rendered={rendered} />
          {rendered.missing.length > 0 && (
            <p className="hint">
              {t('web.macros.preview.missing', { list: missingList(t, rendered.missing) })}
            </p>
          )}
          <MacroActionsSummary actions={rendered.actions} />
        </>
      )}
    </section>
  );
}
