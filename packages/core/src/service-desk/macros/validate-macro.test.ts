import { describe, expect, it } from 'vitest';
import type { MacroInput } from './macro';
import { parseTemplate, placeholdersIn } from './placeholders';
import { validateMacroInput } from './validate-macro';

const good: MacroInput = {
  name: 'Refill received',
  bodies: [
    { language: 'en', subject: 'Case {{case.number}}', body: 'Hello {{ patient.firstName }},' },
    { language: 'lv', body: 'Labdien, {{patient.firstName}}!' },
  ],
  actions: { setStatus: 'pending-third-party', addTags: ['refill'] },
  audience: 'public-reply',
};

const issuesOf = (input: MacroInput) => {
  const r = validateMacroInput(input);
  return r.ok ? [] : r.issues.map((i) => `${i.path} ${i.messageKey}`);
};

describe('validateMacroInput', () => {
  it('accepts a macro in English and Latvian, canonicalised', () => {
    const r = validateMacroInput({
      ...good,
      name: '  Refill received ',
      names: { lv: 'Recepte sa\u0146emta' },
      bodies: [{ language: 'en', body: 'Line one\r\nLine two\rThree\n' }],
    });
    expect(r).toEqual({
      ok: true,
      value: {
        name: 'Refill received',
        names: { lv: 'Recepte saņemta' },
        bodies: [{ language: 'en', body: 'Line one\nLine two\nThree' }],
        actions: { setStatus: 'pending-third-party', addTags: ['refill'] },
        audience: 'public-reply',
      },
    });
  });

  it('accepts a single language other than English', () => {
    expect(issuesOf({ ...good, bodies: [{ language: 'nb', body: 'Hei' }] })).toEqual([]);
  });

  it.each<[string, Partial<MacroInput>, string[]]>([
    ['no name', { name: '  ' }, ['name validation.field.required']],
    ['no text at all', { bodies: [] }, ['bodies macros.validation.body-required']],
    [
      'an empty body',
      { bodies: [{ language: 'en', body: ' \n ' }] },
      ['bodies/0/body macros.validation.body-empty'],
    ],
    [
      'a language twice',
      {
        bodies: [
          { language: 'en', body: 'a' },
          { language: 'en', body: 'b' },
        ],
      },
      ['bodies/1/language macros.validation.language-twice'],
    ],
    [
      'a language CareDesk does not serve',
      { bodies: [{ language: 'de' as 'en', body: 'Hallo' }] },
      ['bodies/0/language validation.language.invalid'],
    ],
    [
      'an unknown placeholder in the body',
      { bodies: [{ language: 'en', body: 'SSN: {{patient.ssn}}' }] },
      ['bodies/0/body macros.validation.placeholder-unknown'],
    ],
    [
      'an unknown placeholder in the subject',
      { bodies: [{ language: 'lv', subject: '{{case.id}}', body: 'x' }] },
      ['bodies/0/subject macros.validation.placeholder-unknown'],
    ],
    [
      'a placeholder never closed',
      { bodies: [{ language: 'en', body: 'Hello {{patient.firstName' }] },
      ['bodies/0/body macros.validation.placeholder-unclosed'],
    ],
    [
      'a template-language expression',
      { bodies: [{ language: 'en', body: '{{constructor.constructor("x")()}}' }] },
      ['bodies/0/body macros.validation.placeholder-unknown'],
    ],
    [
      'a line break in the subject',
      { bodies: [{ language: 'en', subject: 'Hi\r\nBcc: x@y.example', body: 'x' }] },
      ['bodies/0/subject validation.text.control-character'],
    ],
    [
      'a body over the limit',
      { bodies: [{ language: 'en', body: 'é'.repeat(8001) }] },
      ['bodies/0/body validation.text.too-long'],
    ],
    [
      'a bidi override in the body',
      { bodies: [{ language: 'en', body: 'pay \u202Eevil' }] },
      ['bodies/0/body validation.text.invisible-character'],
    ],
    [
      'a status cases do not have',
      { actions: { setStatus: 'archived' as 'open' } },
      ['actions/setStatus macros.validation.status'],
    ],
    [
      'a category that is not a code',
      { actions: { setCategory: 'Billing Question' } },
      ['actions/setCategory macros.validation.category'],
    ],
    [
      'tags that are not lower-case slugs',
      { actions: { addTags: ['ok-tag', 'VIP', 'two words', '<b>'] } },
      [
        'actions/addTags/1 macros.validation.tag',
        'actions/addTags/2 macros.validation.tag',
        'actions/addTags/3 macros.validation.tag',
      ],
    ],
    [
      'a tag added and removed',
      { actions: { addTags: ['x'], removeTags: ['x'] } },
      ['actions/removeTags macros.validation.tag-both'],
    ],
    [
      'too many tags',
      { actions: { addTags: Array.from({ length: 21 }, (_, i) => `t${i}`) } },
      ['actions/addTags validation.list.tooMany'],
    ],
    [
      'an unknown audience',
      { audience: 'everyone' as 'public-reply' },
      ['audience validation.field.invalid'],
    ],
  ])('refuses %s', (_what, change, expected) => {
    expect(issuesOf({ ...good, ...change })).toEqual(expected);
  });

  it('names the unknown placeholder, so the editor can say which one', () => {
    const r = validateMacroInput({ ...good, bodies: [{ language: 'es', body: '{{ paciente }}' }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({
      values: { placeholder: '{{paciente}}' },
      detail: 'bodies/0/body: unknown placeholder {{paciente}}',
    });
  });

  it('removes repeated tags and keeps every case status it knows', () => {
    for (const s of ['new', 'open', 'pending-patient', 'resolved', 'closed'] as const) {
      const r = validateMacroInput({
        ...good,
        actions: { setStatus: s, addTags: ['a', 'a', 'b'] },
      });
      expect(r.ok && r.value.actions).toEqual({ setStatus: s, addTags: ['a', 'b'] });
    }
  });
});

describe('parseTemplate', () => {
  it('splits text and placeholders, spaces inside braces allowed', () => {
    expect(parseTemplate('Hi {{ patient.firstName }}! {{x}}').parts).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'placeholder', name: 'patient.firstName', known: true },
      { kind: 'text', text: '! ' },
      { kind: 'placeholder', name: 'x', known: false },
    ]);
    expect(placeholdersIn('{{case.number}} {{case.number}} {{portal.link}}')).toEqual([
      'case.number',
      'portal.link',
    ]);
  });

  it('stays linear on hostile input', () => {
    const started = performance.now();
    parseTemplate('{{'.repeat(50_000));
    parseTemplate('{{a}}'.repeat(50_000));
    parseTemplate(`{{${'a'.repeat(100_000)}`);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
