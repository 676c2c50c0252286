import type { FieldIssue } from '../shared/domain-error';
import { canonicalText, textProblem } from '../shared/text';
import { normalizeEmail, normalizePhone } from './contact';
import type { ContactPoint, PersonName } from './patient';

/** Longest name part accepted, in code points (an emoji ZWJ sequence counts per code point). */
export const MAX_NAME_PART = 200;
export const MAX_TEXT = 500;

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

export interface Ctx {
  issues: FieldIssue[];
}

export function issue(ctx: Ctx, path: string, messageKey: string, detail: string): void {
  ctx.issues.push({ path, messageKey, detail });
}

export function cleanText(ctx: Ctx, path: string, value: string, max: number): string {
  const problem = textProblem(value, max);
  if (problem) issue(ctx, path, `validation.text.${problem}`, `${path}: ${problem}`);
  return canonicalText(value);
}

export function cleanName(ctx: Ctx, path: string, name: PersonName): PersonName {
  const part = (p: string, v: string): string => cleanText(ctx, `${path}/${p}`, v, MAX_NAME_PART);
  const cleaned: PersonName = {
    use: name.use,
    family: part('family', name.family),
    given: name.given.map((g, i) => part(`given/${i}`, g)).filter((g) => g !== ''),
    prefix: name.prefix.map((g, i) => part(`prefix/${i}`, g)).filter((g) => g !== ''),
    suffix: name.suffix.map((g, i) => part(`suffix/${i}`, g)).filter((g) => g !== ''),
  };
  if (name.given.length > 10 || name.prefix.length > 5 || name.suffix.length > 5) {
    issue(
      ctx,
      path,
      'validation.list.tooMany',
      `${path}: at most 10 given names, 5 prefixes, 5 suffixes`,
    );
  }
  if (cleaned.family === '' && cleaned.given.length === 0) {
    issue(ctx, path, 'validation.name.empty', `${path}: a name needs a family or a given name`);
  }
  return cleaned;
}

export function cleanTelecom(
  ctx: Ctx,
  path: string,
  c: ContactPoint,
  country: string,
): ContactPoint {
  const value = c.system === 'email' ? normalizeEmail(c.value) : normalizePhone(c.value, country);
  if (value === null) {
    const key = c.system === 'email' ? 'validation.email.invalid' : 'validation.phone.invalid';
    issue(ctx, `${path}/value`, key, `${path}: not a valid ${c.system}`);
    return c;
  }
  return { ...c, value };
}
