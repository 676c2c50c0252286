import type { Patient } from '@caredesk/core/patients';
import { describe, expect, it } from 'vitest';
import { checkDraft, draftFrom, errorsOfIssues, toPreferences } from './profile-draft';

const patient = {
  telecom: [
    { system: 'email', value: 'ana@example.com', rank: 1 },
    { system: 'phone', value: '+15550102030', use: 'mobile' },
  ],
  preferredLanguage: 'es',
  preferredChannel: 'sms',
  quietHours: null,
} as unknown as Patient;

describe('the profile form’s draft', () => {
  it('sends back what it does not show (rank, use) and drops rows left empty', () => {
    const draft = draftFrom(patient);
    draft.contacts.push({ key: 'blank', system: 'phone', value: '  ', use: 'home' });
    const { body, rowKeys } = toPreferences(draft);
    expect(body.telecom).toEqual(patient.telecom);
    expect(rowKeys).toEqual(draft.contacts.slice(0, 2).map((c) => c.key));
    expect(body.quietHours).toBeNull();
  });

  it('puts a server error on the row it is about, even after an empty row was dropped', () => {
    const draft = draftFrom(patient);
    draft.contacts.unshift({ key: 'blank', system: 'phone', value: '' });
    const { rowKeys } = toPreferences(draft);
    const errors = errorsOfIssues(
      [
        { path: 'telecom/1/value', message: 'Not a valid phone number.' },
        { path: 'body/quietHours/timeZone', message: 'Unknown time zone.' },
        { path: '', message: 'Something else.' },
      ],
      rowKeys,
    );
    expect(errors).toEqual({
      [`contact:${draft.contacts[2]!.key}`]: 'Not a valid phone number.',
      'quiet-zone': 'Unknown time zone.',
      form: 'Something else.',
    });
  });

  it('asks for a phone before text messages, and for quiet hours that end', () => {
    const draft = { ...draftFrom(patient), contacts: [] };
    expect(checkDraft(draft)).toEqual({ channel: 'channel-needs-phone' });
    expect(
      checkDraft({ ...draftFrom(patient), quietOn: true, quietStart: '22:00', quietEnd: '22:00' }),
    ).toEqual({ 'quiet-end': 'quiet-same' });
  });
});
