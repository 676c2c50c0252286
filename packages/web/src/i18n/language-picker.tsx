import { useId } from 'react';
import { useSession } from '../app/session';
import { useLanguage, useT } from './i18n-provider';
import { LANGUAGES, type Language, type MessageKey } from './languages';

const NAME_KEYS: Record<Language, MessageKey> = {
  en: 'web.language.en',
  es: 'web.language.es',
  lv: 'web.language.lv',
  nb: 'web.language.nb',
};

/** A native select: keyboard, screen readers and phones handle it without help. */
export function LanguagePicker() {
  const { language } = useLanguage();
  const { chooseLanguage } = useSession();
  const t = useT();
  const id = useId();
  return (
    <div className="language-picker">
      <label htmlFor={id}>{t('web.language.label')}</label>
      <select id={id} value={language} onChange={(e) => chooseLanguage(e.target.value as Language)}>
        {LANGUAGES.map((lang) => (
          // Each language is named in itself, so a reader finds theirs whatever is shown.
          <option key={lang} value={lang} lang={lang}>
            {t(NAME_KEYS[lang])}
          </option>
        ))}
      </select>
    </div>
  );
}
