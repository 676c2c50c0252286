import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/translate';
import type { MacroContent } from './macro';
import { chooseBody, fillMacro, formatMacroDate } from './fill-macro';
import { renderMacro } from './render-macro';

const received: MacroContent = {
  bodies: [
    {
      language: 'en',
      subject: 'Case {{case.number}}: refill received',
      body: 'Hello {{patient.firstName}},\nwe will answer by {{case.dueDate}}.\n{{agent.firstName}}, {{organization.name}}',
    },
    {
      language: 'es',
      subject: 'Caso {{case.number}}: receta recibida',
      body: 'Hola, {{patient.firstName}}:\nle responderemos antes del {{case.dueDate}}.\n{{agent.firstName}}, {{organization.name}}',
    },
    {
      language: 'lv',
      subject: 'Lieta {{case.number}}: recepte saņemta',
      body: 'Labdien, {{patient.firstName}}!\nAtbildēsim līdz {{case.dueDate}}.\n{{agent.firstName}}, {{organization.name}}',
    },
    {
      language: 'nb',
      subject: 'Sak {{case.number}}: resept mottatt',
      body: 'Hei {{patient.firstName}},\nvi svarer innen {{case.dueDate}}.\n{{agent.firstName}}, {{organization.name}}',
    },
  ],
  actions: { setStatus: 'pending-patient', addTags: ['refill'] },
};

const facts = {
  'patient.firstName': 'Anna',
  'case.number': 'C-1042',
  // 30 March 2025 01:30 UTC: the night Europe moves its clocks forward.
  'case.dueDate': '2025-03-30T01:30:00Z',
  'agent.firstName': 'Ilze',
  'organization.name': 'Riverside Clinic',
};

describe('renderMacro in each language', () => {
  it.each([
    {
      lang: 'en',
      zone: 'America/New_York',
      subject: 'Case C-1042: refill received',
      body: 'Hello Anna,\nwe will answer by March 29, 2025 at 9:30 PM.\nIlze, Riverside Clinic',
    },
    {
      lang: 'es',
      zone: 'Europe/Madrid',
      subject: 'Caso C-1042: receta recibida',
      body: 'Hola, Anna:\nle responderemos antes del 30 de marzo de 2025 a las 3:30.\nIlze, Riverside Clinic',
    },
    {
      lang: 'lv',
      zone: 'Europe/Riga',
      subject: 'Lieta C-1042: recepte saņemta',
      body: 'Labdien, Anna!\nAtbildēsim līdz 2025. gada 30. marts 04:30.\nIlze, Riverside Clinic',
    },
    {
      lang: 'nb',
      zone: 'Europe/Oslo',
      subject: 'Sak C-1042: resept mottatt',
      body: 'Hei Anna,\nvi svarer innen 30. mars 2025 kl. 03:30.\nIlze, Riverside Clinic',
    },
  ])('$lang, dates in $zone', ({ lang, zone, subject, body }) => {
    const r = renderMacro(received, lang, facts, zone);
    expect(r.language).toBe(lang);
    expect(r.fallback).toBe(false);
    expect(r.subject).toBe(subject);
    expect(r.body).toBe(body);
    expect(r.missing).toEqual([]);
    expect(r.actions).toEqual({ setStatus: 'pending-patient', addTags: ['refill'] });
  });
});

describe('dates on the days clocks change', () => {
  it.each([
    // Riga springs forward 03:00 → 04:00 on 30 March 2025: 00:59Z is 02:59, 01:00Z is 04:00.
    ['lv', '2025-03-30T00:59:00Z', 'Europe/Riga', '2025. gada 30. marts 02:59'],
    ['lv', '2025-03-30T01:00:00Z', 'Europe/Riga', '2025. gada 30. marts 04:00'],
    // Oslo falls back 03:00 → 02:00 on 26 October 2025: 00:30Z and 01:30Z are both 02:30.
    ['nb', '2025-10-26T00:30:00Z', 'Europe/Oslo', '26. oktober 2025 kl. 02:30'],
    ['nb', '2025-10-26T01:30:00Z', 'Europe/Oslo', '26. oktober 2025 kl. 02:30'],
    // New York springs forward on 9 March 2025: 03:00 EST does not exist that day, the
    // same instant is 04:00 EDT (an offset in the value is honoured).
    ['en', '2025-03-09T06:59:00Z', 'America/New_York', 'March 9, 2025 at 1:59 AM'],
    ['en', '2025-03-09T03:00:00-05:00', 'America/New_York', 'March 9, 2025 at 4:00 AM'],
    ['es', '2025-10-26T00:30:00Z', 'Europe/Madrid', '26 de octubre de 2025 a las 2:30'],
    // Midnight and month end in the reader's zone, not UTC.
    ['lv', '2025-01-31T22:30:00Z', 'Europe/Riga', '2025. gada 1. februāris 00:30'],
    // A calendar date stays the same day in every zone.
    ['nb', '2025-12-31', 'Pacific/Kiritimati', '31. desember 2025'],
    ['lv', '2025-12-31', 'America/Los_Angeles', '2025. gada 31. decembris'],
    ['es', '2025-02-28', 'Pacific/Pago_Pago', '28 de febrero de 2025'],
  ] as const)('%s %s in %s', (lang, value, zone, shown) => {
    expect(formatMacroDate(value, lang, zone)).toBe(shown);
  });

  it('is not a date when the value is not ISO 8601', () => {
    expect(formatMacroDate('next Tuesday', 'en', 'UTC')).toBeNull();
    expect(formatMacroDate('2025-02-30', 'en', 'UTC')).toBeNull();
    expect(formatMacroDate('2025-13-01T00:00:00Z', 'en', 'UTC')).toBeNull();
  });
});

describe('choosing the language', () => {
  const enLv: MacroContent = {
    bodies: [
      { language: 'lv', body: 'Sveiki' },
      { language: 'en', body: 'Hello' },
    ],
    actions: {},
  };
  it.each([
    ['lv', 'en', 'lv', false],
    ['lv-LV', 'en', 'lv', false],
    ['es', 'lv', 'lv', true], // the organization's default comes before English
    ['nb', 'es', 'en', true], // neither the reader's nor the organization's: English
    ['de', 'en', 'en', true], // a language CareDesk does not serve
  ] as const)('reader %s, organization %s → %s', (reader, org, used, fallback) => {
    const chosen = chooseBody(enLv, reader, org);
    expect(chosen.language).toBe(used);
    expect(chosen.fallback).toBe(fallback);
  });

  it('uses the only language a macro has when it is none of those', () => {
    const onlyNb: MacroContent = { bodies: [{ language: 'nb', body: 'Hei' }], actions: {} };
    expect(chooseBody(onlyNb, 'es', 'lv')).toMatchObject({ language: 'nb', fallback: true });
    expect(renderMacro(onlyNb, 'es', {}, 'UTC').body).toBe('Hei');
  });

  it('refuses a macro with no text at all', () => {
    expect(() => chooseBody({ bodies: [] }, 'en')).toThrow(/no text/);
  });
});

describe('missing facts', () => {
  it.each(['en', 'es', 'lv', 'nb'] as const)(
    '%s: an unidentified caller gets a neutral word, never "undefined"',
    (lang) => {
      const r = renderMacro(received, lang, { 'case.number': 'C-7' }, 'Europe/Riga');
      for (const bad of ['undefined', 'null', '{{', '}}']) expect(r.body).not.toContain(bad);
      expect(r.body).toContain(translate(lang, 'macros.fallback.patient'));
      expect(r.body).toContain(translate(lang, 'macros.fallback.due-date'));
      expect(r.body).toContain(translate(lang, 'macros.fallback.agent'));
      expect(r.missing).toEqual([
        'patient.firstName',
        'case.dueDate',
        'agent.firstName',
        'organization.name',
      ]);
    },
  );

  it('treats null, blank and unparseable dates as missing', () => {
    const m: MacroContent = {
      bodies: [{ language: 'en', body: '{{patient.fullName}}|{{case.dueDate}}' }],
      actions: {},
    };
    const r = renderMacro(
      m,
      'en',
      { 'patient.fullName': '  \u200B ', 'case.dueDate': 'soon' },
      'UTC',
    );
    expect(r.body).toBe(
      `${translate('en', 'macros.fallback.patient')}|${translate('en', 'macros.fallback.due-date')}`,
    );
    expect(r.missing).toEqual(['patient.fullName', 'case.dueDate']);
  });

  it('takes the neutral words from the catalog the caller gives', () => {
    const m: MacroContent = {
      bodies: [{ language: 'lv', body: 'Sveiki, {{patient.firstName}}!' }],
      actions: {},
    };
    const r = fillMacro(m, 'lv', {}, 'UTC', { words: (k, lang) => `<${lang}:${k}>` });
    expect(r.body).toBe('Sveiki, <lv:macros.fallback.patient>!');
  });
});

describe('values are plain text, filled once', () => {
  const m: MacroContent = {
    bodies: [
      {
        language: 'en',
        subject: 'About {{case.subject}}',
        body: 'Hello {{patient.firstName}}, about {{case.subject}} ({{case.number}}).',
      },
    ],
    actions: {},
  };
  it.each([
    ['a placeholder in a value', '{{portal.link}}', '{{portal.link}}'],
    ['a nested placeholder', '{{{{case.number}}}}', '{{{{case.number}}}}'],
    ['markup', '<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['an ICU argument', '{count, plural, one {x} other {y}}', '{count, plural, one {x} other {y}}'],
    ['a line break (header injection)', 'Bcc: x@evil.example\r\nHi', 'Bcc: x@evil.example Hi'],
    ['a bidi override', 'Anna\u202Egnp.exe', 'Annagnp.exe'],
  ])('%s stays as it is, never expanded', (_what, value, shown) => {
    const r = renderMacro(
      m,
      'en',
      { 'patient.firstName': value, 'case.subject': value, 'case.number': 'C-1' },
      'UTC',
    );
    expect(r.body).toBe(`Hello ${shown}, about ${shown} (C-1).`);
    expect(r.subject).toBe(`About ${shown}`);
    expect(r.subject).not.toMatch(/[\r\n]/);
    expect(r.missing).toEqual([]);
  });

  it('shortens an absurdly long value instead of passing it on', () => {
    const r = renderMacro(m, 'en', { 'patient.firstName': 'x'.repeat(10_000) }, 'UTC');
    expect(r.body.length).toBeLessThan(1200);
    expect(r.body).toContain('x…');
  });

  it('says nothing for a placeholder no longer on the list, and reports it', () => {
    const legacy: MacroContent = {
      bodies: [{ language: 'en', body: 'SSN {{patient.ssn}} end' }],
      actions: {},
    };
    const r = renderMacro(legacy, 'en', {}, 'UTC');
    expect(r.body).toBe('SSN  end');
    expect(r.missing).toEqual(['patient.ssn']);
  });

  it('refuses an unknown time zone as a validation error', () => {
    expect(() => renderMacro(m, 'en', {}, 'Mars/Olympus_Mons')).toThrow(/time zone/);
  });
});
