import { readFileSync } from 'node:fs';
import { DomainError, type FieldIssue } from '@caredesk/core';

/**
 * Password rules after NIST SP 800-63B §5.1.1.2 and OWASP ASVS 5.0 V6.2: length over
 * composition, a block list of common and predictable passwords, nothing taken from the
 * account itself. No composition rules, no forced periodic change.
 */
export const PASSWORD_MIN_CHARACTERS = 12;
export const PASSWORD_MAX_CHARACTERS = 256;
/** Upper bound on the UTF-8 size, so no one feeds argon2 (or the policy) a huge string. */
export const PASSWORD_MAX_BYTES = 1024;

let commonList: ReadonlySet<string> | null = null;

/** The bundled list, loaded once on first use. */
function commonPasswords(): ReadonlySet<string> {
  if (!commonList) {
    const text = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8');
    commonList = new Set(
      text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#')),
    );
  }
  return commonList;
}

/**
 * The form a password is hashed in: NFKC, so the same password typed on another
 * keyboard or OS (composed vs decomposed "ñ") verifies (NIST SP 800-63B §5.1.1.2).
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Lower-case with accents removed, for comparing against names and e-mail addresses. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface PasswordOwner {
  email: string;
  displayName: string;
}

/** Words of the person's own e-mail and name that a password must not contain. */
function personalWords(owner: PasswordOwner): string[] {
  const local = fold(owner.email.split('@')[0] ?? '');
  const words = new Set<string>();
  if (local.length >= 3) words.add(local);
  for (const part of [
    ...local.split(/[^\p{L}\p{N}]+/u),
    ...fold(owner.displayName).split(/[^\p{L}\p{N}]+/u),
  ]) {
    // Short fragments ("li", "ann") would refuse too many unrelated passwords.
    if (part.length >= 4) words.add(part);
  }
  return [...words];
}

/** Every rule the password breaks (empty when it is acceptable). */
export function passwordIssues(password: string, owner: PasswordOwner): FieldIssue[] {
  const issue = (messageKey: string, detail: string): FieldIssue => ({
    path: 'password',
    messageKey,
    detail,
  });
  const normalized = normalizePassword(password);
  const characters = [...normalized].length;
  if (
    Buffer.byteLength(normalized, 'utf8') > PASSWORD_MAX_BYTES ||
    characters > PASSWORD_MAX_CHARACTERS
  ) {
    return [issue('auth.password.too-long', `At most ${PASSWORD_MAX_CHARACTERS} characters.`)];
  }
  const issues: FieldIssue[] = [];
  if (characters < PASSWORD_MIN_CHARACTERS) {
    issues.push(
      issue('auth.password.too-short', `At least ${PASSWORD_MIN_CHARACTERS} characters.`),
    );
  }
  const lower = normalized.toLowerCase();
  // "Password1!" and "Summer2024!" are the list entries with something appended.
  const stem = lower.replace(/[\p{N}\p{P}\p{S}\s_]+$/u, '');
  const list = commonPasswords();
  if (list.has(lower) || list.has(stem) || list.has(fold(stem))) {
    issues.push(issue('auth.password.common', 'A commonly used password.'));
  }
  const folded = fold(normalized);
  if (personalWords(owner).some((w) => folded.includes(w))) {
    issues.push(issue('auth.password.personal', 'Contains the e-mail address or name.'));
  }
  return issues;
}

/** Throws a validation DomainError listing every broken rule. */
export function checkPassword(password: string, owner: PasswordOwner): void {
  const issues = passwordIssues(password, owner);
  if (issues.length > 0) {
    throw new DomainError(
      'validation',
      issues[0]!.messageKey,
      'The password does not meet the password rules.',
      issues,
    );
  }
}
