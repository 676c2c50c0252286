import { describe, expect, it } from 'vitest';
import { foldKnowledgeText, parseKbQuery, significantTerms } from './search-text';

describe('knowledge-base search folding', () => {
  it('finds accented words from plain typing, in all four languages', () => {
    expect(foldKnowledgeText('Diabētes')).toBe('diabetes');
    expect(foldKnowledgeText('ā ē ī ū č š ž ņ ļ ķ ģ')).toBe('a e i u c s z n l k g');
    expect(foldKnowledgeText('Søvnapné, ærlig på bærbar')).toBe('sovnapne aerlig pa baerbar');
    expect(foldKnowledgeText('¿Cómo se usa el nebulizador? Año, señal')).toBe(
      'como se usa el nebulizador ano senal',
    );
    expect(foldKnowledgeText('GLIKOZES MĒRĪTĀJS')).toBe('glikozes meritajs');
  });

  it('treats composed and decomposed letters alike', () => {
    expect(foldKnowledgeText('Ma\u0304ja')).toBe(foldKnowledgeText('Māja'));
  });

  it('keeps digits and drops punctuation, markup and symbols', () => {
    expect(foldKnowledgeText('<b>CPAP</b> 2-3 reizes/dienā!')).toBe('b cpap b 2 3 reizes diena');
  });
});

describe('search box queries', () => {
  it('matches every word and the last one as a prefix', () => {
    expect(parseKbQuery('Análisis  de sangre ayun')).toEqual({
      match: 'all',
      terms: [
        { text: 'analisis', prefix: false },
        { text: 'de', prefix: false },
        { text: 'sangre', prefix: false },
        { text: 'ayun', prefix: true },
      ],
    });
  });

  it('ignores one-letter words and has nothing to search in punctuation alone', () => {
    expect(parseKbQuery('a b')).toBeNull();
    expect(parseKbQuery("' OR '1'='1")?.terms.map((t) => t.text)).toEqual(['or']);
    expect(parseKbQuery('%_*"')).toBeNull();
  });

  it('asks for a word typed twice once', () => {
    expect(parseKbQuery('Sjekk sjekk')?.terms).toEqual([{ text: 'sjekk', prefix: true }]);
  });

  it('bounds the number and length of words', () => {
    const q = parseKbQuery(
      `${'x'.repeat(500)} ${Array.from({ length: 50 }, (_, i) => `w${i}`).join(' ')}`,
    )!;
    expect(q.terms).toHaveLength(8);
    expect(q.terms[0]!.text).toHaveLength(40);
  });
});

describe('significant words of a case', () => {
  it('drops greetings and function words in every language and stems long words', () => {
    const q = significantTerms('Hola, buenos días. Tengo una pregunta sobre mi glucómetro');
    expect(q).toEqual({ match: 'any', terms: [{ text: 'glucomet', prefix: true }] });
    const lv = significantTerms('Labdien! Man ir jautājums par glikozes mērītāju, lūdzu palīdziet');
    expect(lv?.terms.map((t) => t.text)).toEqual(['glikoz', 'merita', 'palidzi']);
    const nb = significantTerms('Hei, jeg lurer på CPAP-masken min, takk');
    expect(nb?.terms).toEqual([
      { text: 'cpap', prefix: false },
      { text: 'maske', prefix: true },
    ]);
  });

  it('has nothing to suggest from filler alone', () => {
    expect(significantTerms('Hello, thank you! Please help 12345')).toBeNull();
  });
});
