import { canonicalText, textProblem } from '@caredesk/core';
import { describe, expect, it } from 'vitest';
import { makeAddress, makePhone } from './demo-addresses';
import { NAMES_BY_LANGUAGE, asciiFold, emailLocalPart, familyForm, regender } from './demo-names';
import type { DemoLanguage } from './demo-types';
import { Rng } from './random';

const LANGUAGES: DemoLanguage[] = ['en', 'es', 'lv', 'nb'];

describe('name lists', () => {
  it.each(LANGUAGES)('%s has 40+ distinct given names per sex and 40+ family names', (lang) => {
    const names = NAMES_BY_LANGUAGE[lang];
    for (const list of [names.male, names.female, names.family]) {
      expect(list.length).toBeGreaterThanOrEqual(40);
      expect(new Set(list.map((f) => JSON.stringify(f))).size).toBe(list.length);
    }
    const all = [
      ...names.male,
      ...names.female,
      ...names.family.flatMap((f) => [familyForm(f, 'male'), familyForm(f, 'female')]),
      ...Object.values(names.nicknames),
    ];
    for (const name of all) {
      expect(canonicalText(name)).toBe(name);
      expect(textProblem(name, 60)).toBeNull();
    }
  });

  it('carries the letters of each language', () => {
    const text = (lang: DemoLanguage) => {
      const n = NAMES_BY_LANGUAGE[lang];
      return [...n.male, ...n.female, ...n.family.flat()].join(' ');
    };
    expect(text('lv')).toMatch(/ā/);
    expect(text('lv')).toMatch(/ņ/);
    expect(text('lv')).toMatch(/š/);
    expect(text('nb')).toMatch(/æ/);
    expect(text('nb')).toMatch(/ø/);
    expect(text('nb')).toMatch(/å/);
    expect(text('es')).toMatch(/ñ/);
    expect(text('es')).toMatch(/é/);
  });

  it('inflects Latvian family names by gender', () => {
    expect(regender('lv', 'Bērziņš', 'female')).toBe('Bērziņa');
    expect(regender('lv', 'Kalniņa', 'male')).toBe('Kalniņš');
    expect(regender('lv', 'Priede', 'male')).toBe('Priede');
    expect(regender('nb', 'Sørensen', 'female')).toBe('Sørensen');
  });
});

describe('e-mail folding', () => {
  it('folds names to ASCII local parts', () => {
    expect(emailLocalPart('José', 'Núñez Ortega', '42')).toBe('jose.nunez42');
    expect(emailLocalPart('Bjørn', 'Sæther', '7')).toBe('bjorn.saether7');
    expect(emailLocalPart('Mārtiņš', 'Kļaviņš', '1')).toBe('martins.klavins1');
    expect(emailLocalPart('Åse', 'Ødegård', '3')).toBe('ase.odegard3');
    expect(emailLocalPart('Sean', "O'Brien", '5')).toBe('sean.obrien5');
    expect(emailLocalPart('Ana', 'de la Cruz Peña', '9')).toBe('ana.cruz9');
    expect(asciiFold('Ģirts Ūdre')).toBe('girts udre');
  });
});

describe('addresses and phones', () => {
  it('fits addresses to the language', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 200; i++) {
      expect(makeAddress(rng, 'en')).toMatchObject({ country: 'US', state: 'IL' });
      expect(makeAddress(rng, 'lv').postalCode).toMatch(/^LV-\d{4}$/);
      expect(makeAddress(rng, 'nb').postalCode).toMatch(/^\d{4}$/);
    }
  });

  it('gives distinct E.164 numbers to the first 100,000 slots', () => {
    for (const lang of LANGUAGES) {
      const seen = new Set<string>();
      for (let slot = 0; slot < 100_000; slot++) seen.add(makePhone(lang, slot));
      expect(seen.size).toBe(100_000);
    }
    expect(makePhone('lv', 5)).toMatch(/^\+3712\d{7}$/);
    expect(makePhone('nb', 5)).toMatch(/^\+47[49]\d{7}$/);
    expect(makePhone('es', 5)).toMatch(/^\+1\d{3}555\d{4}$/);
  });
});
