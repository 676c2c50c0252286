import { BUILT_IN_KB_CATEGORIES } from '@caredesk/core/service-desk';
import { useCallback } from 'react';
import { useLanguage, useT } from '../i18n/i18n-provider';
import type { MessageKey } from '../i18n/languages';

const BUILT_IN = new Set<string>(BUILT_IN_KB_CATEGORIES);

/** A category's name: the catalog's for a built-in one, the code itself for one an administrator added. */
export function useCategoryLabel(): (code: string) => string {
  const t = useT();
  return useCallback(
    (code: string) => (BUILT_IN.has(code) ? t(`kb.category.${code}` as MessageKey) : code),
    [t],
  );
}

/**
 * A language's name in the reader's own language ("Spanish", "spāņu"), for sentences such
 * as "not written in Spanish yet". The picker names each language in itself instead.
 */
export function useLanguageName(): (code: string) => string {
  const { language } = useLanguage();
  return useCallback(
    (code: string) => {
      try {
        return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
      } catch {
        return code;
      }
    },
    [language],
  );
}
