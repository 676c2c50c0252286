import type { PersonName } from '@caredesk/core';
import { EN_NAMES } from './demo-names-en';
import { ES_NAMES } from './demo-names-es';
import { LV_NAMES } from './demo-names-lv';
import { NB_NAMES } from './demo-names-nb';
import type { Rng } from './random';
import type { DemoLanguage, FamilyName, LocaleNames } from './demo-types';

export const NAMES_BY_LANGUAGE: Readonly<Record<DemoLanguage, LocaleNames>> = {
  en: EN_NAMES,
  es: ES_NAMES,
  lv: LV_NAMES,
  nb: NB_NAMES,
};

export type NameSex = 'male' | 'female';

export function familyForm(name: FamilyName, sex: NameSex): string {
  if (typeof name === 'string') return name;
  return sex === 'male' ? name[0] : name[1];
}

export function pickGiven(rng: Rng, language: DemoLanguage, sex: NameSex): string {
  const names = NAMES_BY_LANGUAGE[language];
  return rng.pick(sex === 'male' ? names.male : names.female);
}

/** Family name parts: one, or for Spanish speakers two distinct ones (paternal, maternal). */
export function pickFamilyParts(rng: Rng, language: DemoLanguage, sex: NameSex): string[] {
  const list = NAMES_BY_LANGUAGE[language].family;
  const first = familyForm(rng.pick(list), sex);
  if (language !== 'es') return [first];
  let second = familyForm(rng.pick(list), sex);
  if (second === first) second = familyForm(rng.pick(list), sex);
  return second === first ? [first] : [first, second];
}

/** One family name as written: "Bērziņa", "García Núñez". */
export function pickFamily(rng: Rng, language: DemoLanguage, sex: NameSex): string {
  return pickFamilyParts(rng, language, sex).join(' ');
}

/** The same family name in the other grammatical gender (Latvian), else unchanged. */
export function regender(language: DemoLanguage, family: string, sex: NameSex): string {
  if (language !== 'lv') return family;
  for (const entry of LV_NAMES.family) {
    if (typeof entry !== 'string' && (entry[0] === family || entry[1] === family)) {
      return familyForm(entry, sex);
    }
  }
  return family;
}

export function officialName(given: string[], family: string): PersonName {
  return { use: 'official', given, family, prefix: [], suffix: [] };
}

/** "María Núñez" style display name. */
export function displayName(name: PersonName): string {
  return [...name.prefix, ...name.given, name.family, ...name.suffix].join(' ');
}

const SPECIAL_FOLDS: Readonly<Record<string, string>> = {
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
};

/** ASCII-only lower case for e-mail local parts: "Bjørn Sæther" -> "bjorn saether". */
export function asciiFold(input: string): string {
  return input
    .toLowerCase()
    .replace(/[æøœßłđ]/g, (c) => SPECIAL_FOLDS[c] ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9 .-]+/g, '');
}

/** `jose.nunez42` from "José" and "Núñez Ortega": first given, first family word, digits. */
export function emailLocalPart(given: string, family: string, suffix: string): string {
  const g = asciiFold(given).replace(/[^a-z0-9]+/g, '');
  const familyWords = asciiFold(family)
    .split(' ')
    .filter((w) => !['de', 'la', 'del'].includes(w));
  const f = (familyWords[0] ?? family).replace(/[^a-z0-9]+/g, '');
  return `${g}.${f}${suffix}`;
}
