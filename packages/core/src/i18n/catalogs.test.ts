import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../access/roles';
import { firstClassLanguage } from '../patients/language';
import { catalogs, negotiateLanguage, translate } from './translate';

const languages = Object.keys(catalogs) as Array<keyof typeof catalogs>;
const englishKeys = Object.keys(catalogs.en).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'catalogs') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

function pluralsOf(elements: MessageFormatElement[]): Array<{ options: string[] }> {
  return elements.flatMap((e) =>
    e.type === TYPE.plural ? [{ options: Object.keys(e.options) }] : [],
  );
}

describe('message catalogs (en, es, lv, nb)', () => {
  it.each(languages)('%s has exactly the English keys', (lang) => {
    expect(Object.keys(catalogs[lang]).sort()).toEqual(englishKeys);
  });

  it.each(languages)('%s messages parse and are not left empty', (lang) => {
    for (const [key, message] of Object.entries(catalogs[lang])) {
      expect(message.trim(), key).not.toBe('');
      expect(() => parse(message), `${lang} ${key}`).not.toThrow();
    }
  });

  it.each(languages)('%s plural messages cover every CLDR plural category', (lang) => {
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const [key, message] of Object.entries(catalogs[lang])) {
      for (const plural of pluralsOf(parse(message))) {
        for (const c of categories)
          expect(plural.options, `${lang} ${key} lacks ${c}`).toContain(c);
      }
    }
  });

  it('every key is used by the code, and every literal key the code uses exists', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const code = ['core/src', 'interop/src', 'server/src', 'web/src']
      .flatMap((p) => sourceFiles(join(root, p)))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    // Keys built at run time (`problem.${code}`, `validation.text.${problem}`) count as
    // used when the code builds their family.
    const unused = englishKeys.filter((key) => {
      const family = key.slice(0, key.lastIndexOf('.') + 1);
      return !code.includes(`'${key}'`) && !code.includes(`\`${family}\${`);
    });
    expect(unused).toEqual([]);
    const referenced = [
      ...code.matchAll(
        /'((?:problem|validation|patients|idempotency|home|auth|access|consent|web)\.[\w.-]+)'/g,
      ),
    ].map((m) => m[1]!);
    // Permission names (consent.manage, import.fhir...) share the dotted shape; they are not messages.
    expect(
      referenced.filter(
        (k) => !(k in catalogs.en) && !(PERMISSIONS as readonly string[]).includes(k),
      ),
    ).toEqual([]);
  });

  it('Latvian uses its zero, one and other forms', () => {
    expect(translate('lv', 'home.patients', { count: 0 })).toBe('0 pacientu reģistrā');
    expect(translate('lv', 'home.patients', { count: 1 })).toBe('1 pacients reģistrā');
    expect(translate('lv', 'home.patients', { count: 21 })).toBe('21 pacients reģistrā');
    expect(translate('lv', 'home.patients', { count: 3 })).toBe('3 pacienti reģistrā');
    expect(translate('nb-NO', 'home.patients', { count: 2 })).toBe('2 pasienter registrert');
    expect(translate('lv', 'web.console.search.results', { count: 10 })).toBe('10 pacientu');
    expect(translate('lv', 'web.console.search.results', { count: 1 })).toBe('1 pacients');
    expect(translate('nb', 'web.console.search.results', { count: 1 })).toBe('1 pasient funnet');
    expect(translate('es', 'web.console.search.results', { count: 2 })).toBe(
      '2 pacientes encontrados',
    );
  });

  it('negotiates Accept-Language with q-values and Norwegian aliases', () => {
    expect(negotiateLanguage('fr-CH, fr;q=0.9, es;q=0.8, en;q=0.7')).toBe('es');
    expect(negotiateLanguage('no')).toBe('nb');
    expect(negotiateLanguage('lv-LV,en;q=0.5')).toBe('lv');
    expect(negotiateLanguage('de')).toBe('en');
    expect(negotiateLanguage(undefined)).toBe('en');
  });

  it('names the first-class language of a tag, or none (the web app falls back further)', () => {
    expect(['nb-NO', 'no', 'es-MX', 'lv', 'EN_us'].map(firstClassLanguage)).toEqual([
      'nb',
      'nb',
      'es',
      'lv',
      'en',
    ]);
    expect(['de', 'not a tag!', '', null, undefined].map(firstClassLanguage)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
