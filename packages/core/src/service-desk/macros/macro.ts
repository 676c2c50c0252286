/**
 * Macros: reusable replies and notes in the four languages CareDesk serves (issue #5
 * point 6). A macro carries one text per language with placeholders filled from the case
 * when an agent uses it, and may also change the case's status, category or tags.
 */
import type { CaseStatus } from '../../cases/case';
import { FIRST_CLASS_LANGUAGES, type FirstClassLanguage } from '../../patients/language';

/** A macro is written in the languages the catalogs ship in. */
export const MACRO_LANGUAGES = FIRST_CLASS_LANGUAGES;
export type MacroLanguage = FirstClassLanguage;

/** A public reply goes to the patient; an internal note stays with staff. */
export const MACRO_AUDIENCES = ['public-reply', 'internal-note'] as const;
export type MacroAudience = (typeof MACRO_AUDIENCES)[number];

/** Limits, in code points: long enough for a full letter, short enough for an SMS gateway to refuse rather than us. */
export const MACRO_LIMITS = {
  name: 120,
  subject: 200,
  body: 8000,
  tags: 20,
  tag: 50,
  category: 64,
} as const;

/** One language's text. The subject is used when the reply goes out by e-mail. */
export interface MacroBody {
  language: MacroLanguage;
  subject?: string;
  body: string;
}

/** What using the macro does to the case besides adding the text. */
export interface MacroActions {
  setStatus?: CaseStatus;
  /** A category code: a built-in one or one the organization added. */
  setCategory?: string;
  addTags?: string[];
  removeTags?: string[];
}

/** What a supervisor writes: the text in each language and what the macro does. */
export interface MacroContent {
  bodies: MacroBody[];
  actions: MacroActions;
}

export interface MacroInput extends MacroContent {
  /** Staff-facing name, in the organization's working language. */
  name: string;
  /** The name in other languages, for staff who work in them (optional). */
  names?: Partial<Record<MacroLanguage, string>>;
  audience: MacroAudience;
}

export interface Macro extends MacroInput {
  id: string;
  organizationId: string;
  names: Partial<Record<MacroLanguage, string>>;
  /** Inactive macros are kept (cases name the macro they used) but not offered to agents. */
  active: boolean;
  /** Optimistic-concurrency version: a save naming an older one is refused. */
  version: number;
  updatedAt: string;
}

/** The macro's name as a staff member reading `language` sees it in a list. */
export function macroName(
  macro: { name: string; names?: Partial<Record<MacroLanguage, string>> },
  language: string,
): string {
  const names: Partial<Record<string, string>> = macro.names ?? {};
  return names[language] ?? macro.name;
}
