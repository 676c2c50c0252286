import { translate } from '../../i18n/translate';
import { fillMacro, type RenderedMacro } from './fill-macro';
import type { MacroContent, MacroLanguage } from './macro';
import type { MacroFacts } from './placeholders';

export interface RenderOptions {
  organizationLanguage?: MacroLanguage;
}

/**
 * The macro filled for one reader (see fillMacro), the neutral words for missing facts
 * taken from CareDesk's catalogs in the language of the text chosen.
 */
export function renderMacro(
  macro: MacroContent,
  language: string,
  facts: MacroFacts,
  timeZone: string,
  options: RenderOptions = {},
): RenderedMacro {
  return fillMacro(macro, language, facts, timeZone, {
    ...options,
    words: (key, lang) => translate(lang, key),
  });
}
