import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePatientSearch } from './patient-search';

function query(params: Record<string, string> | URLSearchParams) {
  const result = parsePatientSearch(params);
  if (!result.ok) throw new Error(JSON.stringify(result.outcome));
  return result.query;
}

function codes(params: Record<string, string> | URLSearchParams) {
  const result = parsePatientSearch(params);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.outcome.issue.map((i) => [i.code, i.expression?.[0]]);
}

describe('Patient search parameters', () => {
  it('defaults to 20 per page', () => {
    expect(query({})).toEqual({ count: 20 });
  });

  it('parses name, birthdate with prefixes and partial dates, identifier forms', () => {
    expect(
      query({ name: ' José ', birthdate: 'ge1980-02', identifier: 'urn:oid:1.2|MRN-1' }),
    ).toEqual({
      name: 'José',
      birthDate: { op: 'ge', value: '1980-02' },
      identifier: { system: 'urn:oid:1.2', value: 'MRN-1' },
      count: 20,
    });
    expect(query({ birthdate: '1980' }).birthDate).toEqual({ op: 'eq', value: '1980' });
    expect(query({ identifier: 'MRN-1' }).identifier).toEqual({ value: 'MRN-1' });
    expect(query({ identifier: 'urn:oid:1.2|' }).identifier).toEqual({ system: 'urn:oid:1.2' });
    expect(query({ identifier: '|MRN-1' }).identifier).toEqual({ system: '', value: 'MRN-1' });
    expect(query({ identifier: 'a\\|b|c\\,d' }).identifier).toEqual({
      system: 'a|b',
      value: 'c,d',
    });
  });

  it('clamps _count and keeps an opaque cursor', () => {
    expect(query({ _count: '0' }).count).toBe(1);
    expect(query({ _count: '1000' }).count).toBe(100);
    expect(query({ _count: '-5' }).count).toBe(1);
    expect(query(new URLSearchParams('_count=50&_cursor=eyJrIjoxfQ')).count).toBe(50);
    expect(query({ _cursor: 'eyJrIjoxfQ' }).cursor).toBe('eyJrIjoxfQ');
  });

  it('rejects unknown parameters, modifiers, repeats and malformed values', () => {
    expect(codes({ family: 'x' })).toEqual([['not-supported', 'family']]);
    expect(codes({ 'name:exact': 'x' })).toEqual([['not-supported', 'name:exact']]);
    expect(codes(new URLSearchParams('name=a&name=b'))).toEqual([['not-supported', 'name']]);
    expect(codes({ birthdate: '2024-13-01' })).toEqual([['invalid', 'birthdate']]);
    expect(codes({ birthdate: 'sa2024' })).toEqual([['not-supported', 'birthdate']]);
    expect(codes({ _count: 'ten' })).toEqual([['invalid', '_count']]);
    expect(codes({ _cursor: "'; DROP TABLE patients; --" })).toEqual([['invalid', '_cursor']]);
    expect(codes({ identifier: 'a,b' })).toEqual([['not-supported', 'identifier']]);
    expect(codes({ name: 'a\u0000b' })).toEqual([['invalid', 'name']]);
    expect(codes({ name: '' })).toEqual([['invalid', 'name']]);
  });

  it('treats SQL metacharacters in names as data', () => {
    expect(query({ name: 'O\'Brien"; --%_' }).name).toBe('O\'Brien"; --%_');
  });

  it('never throws, for any parameter names and values', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.string()), (params) => {
        const result = parsePatientSearch(params);
        if (!result.ok) expect(result.outcome.issue.length).toBeGreaterThan(0);
        else expect(result.query.count).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });
});
