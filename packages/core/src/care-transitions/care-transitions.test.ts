import { describe, expect, it } from 'vitest';
import { readDisposition } from './discharge-disposition';
import { dischargeFollowUp } from './discharge-follow-up';
import { languageFromSender } from './sender-language';
import { applyVisitEvent, encounterClassFor, type VisitFacts } from './visit-events';

const facts = (over: Partial<VisitFacts> = {}): VisitFacts => ({
  patientClass: 'I',
  location: null,
  admitType: null,
  attending: null,
  service: null,
  admittedAt: '2026-11-01T08:00:00.000Z',
  dischargedAt: null,
  eventAt: '2026-11-01T08:05:00.000Z',
  disposition: null,
  destination: null,
  ...over,
});

describe('PV1-36 discharge disposition (table 0112)', () => {
  it('reads codes, a CWE with free text in the identifier, and plain words', () => {
    expect(readDisposition({ code: '01' })).toMatchObject({ code: '01' });
    expect(readDisposition({ code: '7' })).toMatchObject({ code: '07' });
    expect(readDisposition({ code: 'Admitted as Inpatient', text: 'Sample' })).toEqual({
      code: '09',
      text: 'Admitted as Inpatient Sample',
    });
    expect(readDisposition({ code: 'home' })).toMatchObject({ code: '01' });
    expect(readDisposition({ code: 'Dead' })).toMatchObject({ code: '20' });
    expect(readDisposition({ code: 'Left AMA' })).toMatchObject({ code: '07' });
    expect(readDisposition({ code: 'Bahamas trip' })).toEqual({ code: null, text: 'Bahamas trip' });
    expect(readDisposition({ code: '' })).toBeNull();
  });
});

describe('dischargeFollowUp', () => {
  const decide = (code: string | null, patientDeceased = false) =>
    dischargeFollowUp({ patientDeceased, dispositionCode: code, destination: 'St. Olav' });

  it('suppresses outreach to a deceased patient, whatever the disposition', () => {
    expect(decide('01', true)).toMatchObject({ action: 'suppress', reason: 'patient-deceased' });
    for (const code of ['20', '40', '41', '42'])
      expect(decide(code)).toMatchObject({ action: 'suppress', reason: 'disposition-expired' });
  });

  it('leaves transfers and patients still in care to the receiving provider', () => {
    expect(decide('02')).toMatchObject({ action: 'suppress', reason: 'transferred' });
    expect(decide('02').detail).toContain('St. Olav');
    expect(decide('05')).toMatchObject({ action: 'suppress', reason: 'transferred' });
    expect(decide('09')).toMatchObject({ action: 'suppress', reason: 'still-in-care' });
    expect(decide('30')).toMatchObject({ action: 'suppress', reason: 'still-in-care' });
  });

  it('raises the priority after a discharge against medical advice', () => {
    expect(decide('07')).toMatchObject({ action: 'follow-up', priority: 'high' });
    expect(decide('01')).toMatchObject({ action: 'follow-up', priority: 'routine' });
    expect(decide(null)).toMatchObject({ action: 'follow-up', reason: 'routine' });
  });
});

describe('PID-15 language', () => {
  it('normalises ISO 639-2 and BCP-47 codes as the registry does', () => {
    expect(languageFromSender('eng')).toBe('en');
    expect(languageFromSender('NOR')).toBe('nb');
    expect(languageFromSender('nb-NO')).toBe('nb');
    expect(languageFromSender('ara')).toBe('ar');
    expect(languageFromSender('1')).toBeNull();
  });
});

describe('visit events', () => {
  it('maps table 0004 classes', () => {
    expect(['E', 'I', 'O', 'P', 'X'].map(encounterClassFor)).toEqual([
      'EMER',
      'IMP',
      'AMB',
      'PRENC',
      'UNK',
    ]);
  });

  it('admit, transfer, discharge, cancel discharge, discharge again', () => {
    const ward = { pointOfCare: '4E', room: '12', bed: 'B', facility: '', building: '', floor: '' };
    let v = applyVisitEvent(null, 'admit', facts());
    expect(v).toMatchObject({ status: 'in-progress', classCode: 'IMP' });
    v = applyVisitEvent(v, 'transfer', facts({ location: ward }));
    expect(v?.location).toEqual(ward);
    const home = { code: '01', text: 'home' };
    v = applyVisitEvent(
      v,
      'discharge',
      facts({ dischargedAt: '2026-11-03T10:00:00.000Z', disposition: home }),
    );
    expect(v).toMatchObject({ status: 'finished', periodEnd: '2026-11-03T10:00:00.000Z' });
    v = applyVisitEvent(v, 'cancel-discharge', facts());
    expect(v).toMatchObject({ status: 'in-progress', periodEnd: null, disposition: null });
    v = applyVisitEvent(
      v,
      'discharge',
      facts({ dischargedAt: null, eventAt: '2026-11-04T09:00:00.000Z' }),
    );
    expect(v).toMatchObject({
      status: 'finished',
      periodEnd: '2026-11-04T09:00:00.000Z',
      location: ward,
    });
    expect(v?.periodStart).toBe('2026-11-01T08:00:00.000Z');
  });

  it('never reopens a finished visit on a late admit, nor discharges on an A08 with PV1-45', () => {
    const done = applyVisitEvent(
      null,
      'discharge',
      facts({ dischargedAt: '2026-11-02T00:00:00.000Z' }),
    );
    expect(applyVisitEvent(done, 'admit', facts())?.status).toBe('finished');
    const open = applyVisitEvent(null, 'register', facts());
    expect(open?.status).toBe('arrived');
    const updated = applyVisitEvent(
      open,
      'update',
      facts({ dischargedAt: '2026-11-02T00:00:00.000Z' }),
    );
    expect(updated).toMatchObject({ status: 'arrived', periodEnd: null });
    expect(applyVisitEvent(null, 'update', facts())).toBeNull();
  });

  it('cancels an admit; a cancel for an unknown visit records nothing', () => {
    const open = applyVisitEvent(null, 'admit', facts());
    expect(applyVisitEvent(open, 'cancel-admit', facts())?.status).toBe('cancelled');
    expect(applyVisitEvent(null, 'cancel-admit', facts())).toBeNull();
    expect(applyVisitEvent(null, 'cancel-discharge', facts())).toBeNull();
  });
});
