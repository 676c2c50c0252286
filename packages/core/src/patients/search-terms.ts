import { compactFold, foldForSearch } from '../shared/text';
import { nationalDigits } from './contact';
import type { Identifier, ContactPoint, PersonName } from './patient';

export type SearchTermKind = 'name' | 'phone' | 'email' | 'identifier';

export interface SearchTerm {
  kind: SearchTermKind;
  term: string;
}

/** Longest stored term: a prefix longer than this cannot narrow a search further. */
const MAX_TERM = 64;

function add(out: Map<string, SearchTerm>, kind: SearchTermKind, term: string): void {
  const t = term.slice(0, MAX_TERM);
  if (t !== '') out.set(`${kind}\u0000${t}`, { kind, term: t });
}

/**
 * The typeahead terms a patient is found by. Names are folded (case and accents
 * removed: "José" -> "jose") and split into tokens; a family name with an apostrophe or
 * hyphen is also kept whole ("O'Brien" -> "o", "brien", "obrien"). Phones are indexed by
 * all digits and by the national number, because staff type what the caller says.
 */
export function patientSearchTerms(p: {
  names: PersonName[];
  telecom: ContactPoint[];
  identifiers: Identifier[];
}): SearchTerm[] {
  const out = new Map<string, SearchTerm>();
  for (const name of p.names) {
    for (const part of [...name.given, name.family]) {
      for (const token of foldForSearch(part).split(/[\s.@+]+/)) add(out, 'name', token);
      add(out, 'name', compactFold(part));
    }
  }
  for (const c of p.telecom) {
    if (c.system === 'email') add(out, 'email', c.value.toLowerCase());
    else {
      const national = nationalDigits(c.value);
      add(out, 'phone', c.value.replace(/\D/g, ''));
      add(out, 'phone', national);
      // North American callers give the 7-digit local number without the area code.
      if (national.length > 7) add(out, 'phone', national.slice(-7));
    }
  }
  for (const id of p.identifiers) add(out, 'identifier', compactFold(id.value));
  return [...out.values()];
}

/**
 * Typeahead prefixes are stored up to this many characters. A longer query is narrowed by
 * its first PREFIX_CAP characters and then checked against the whole term.
 */
export const PREFIX_CAP = 12;

/**
 * The shortest prefix a query of each kind can ask for (parseTypeahead): a phone query
 * carries at least 3 digits. E-mail has no stored prefixes: every e-mail query holds the
 * "@", so it always names a local part, and those are close to unique.
 */
const PREFIX_MIN: Partial<Record<SearchTermKind, number>> = { name: 1, identifier: 1, phone: 3 };

export interface SearchPrefix {
  kind: SearchTermKind;
  prefix: string;
}

/** The first `length` characters (code points, as SQL substr counts them) of a term. */
export function termPrefix(term: string, length: number): string {
  return Array.from(term).slice(0, length).join('');
}

/**
 * Every prefix a typeahead can look a patient up by, once each: "ann" and "anna" both
 * give "a", "an", "ann". Stored beside the patient's sort name so that one prefix lists
 * its patients already in name order (storage/patients/patient-typeahead.ts).
 */
export function searchPrefixes(terms: SearchTerm[]): SearchPrefix[] {
  const out = new Map<string, SearchPrefix>();
  for (const { kind, term } of terms) {
    const min = PREFIX_MIN[kind];
    if (min === undefined) continue;
    const chars = Array.from(term);
    for (let len = min; len <= Math.min(chars.length, PREFIX_CAP); len++) {
      const prefix = chars.slice(0, len).join('');
      out.set(`${kind}\u0000${prefix}`, { kind, prefix });
    }
  }
  return [...out.values()];
}

/** Whether typeahead prefixes are stored for this kind of term. */
export function hasStoredPrefixes(kind: SearchTermKind): boolean {
  return PREFIX_MIN[kind] !== undefined;
}

/** The key patients are listed by: folded "family given" of the first usable name. */
export function patientSortName(names: PersonName[]): string {
  const name =
    names.find((n) => n.use === 'official') ?? names.find((n) => n.use !== 'old') ?? names[0];
  if (!name) return '';
  return foldForSearch(`${name.family} ${name.given.join(' ')}`).slice(0, 200);
}

/** One display line for a name: "Given Middle Family". */
export function displayName(names: PersonName[]): string {
  const name = names.find((n) => n.use === 'official') ?? names[0];
  if (!name) return '';
  return [...name.prefix, ...name.given, name.family, ...name.suffix].filter(Boolean).join(' ');
}

export type TypeaheadQuery =
  | { kind: 'birthDate'; value: string }
  | { kind: 'email'; prefix: string }
  /** Digits only: a phone number or a numeric identifier. */
  | { kind: 'phone'; prefix: string }
  | { kind: 'identifier'; prefix: string }
  | { kind: 'name'; tokens: string[]; raw: string };

/**
 * Reads what staff typed into the one search box: a date (2001-04-30, 30.04.2001,
 * 04/30/2001), an e-mail, a phone number, an MRN-like identifier, or name prefixes.
 * Returns null for a query with nothing searchable in it.
 */
export function parseTypeahead(raw: string): TypeaheadQuery | null {
  const q = raw.normalize('NFC').trim().slice(0, 200);
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(q);
  if (m) return { kind: 'birthDate', value: q };
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(q);
  if (m)
    return {
      kind: 'birthDate',
      value: `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`,
    };
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(q);
  if (m)
    return {
      kind: 'birthDate',
      value: `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`,
    };
  if (q.includes('@')) return { kind: 'email', prefix: q.toLowerCase().slice(0, MAX_TERM) };
  if (/^\+?[\d\s().-]{4,}$/.test(q)) {
    const digits = q.replace(/\D/g, '');
    return digits.length >= 3 ? { kind: 'phone', prefix: digits.slice(0, MAX_TERM) } : null;
  }
  // One word with a digit in it reads as an identifier (MRN0012345, X-77, 12-AB-3).
  if (/^[\p{L}\p{N}._/-]+$/u.test(q) && /\d/.test(q)) {
    return { kind: 'identifier', prefix: compactFold(q).slice(0, MAX_TERM) };
  }
  const tokens = foldForSearch(q)
    .split(/[\s.@+]+/)
    .filter((t) => t !== '')
    .slice(0, 5)
    .map((t) => t.slice(0, MAX_TERM));
  return tokens.length > 0 ? { kind: 'name', tokens, raw: q } : null;
}
