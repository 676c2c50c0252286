import { DomainError } from '@caredesk/core';
import { parseHl7 } from '@caredesk/interop/hl7v2';
import { describe, expect, it } from 'vitest';
import { addresses, authoritySystem, contactPoints, hl7Date, hl7Instant } from './hl7-values';

const field = (value: string) =>
  parseHl7(`MSH|^~\\&|A|B|C|D|20260101||ADT^A01|1|P|2.5\rZZZ|${value}`).getField('ZZZ-1');

describe('HL7 DTM times as real feeds send them (standards brief §3)', () => {
  it('reads any precision, fractions and odd offsets like +0110', () => {
    expect(hl7Instant('20150209113419+0110', 'PV1-45')).toBe('2015-02-09T10:24:19.000Z');
    expect(hl7Instant('202611241030-0500', 'PV1-45')).toBe('2026-11-24T15:30:00.000Z');
    expect(hl7Instant('20210817151943.4+0200', 'EVN-6')).toBe('2021-08-17T13:19:43.400Z');
    expect(hl7Instant('2026112410', 'EVN-2')).toBe('2026-11-24T10:00:00.000Z');
    expect(hl7Instant('', 'PV1-45')).toBeNull();
  });

  it("reads a time without an offset in the organization's zone, across DST", () => {
    expect(hl7Instant('202607011200', 'PV1-45', 'Europe/Riga')).toBe('2026-07-01T09:00:00.000Z');
    expect(hl7Instant('202601151200', 'PV1-45', 'Europe/Riga')).toBe('2026-01-15T10:00:00.000Z');
    expect(hl7Instant('202601151200+0000', 'PV1-45', 'Europe/Riga')).toBe(
      '2026-01-15T12:00:00.000Z',
    );
  });

  it('keeps a birth date on the day the sender wrote, and ignores coarser precision', () => {
    expect(hl7Date('198808182330+0215', 'PID-7')).toBe('1988-08-18');
    expect(hl7Date('1988', 'PID-7')).toBeNull();
  });

  it('refuses impossible times with a DomainError naming the field', () => {
    for (const bad of ['20261332', '20260230', '2026112425', 'tomorrow', '20261124+0190']) {
      const error = (() => {
        try {
          hl7Instant(bad, 'PV1-45');
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).message).toContain('PV1-45');
    }
  });
});

describe('assigning authorities, addresses, phones', () => {
  it('builds a stable system from an HD: an OID as urn:oid, else the namespace', () => {
    expect(authoritySystem(field('1^^^test1&2.16.1&HCD^MR')[0], 4)).toBe('urn:oid:2.16.1');
    expect(authoritySystem(field('1^^^BCBS^MR')[0], 4)).toBe('urn:caredesk:hl7v2:authority:BCBS');
    expect(authoritySystem(field('1^^^^MR')[0], 4)).toBeNull();
  });

  it('reads XAD with its street parts and an alpha-3 country', () => {
    expect(addresses(field('1000&Hospital Lane^Ste. 123^Ann Arbor^MI^99999^USA^M'))).toEqual([
      {
        use: undefined,
        lines: ['1000 Hospital Lane', 'Ste. 123'],
        city: 'Ann Arbor',
        state: 'MI',
        postalCode: '99999',
        country: 'US',
      },
    ]);
  });

  it('normalises phones to E.164 and drops faxes, beepers and what is not a number', () => {
    const phones = contactPoints(
      field(
        '(555)555-0123^PRN^PH^^1^555^5550123~^PRN^CP^^371^^20000001~555-0199^^FX~^NET^Internet^A@Example.org~not a phone~121111^PRN^CP',
      ),
      'home',
      'US',
    );
    expect(phones).toEqual([
      { system: 'phone', value: '+15555550123', use: 'home' },
      { system: 'phone', value: '+37120000001', use: 'mobile' },
      { system: 'email', value: 'a@example.org', use: 'home' },
    ]);
  });
});
