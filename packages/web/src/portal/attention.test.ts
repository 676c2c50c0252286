import { describe, expect, it } from 'vitest';
import type { Consent, Patient } from '../patient-record/patient-api';
import { attentionItems } from './attention';

const now = new Date('2026-11-24T10:00:00Z');
const patient = (telecom: Patient['telecom']) => ({ telecom }) as unknown as Patient;
const consent = (id: string, relatedPersonId: string, periodEnd?: string) =>
  ({ id, relatedPersonId, periodEnd }) as unknown as Consent;
const names = new Map([
  ['rp-liv', 'Liv Aasen'],
  ['rp-ola', 'Ola Aasen'],
]);
const phone = [{ system: 'phone', value: '+4744701723' }] as Patient['telecom'];

describe('what needs the patient’s attention', () => {
  it('asks for a way to be reached when the clinic has neither phone nor e-mail', () => {
    expect(attentionItems({ patient: patient([]), consents: [], names, now })).toEqual([
      { kind: 'no-contact', key: 'no-contact' },
    ]);
    expect(attentionItems({ patient: patient(phone), consents: [], names, now })).toEqual([]);
  });

  it('lists sharing that ends within two weeks, soonest first, with the days left', () => {
    const items = attentionItems({
      patient: patient(phone),
      consents: [
        consent('c-later', 'rp-ola', '2026-12-05T10:00:00Z'),
        consent('c-open', 'rp-liv'),
        consent('c-far', 'rp-liv', '2027-03-01T00:00:00Z'),
        consent('c-soon', 'rp-liv', '2026-11-25T09:00:00Z'),
      ],
      names,
      now,
    });
    expect(items).toEqual([
      {
        kind: 'sharing-ends',
        key: 'c-soon',
        name: 'Liv Aasen',
        ends: '2026-11-25T09:00:00Z',
        days: 1,
      },
      {
        kind: 'sharing-ends',
        key: 'c-later',
        name: 'Ola Aasen',
        ends: '2026-12-05T10:00:00Z',
        days: 11,
      },
    ]);
  });
});
