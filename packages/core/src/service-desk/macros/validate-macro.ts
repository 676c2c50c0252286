import { CASE_STATUSES } from '../../cases/case';
import { issue, type Ctx, type Validated } from '../../patients/field-checks';
import { canonicalText, textProblem } from '../../shared/text';
import {
  MACRO_AUDIENCES,
  MACRO_LANGUAGES,
  MACRO_LIMITS,
  type MacroActions,
  type MacroBody,
  type MacroInput,
  type MacroLanguage,
} from './macro';
import { parseTemplate } from './placeholders';

/** Tags and category codes: lower-case slugs, so `Refill` and `refill` never become two tags. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const isLanguage = (l: string): l is MacroLanguage =>
  (MACRO_LANGUAGES as readonly string[]).includes(l);

/** Checks one line of text (a name or subject) and returns it in NFC, trimmed. */
function line(ctx: Ctx, path: string, value: string, max: number, required: boolean): string {
  const clean = canonicalText(value);
  if (required && clean === '') {
    issue(ctx, path, 'validation.field.required', `${path}: required`);
    return clean;
  }
  const problem = textProblem(value, max);
  if (problem) issue(ctx, path, `validation.text.${problem}`, `${path}: ${problem}`);
  return clean;
}

/**
 * Checks the placeholders of a template: every `{{…}}` must name one on the allow-list,
 * and every `{{` must be closed. The issue names the placeholder, so the editor can say
 * which one is wrong.
 */
function placeholders(ctx: Ctx, path: string, template: string): void {
  const parsed = parseTemplate(template);
  for (const part of parsed.parts) {
    if (part.kind === 'placeholder' && !part.known) {
      const shown = `{{${part.name}}}`;
      ctx.issues.push({
        path,
        messageKey: 'macros.validation.placeholder-unknown',
        detail: `${path}: unknown placeholder ${shown}`,
        values: { placeholder: shown },
      });
    }
  }
  if (parsed.unclosedAt !== null) {
    issue(
      ctx,
      path,
      'macros.validation.placeholder-unclosed',
      `${path}: "{{" at ${parsed.unclosedAt} is never closed with "}}"`,
    );
  }
}

function body(ctx: Ctx, path: string, b: MacroBody): MacroBody {
  // Line breaks are the body's own; CR LF and lone CR become LF so every channel sees one kind.
  const text = b.body.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (text === '') issue(ctx, `${path}/body`, 'macros.validation.body-empty', `${path}: empty`);
  // textProblem refuses control characters: line breaks and tabs are fine in a body.
  const problem = textProblem(text.replace(/[\n\t]/g, ' '), MACRO_LIMITS.body);
  if (problem) issue(ctx, `${path}/body`, `validation.text.${problem}`, `${path}: ${problem}`);
  placeholders(ctx, `${path}/body`, text);
  const out: MacroBody = { language: b.language, body: text };
  if (b.subject !== undefined) {
    // A subject becomes an e-mail header: one line, never a line break (header injection).
    const subject = line(ctx, `${path}/subject`, b.subject, MACRO_LIMITS.subject, false);
    placeholders(ctx, `${path}/subject`, subject);
    if (subject !== '') out.subject = subject;
  }
  return out;
}

function tags(ctx: Ctx, path: string, list: string[] | undefined): string[] | undefined {
  if (list === undefined) return undefined;
  if (list.length > MACRO_LIMITS.tags) {
    issue(ctx, path, 'validation.list.tooMany', `${path}: at most ${MACRO_LIMITS.tags}`);
  }
  const out = list.map((t) => t.trim());
  out.forEach((t, i) => {
    if (!SLUG.test(t) || t.length > MACRO_LIMITS.tag) {
      issue(ctx, `${path}/${i}`, 'macros.validation.tag', `${path}/${i}: not a lower-case slug`);
    }
  });
  return [...new Set(out)];
}

function actions(ctx: Ctx, a: MacroActions): MacroActions {
  const out: MacroActions = {};
  if (a.setStatus !== undefined) {
    if (!(CASE_STATUSES as readonly string[]).includes(a.setStatus)) {
      issue(ctx, 'actions/setStatus', 'macros.validation.status', 'not a case status');
    }
    out.setStatus = a.setStatus;
  }
  if (a.setCategory !== undefined) {
    const c = a.setCategory.trim();
    if (!SLUG.test(c) || c.length > MACRO_LIMITS.category) {
      issue(ctx, 'actions/setCategory', 'macros.validation.category', 'not a category code');
    }
    out.setCategory = c;
  }
  const add = tags(ctx, 'actions/addTags', a.addTags);
  const remove = tags(ctx, 'actions/removeTags', a.removeTags);
  if (add?.length) out.addTags = add;
  if (remove?.length) out.removeTags = remove;
  const both = add?.filter((t) => remove?.includes(t)) ?? [];
  if (both.length > 0) {
    issue(
      ctx,
      'actions/removeTags',
      'macros.validation.tag-both',
      `added and removed: ${both.join(', ')}`,
    );
  }
  return out;
}

/**
 * Checks and canonicalises a macro as a supervisor saves it: a name, at least one
 * language's text (no language twice), placeholders only from the allow-list, text free
 * of control and text-direction characters within the limits, and actions a case can
 * take (a real status, slug-shaped category and tags).
 */
export function validateMacroInput(input: MacroInput): Validated<MacroInput> {
  const ctx: Ctx = { issues: [] };
  const name = line(ctx, 'name', input.name, MACRO_LIMITS.name, true);
  const names: Partial<Record<MacroLanguage, string>> = {};
  for (const [lang, value] of Object.entries(input.names ?? {})) {
    if (!isLanguage(lang)) {
      issue(ctx, `names/${lang}`, 'validation.language.invalid', `names: ${lang} is not served`);
    } else if (value !== undefined) {
      const clean = line(ctx, `names/${lang}`, value, MACRO_LIMITS.name, false);
      if (clean !== '') names[lang] = clean;
    }
  }
  if (!(MACRO_AUDIENCES as readonly string[]).includes(input.audience)) {
    issue(ctx, 'audience', 'validation.field.invalid', 'audience: public-reply or internal-note');
  }
  if (input.bodies.length === 0) {
    issue(ctx, 'bodies', 'macros.validation.body-required', 'a macro needs text in one language');
  }
  const seen = new Set<string>();
  const bodies = input.bodies.map((b, i) => {
    if (!isLanguage(b.language)) {
      issue(ctx, `bodies/${i}/language`, 'validation.language.invalid', 'not a served language');
    } else if (seen.has(b.language)) {
      issue(
        ctx,
        `bodies/${i}/language`,
        'macros.validation.language-twice',
        `${b.language} appears twice`,
      );
    }
    seen.add(b.language);
    return body(ctx, `bodies/${i}`, b);
  });
  const value: MacroInput = {
    name,
    names,
    bodies,
    actions: actions(ctx, input.actions),
    audience: input.audience,
  };
  return ctx.issues.length > 0 ? { ok: false, issues: ctx.issues } : { ok: true, value };
}
