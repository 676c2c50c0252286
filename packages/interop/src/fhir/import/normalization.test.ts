import { describe, expect, it } from 'vitest';
import { normalizeCountry, normalizeLanguage, normalizePhone } from './contact-normalization';
import { isFhirDate, isFhirDateTime, fullDateOrNull } from './fhir-dates';
import { canonicalJson, careDeskId, uuidV5 } from './ids';
import { currencyDigits, decimalToMinorUnits } from './money';

describe('ids', () => {
  it('implements RFC 9562 v5 (checked against the RFC DNS example)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
  it('keeps UUID source ids and derives the rest', () => {
    expect(careDeskId('Patient', 'BA18818D-FAEF-44CD-9744-B12D8973D402')).toBe(
      'ba18818d-faef-44cd-9744-b12d8973d402',
    );
    expect(careDeskId('Patient', 'example')).toBe(uuidV5('Patient/example'));
    expect(careDeskId('Patient', 'example')).not.toBe(careDeskId('Practitioner', 'example'));
  });
  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(
      canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }),
    );
  });
});

describe('money', () => {
  it('converts decimals to minor units without float error', () => {
    expect(decimalToMinorUnits(129.16, 2)).toBe(12916);
    expect(decimalToMinorUnits(0.29, 2)).toBe(29);
    expect(decimalToMinorUnits(1.005, 2)).toBe(101);
    expect(decimalToMinorUnits(101.47800000000001, 2)).toBe(10148);
    expect(decimalToMinorUnits('-12.345', 2)).toBe(-1235);
    expect(decimalToMinorUnits(1e-7, 2)).toBe(0);
    expect(decimalToMinorUnits(1.5e3, 2)).toBe(150000);
    expect(decimalToMinorUnits('75', 0)).toBe(75);
    expect(decimalToMinorUnits('1e400', 2)).toBeNull();
    expect(decimalToMinorUnits('abc', 2)).toBeNull();
    expect(decimalToMinorUnits(Number.NaN, 2)).toBeNull();
  });
  it('knows currency precision', () => {
    expect(currencyDigits('USD')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('usd')).toBeNull();
  });
});

describe('dates', () => {
  it('checks the calendar', () => {
    expect(isFhirDate('2024-02-29')).toBe(true);
    expect(isFhirDate('2023-02-29')).toBe(false);
    expect(isFhirDate('2024-13-01')).toBe(false);
    expect(isFhirDate('0000')).toBe(false);
    expect(isFhirDateTime('2015-02-14T13:42:00+10:00')).toBe(true);
    expect(isFhirDateTime('2015-02-14T13:42:00+1000')).toBe(false);
    expect(isFhirDateTime('2015-02-14T13:42:00')).toBe(false);
    expect(fullDateOrNull('1963')).toBeNull();
  });
});

describe('contact normalisation', () => {
  it('phones to E.164 only when certain', () => {
    expect(normalizePhone('555-186-2275', 'US')).toBe('+15551862275');
    expect(normalizePhone('1 (555) 186-2275', 'US')).toBe('+15551862275');
    expect(normalizePhone('+33 (237) 998327', 'US')).toBe('+33237998327');
    expect(normalizePhone('0047 22 33 44 55', 'US')).toBe('+4722334455');
    expect(normalizePhone('22 33 44 55', 'NO')).toBe('+4722334455');
    expect(normalizePhone('0690383372', 'NL')).toBe('+31690383372');
    expect(normalizePhone('(03) 5555 6473', 'US')).toBeNull();
    expect(normalizePhone('2328', 'US')).toBeNull();
    expect(normalizePhone('1-800-FLOWERS', 'US')).toBeNull();
  });
  it('languages as the standards brief asks', () => {
    expect(normalizeLanguage('no')).toBe('nb');
    expect(normalizeLanguage('no-NO')).toBe('nb');
    expect(normalizeLanguage('nb-NO')).toBe('nb');
    expect(normalizeLanguage('en-US')).toBe('en');
    expect(normalizeLanguage('es-MX')).toBe('es');
    expect(normalizeLanguage('lv-LV')).toBe('lv');
    expect(normalizeLanguage('nl-NL')).toBe('nl-nl');
    expect(normalizeLanguage('nn')).toBe('nn');
    expect(normalizeLanguage('not a tag!')).toBeNull();
  });
  it('countries to alpha-2', () => {
    expect(normalizeCountry('USA')).toBe('US');
    expect(normalizeCountry('nl')).toBe('NL');
    expect(normalizeCountry('United States')).toBeUndefined();
  });
});
