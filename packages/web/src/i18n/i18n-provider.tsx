import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { setApiLanguage } from '../api/client';
import {
  initialLanguage,
  loadCatalog,
  rememberLanguage,
  type Language,
  type MessageKey,
} from './languages';

interface LanguageState {
  language: Language;
  /** Switches at once and remembers the choice on this device. */
  choose: (lang: Language) => void;
}

const LanguageContext = createContext<LanguageState | null>(null);

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage outside I18nProvider');
  return state;
}

/** `t('web.signin.submit')`, or with ICU arguments `t('web.shell.signed-in-as', { name })`. */
export function useT(): (key: MessageKey, values?: Record<string, string | number>) => string {
  const intl = useIntl();
  return useCallback((key, values) => intl.formatMessage({ id: key }, values), [intl]);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [messages, setMessages] = useState<Record<string, string> | null>(null);

  useEffect(() => {
    let current = true;
    void loadCatalog(language).then((m) => {
      if (current) setMessages(m);
    });
    document.documentElement.lang = language;
    setApiLanguage(language);
    return () => {
      current = false;
    };
  }, [language]);

  const choose = useCallback((lang: Language) => {
    rememberLanguage(lang);
    setLanguage(lang);
  }, []);
  const state = useMemo(() => ({ language, choose }), [language, choose]);

  // Nothing is shown until the catalog is here: never a flash of keys or of English.
  if (!messages) return null;
  return (
    <LanguageContext.Provider value={state}>
      <IntlProvider locale={language} messages={messages} defaultLocale="en">
        {children}
      </IntlProvider>
    </LanguageContext.Provider>
  );
}
