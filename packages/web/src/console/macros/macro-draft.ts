import type { CaseStatus } from '@caredesk/core/cases';
import {
  MACRO_LANGUAGES,
  type Macro,
  type MacroAudience,
  type MacroInput,
  type MacroLanguage,
} from '@caredesk/core/service-desk';

export interface DraftText {
  subject: string;
  body: string;
}

/** The editor's form: every language has a text box; an empty one is left out. */
export interface MacroDraft {
  name: string;
  audience: MacroAudience;
  texts: Record<MacroLanguage, DraftText>;
  setStatus: CaseStatus | '';
  setCategory: string;
  /** Tags as typed: separated by commas or spaces. */
  addTags: string;
  removeTags: string;
  active: boolean;
}

const emptyTexts = (): Record<MacroLanguage, DraftText> => ({
  en: { subject: '', body: '' },
  es: { subject: '', body: '' },
  lv: { subject: '', body: '' },
  nb: { subject: '', body: '' },
});

export const emptyDraft = (): MacroDraft => ({
  name: '',
  audience: 'public-reply',
  texts: emptyTexts(),
  setStatus: '',
  setCategory: '',
  addTags: '',
  removeTags: '',
  active: true,
});

export function draftOf(m: Macro): MacroDraft {
  const texts = emptyTexts();
  for (const b of m.bodies) texts[b.language] = { subject: b.subject ?? '', body: b.body };
  return {
    name: m.name,
    audience: m.audience,
    texts,
    setStatus: m.actions.setStatus ?? '',
    setCategory: m.actions.setCategory ?? '',
    addTags: (m.actions.addTags ?? []).join(', '),
    removeTags: (m.actions.removeTags ?? []).join(', '),
    active: m.active,
  };
}

const tagList = (typed: string) => typed.split(/[\s,]+/).filter(Boolean);

/** The languages that have text, in the order the input lists them (error paths count in it). */
export const languagesWithText = (d: MacroDraft): MacroLanguage[] =>
  MACRO_LANGUAGES.filter((l) => d.texts[l].body.trim() !== '' || d.texts[l].subject.trim() !== '');

/** What is sent: only languages with text; a subject only on a reply to the patient. */
export function inputOf(d: MacroDraft): MacroInput {
  const addTags = tagList(d.addTags);
  const removeTags = tagList(d.removeTags);
  return {
    name: d.name,
    audience: d.audience,
    bodies: languagesWithText(d).map((language) => {
      const { subject, body } = d.texts[language];
      return d.audience === 'public-reply' && subject.trim() !== ''
        ? { language, subject, body }
        : { language, body };
    }),
    actions: {
      ...(d.setStatus ? { setStatus: d.setStatus } : {}),
      ...(d.setCategory ? { setCategory: d.setCategory } : {}),
      ...(addTags.length ? { addTags } : {}),
      ...(removeTags.length ? { removeTags } : {}),
    },
  };
}

/** Where a refusal belongs on the form: a field, one language's subject or text, or the form. */
export type DraftField =
  | 'name'
  | 'setStatus'
  | 'setCategory'
  | 'addTags'
  | 'removeTags'
  | `${MacroLanguage}.subject`
  | `${MacroLanguage}.body`
  | 'form';

/**
 * The form field an API issue path names. `bodies/1/body` is the second language sent,
 * so the languages sent are needed to find it.
 */
export function fieldOfIssue(path: string, sent: readonly MacroLanguage[]): DraftField {
  const parts = path.replace(/^body\/?/, '').split('/');
  const [head, second, third] = parts;
  if (head === 'name') return 'name';
  if (head === 'bodies' && second !== undefined) {
    const lang = sent[Number(second)];
    if (lang) return third === 'subject' ? `${lang}.subject` : `${lang}.body`;
  }
  if (head === 'actions' && second !== undefined) {
    if (second === 'setStatus' || second === 'setCategory') return second;
    if (second === 'addTags' || second === 'removeTags') return second;
  }
  return 'form';
}
