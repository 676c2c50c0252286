import type { Macro } from '@caredesk/core/service-desk';
import { describe, expect, it } from 'vitest';
import { draftOf, emptyDraft, fieldOfIssue, inputOf } from './macro-draft';

describe('the macro editor form', () => {
  it('sends only the languages with text, and subjects only on replies to the patient', () => {
    const d = emptyDraft();
    d.name = 'Card photo';
    d.texts.en = { subject: 'Case {{case.number}}', body: 'Please send a photo.' };
    d.texts.lv = { subject: '', body: 'Lūdzu, atsūtiet fotoattēlu.' };
    d.setStatus = 'pending-patient';
    d.addTags = 'insurance-card,  needs-photo ';
    expect(inputOf(d)).toEqual({
      name: 'Card photo',
      audience: 'public-reply',
      bodies: [
        { language: 'en', subject: 'Case {{case.number}}', body: 'Please send a photo.' },
        { language: 'lv', body: 'Lūdzu, atsūtiet fotoattēlu.' },
      ],
      actions: { setStatus: 'pending-patient', addTags: ['insurance-card', 'needs-photo'] },
    });
    expect(inputOf({ ...d, audience: 'internal-note' }).bodies[0]).toEqual({
      language: 'en',
      body: 'Please send a photo.',
    });
  });

  it('reads a stored macro back into the form unchanged', () => {
    const m: Macro = {
      id: 'm1',
      organizationId: 'o',
      name: 'Bill explained',
      names: {},
      bodies: [{ language: 'nb', subject: 'Regning', body: 'Hei' }],
      actions: { setCategory: 'billing-question', removeTags: ['new'] },
      audience: 'public-reply',
      active: false,
      version: 3,
      updatedAt: '2025-01-01T00:00:00Z',
    };
    const d = draftOf(m);
    expect(d.texts.nb).toEqual({ subject: 'Regning', body: 'Hei' });
    expect(d.active).toBe(false);
    expect(inputOf(d)).toEqual({
      name: m.name,
      audience: m.audience,
      bodies: m.bodies,
      actions: m.actions,
    });
  });

  it('puts a refusal beside the field, or the language tab, it is about', () => {
    const sent = ['en', 'lv'] as const;
    expect(fieldOfIssue('bodies/1/body', sent)).toBe('lv.body');
    expect(fieldOfIssue('body/bodies/0/subject', sent)).toBe('en.subject');
    expect(fieldOfIssue('actions/addTags/2', sent)).toBe('addTags');
    expect(fieldOfIssue('actions/setStatus', sent)).toBe('setStatus');
    expect(fieldOfIssue('name', sent)).toBe('name');
    expect(fieldOfIssue('bodies/7/body', sent)).toBe('form');
    expect(fieldOfIssue('', sent)).toBe('form');
  });
});
