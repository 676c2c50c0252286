import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { clinicalDate, clinicalPeriod, codedText, conditionStatusKey } from './clinical-labels';

// A reader far west of UTC: a calendar date must not slide to the day before.
const intl = (locale: string) => createIntl({ locale, timeZone: 'America/Los_Angeles' });

describe('clinical dates in the reader’s language', () => {
  it('keeps a FHIR date as precise as it was written', () => {
    const en = intl('en');
    expect(clinicalDate(en, '2016')).toBe('2016');
    expect(clinicalDate(en, '2016-05')).toBe('May 2016');
    expect(clinicalDate(en, '2016-05-17')).toBe('May 17, 2016');
    expect(clinicalDate(intl('lv'), '2016-05-17')).toBe('2016. gada 17. maijs');
    expect(clinicalDate(intl('nb'), '2016-05-17')).toBe('17. mai 2016');
    expect(clinicalDate(intl('es'), '2016-05-17')).toBe('17 may 2016');
    expect(clinicalDate(en, null)).toBeNull();
  });

  it('shows an instant on the reader’s own calendar day', () => {
    expect(clinicalDate(intl('en'), '2024-08-09T03:30:00Z')).toBe('Aug 8, 2024');
    expect(clinicalDate(intl('en'), '2024-08-09T12:00:00+02:00')).toBe('Aug 9, 2024');
  });

  it('shows what it was given when it is not a date at all', () => {
    expect(clinicalDate(intl('en'), 'sometime in spring')).toBe('sometime in spring');
  });

  it('collapses a same-day visit, gives a stay its range, and a stay under way its start', () => {
    const en = intl('en');
    expect(clinicalPeriod(en, '2024-08-09T16:00:00Z', '2024-08-09T16:30:00Z')).toBe('Aug 9, 2024');
    // ICU sets the range dash between thin spaces.
    expect(clinicalPeriod(en, '2024-08-09T16:00:00Z', '2024-08-12T18:00:00Z')).toMatch(
      /^Aug 9\s–\s12, 2024$/,
    );
    expect(clinicalPeriod(en, '2024-08-09T16:00:00Z', null)).toBe('Aug 9, 2024');
    // An end before the start is the sender's mistake: the start alone is shown.
    expect(clinicalPeriod(en, '2024-08-09T16:00:00Z', '2024-08-01T16:00:00Z')).toBe('Aug 9, 2024');
  });
});

describe('codes', () => {
  it('reads the display text as received, else the code', () => {
    expect(codedText({ system: 'http://snomed.info/sct', code: '44054006', display: null })).toBe(
      '44054006',
    );
    expect(codedText({ system: null, code: 'x', display: 'Diabetes' })).toBe('Diabetes');
    expect(codedText(null)).toBeNull();
  });

  it('falls back to "not stated" for a missing or unknown clinical status', () => {
    expect(conditionStatusKey(null)).toBe('web.clinical.condition.status.unknown');
    expect(conditionStatusKey('bogus')).toBe('web.clinical.condition.status.unknown');
    expect(conditionStatusKey('resolved')).toBe('web.clinical.condition.status.resolved');
  });
});
