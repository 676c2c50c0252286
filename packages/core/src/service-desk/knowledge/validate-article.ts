import type { FieldIssue } from '../../shared/domain-error';
import { canonicalText, textProblem } from '../../shared/text';
import {
  isKbLanguage,
  KB_AUDIENCES,
  KB_LANGUAGES,
  type KbTranslation,
  type KnowledgeArticleInput,
} from './knowledge-article';

/** Longest title, in code points: a title is one line a list shows whole. */
export const MAX_KB_TITLE = 200;
/** Longest body, in code points: a long patient leaflet, not a manual. */
export const MAX_KB_BODY = 20_000;
/** A category code: lower-case words joined by hyphens ("test-preparation"). */
export const KB_CATEGORY_CODE = /^[a-z][a-z0-9]{0,39}(?:-[a-z0-9]{1,40}){0,5}$/;

export type ArticleValidation =
  { ok: true; value: KnowledgeArticleInput } | { ok: false; issues: FieldIssue[] };

/**
 * Checks what an editor sends and returns it cleaned: titles and bodies NFC, trimmed,
 * line breaks as "\n"; translations in KB_LANGUAGES order. A body may hold line breaks
 * and tabs but no other control characters, invisible or text-direction characters
 * (the same rule as names, shared/text.ts).
 */
export function validateArticleInput(input: KnowledgeArticleInput): ArticleValidation {
  const issues: FieldIssue[] = [];
  const add = (path: string, messageKey: string, detail: string) =>
    issues.push({ path, messageKey, detail });

  if (!KB_CATEGORY_CODE.test(input.category))
    add('category', 'kb.validation.category', 'lower-case words joined by hyphens');
  if (!(KB_AUDIENCES as readonly string[]).includes(input.audience))
    add('audience', 'validation.field.invalid', 'internal or patient');
  if (input.translations.length === 0)
    add('translations', 'kb.validation.translation-required', 'at least one translation');

  const seen = new Set<string>();
  const translations: KbTranslation[] = [];
  input.translations.forEach((t, i) => {
    const path = `translations/${i}`;
    if (!isKbLanguage(t.language)) {
      add(`${path}/language`, 'kb.validation.language', `one of ${KB_LANGUAGES.join(', ')}`);
      return;
    }
    if (seen.has(t.language)) {
      add(`${path}/language`, 'kb.validation.language-twice', `${t.language} given twice`);
      return;
    }
    seen.add(t.language);
    const title = canonicalText(t.title);
    const body = canonicalText(t.body.replace(/\r\n?/g, '\n'));
    const titleProblem = textProblem(title, MAX_KB_TITLE);
    if (title === '') add(`${path}/title`, 'kb.validation.title-required', 'empty title');
    else if (titleProblem)
      add(`${path}/title`, `validation.text.${titleProblem}`, `title: ${titleProblem}`);
    // Line breaks and tabs are the body's layout; every other check is the title's.
    const bodyProblem = textProblem(body.replace(/[\n\t]/g, ' '), MAX_KB_BODY);
    if (body === '') add(`${path}/body`, 'kb.validation.body-required', 'empty body');
    else if (bodyProblem)
      add(`${path}/body`, `validation.text.${bodyProblem}`, `body: ${bodyProblem}`);
    translations.push({ language: t.language, title, body });
  });
  if (issues.length > 0) return { ok: false, issues };
  translations.sort((a, b) => KB_LANGUAGES.indexOf(a.language) - KB_LANGUAGES.indexOf(b.language));
  return { ok: true, value: { ...input, translations } };
}
