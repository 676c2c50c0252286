import { useCallback } from 'react';
import { fetchCategories } from '../../cases/cases-api';
import { useLanguage, useT } from '../../i18n/i18n-provider';
import { useResource } from '../../patient-record/use-resource';
import { categoryName } from './case-labels';

export interface Categories {
  /** Every category a case may have here: built-in and added (empty while loading). */
  codes: readonly string[];
  /** A category's name for the reader. */
  name: (code: string) => string;
}

/** The organization's case categories and their names (GET /api/desk/categories). */
export function useCategories(): Categories {
  const t = useT();
  const { language } = useLanguage();
  const loaded = useResource(fetchCategories, []);
  const value = loaded.kind === 'ready' ? loaded.value : null;
  const name = useCallback(
    (code: string) => categoryName(t, code, { labels: value?.labels, language }),
    [t, value, language],
  );
  return { codes: value?.items ?? [], name };
}
