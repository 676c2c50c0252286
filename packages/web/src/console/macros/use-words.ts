import type { MacroLanguage } from '@caredesk/core/service-desk';
import { useEffect, useState } from 'react';
import { loadCatalog } from '../../i18n/languages';
import type { Words } from './sample-facts';

/**
 * The catalog of a language other than the screen's (the patient's, in a preview): its
 * neutral words and sample values. Each catalog is its own chunk, fetched once.
 */
export function useWords(language: MacroLanguage): Words | null {
  const [loaded, setLoaded] = useState<{ language: MacroLanguage; words: Words } | null>(null);
  useEffect(() => {
    let current = true;
    void loadCatalog(language).then((catalog: Record<string, string>) => {
      if (current) setLoaded({ language, words: (key) => catalog[key] ?? key });
    });
    return () => {
      current = false;
    };
  }, [language]);
  return loaded?.language === language ? loaded.words : null;
}
