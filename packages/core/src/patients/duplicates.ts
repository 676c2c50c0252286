import { compactFold } from '../shared/text';
import type { ContactPoint, PersonName } from './patient';

export interface DuplicateProbe {
  names: PersonName[];
  birthDate: string | null;
  telecom: ContactPoint[];
}

export type DuplicateReason = 'same-birth-date' | 'similar-name' | 'same-phone' | 'same-email';

export interface DuplicateScore {
  score: number;
  reasons: DuplicateReason[];
}

/** Score at or above which two records are flagged for a person to review. */
export const DUPLICATE_THRESHOLD = 0.7;

/** Jaro–Winkler similarity in [0, 1]; tolerant of the typos and transpositions of intake. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatch = new Array<boolean>(a.length).fill(false);
  const bMatch = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (!bMatch[j] && a[i] === b[j]) {
        aMatch[i] = bMatch[j] = true;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let k = 0;
  let transpositions = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatch[i]) continue;
    while (!bMatch[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] !== undefined && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

function nameKeys(names: PersonName[]): string[] {
  return names
    .filter((n) => n.use !== 'old')
    .map((n) => compactFold(`${n.given[0] ?? ''} ${n.family}`))
    .filter((k) => k !== '');
}

function bestNameSimilarity(a: PersonName[], b: PersonName[]): number {
  let best = 0;
  for (const x of nameKeys(a))
    for (const y of nameKeys(b)) best = Math.max(best, jaroWinkler(x, y));
  return best;
}

function shares(a: ContactPoint[], b: ContactPoint[], email: boolean): boolean {
  const pick = (list: ContactPoint[]): Set<string> =>
    new Set(list.filter((c) => (c.system === 'email') === email).map((c) => c.value.toLowerCase()));
  const other = pick(b);
  return [...pick(a)].some((v) => other.has(v));
}

/**
 * How likely two registry records are the same person. Weights follow common
 * deterministic-plus-fuzzy matching practice: no single shared phone or e-mail flags a
 * pair (families share them), but a similar name with the same birth date does, and so
 * does a shared contact with either a similar name or the same birth date.
 */
export function duplicateScore(a: DuplicateProbe, b: DuplicateProbe): DuplicateScore {
  const reasons: DuplicateReason[] = [];
  let score = 0;
  if (a.birthDate !== null && a.birthDate === b.birthDate) {
    score += 0.4;
    reasons.push('same-birth-date');
  }
  const similarity = bestNameSimilarity(a.names, b.names);
  if (similarity >= 0.85) {
    score += 0.4 * similarity;
    reasons.push('similar-name');
  }
  if (shares(a.telecom, b.telecom, false)) {
    score += 0.3;
    reasons.push('same-phone');
  }
  if (shares(a.telecom, b.telecom, true)) {
    score += 0.3;
    reasons.push('same-email');
  }
  return { score: Math.min(1, Math.round(score * 1000) / 1000), reasons };
}
