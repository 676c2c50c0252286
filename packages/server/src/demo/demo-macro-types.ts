import type { MacroInput, MacroLanguage } from '@caredesk/core';

/** Subject and text of one language, as written for the demo clinic. */
export type DemoText = [subject: string, body: string];

/** Builds a demo macro from its texts in the four languages (subject first, then body). */
export function demoMacro(
  names: Record<MacroLanguage, string>,
  actions: MacroInput['actions'],
  texts: Record<MacroLanguage, DemoText>,
): MacroInput {
  const { en, ...others } = names;
  return {
    name: en,
    names: others,
    audience: 'public-reply',
    actions,
    bodies: (Object.keys(texts) as MacroLanguage[]).map((language) => ({
      language,
      subject: texts[language][0],
      body: texts[language][1],
    })),
  };
}
