import { describe, expect, it } from 'vitest';
import { isValidNpi, luhnValid, npiCheckDigit, npiFromNine } from './npi';

describe('NPI check digit', () => {
  it('accepts the CMS example 1234567893', () => {
    expect(npiCheckDigit('123456789')).toBe(3);
    expect(isValidNpi('1234567893')).toBe(true);
    expect(luhnValid('808401234567893')).toBe(true);
  });

  it('rejects a changed digit, wrong length and wrong leading digit', () => {
    expect(isValidNpi('1234567894')).toBe(false);
    expect(isValidNpi('123456789')).toBe(false);
    expect(isValidNpi('3234567893')).toBe(false);
    expect(isValidNpi('12345678a3')).toBe(false);
  });

  it('builds valid NPIs from any nine digits starting 1 or 2', () => {
    for (const nine of ['100000000', '199999999', '245678901', '112233445']) {
      expect(isValidNpi(npiFromNine(nine))).toBe(true);
    }
  });
});
