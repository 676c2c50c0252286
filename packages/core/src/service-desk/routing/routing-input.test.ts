import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/domain-error';
import { checkAgentSkills, checkQueueDraft, type QueueDraft } from './routing-input';

const draft = (over: Partial<QueueDraft> = {}): QueueDraft => ({
  name: 'Línea en español',
  teamId: null,
  strategy: 'least-loaded',
  requiredSkills: { languages: ['es-MX', 'ES-mx'], categories: [] },
  matches: { categories: ['refill', 'refill'], priorities: ['urgent'], channels: ['phone'] },
  order: 10,
  active: true,
  ...over,
});

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.issues.map((i) => `${i.path} ${i.messageKey}`);
    throw e;
  }
  return [];
}

describe('queue and agent input', () => {
  it('normalises a queue: NFC name, language tags, no repeats', () => {
    const checked = checkQueueDraft(draft({ name: '  Li\u0301nea  ' }));
    expect(checked.name).toBe('Línea');
    expect(checked.requiredSkills.languages).toEqual(['es']);
    expect(checked.matches.categories).toEqual(['refill']);
  });

  it('names every bad field of a queue', () => {
    const bad = draft({
      name: 'Bad\u202Ename',
      order: -1,
      requiredSkills: { languages: ['not a tag'], categories: ['Billing Question'] },
      matches: { categories: [], priorities: ['whenever' as never], channels: ['fax' as never] },
    });
    expect(issuesOf(() => checkQueueDraft(bad))).toEqual([
      'name validation.text.invisible-character',
      'order validation.field.invalid',
      'requiredSkills/languages/0 validation.language.invalid',
      'requiredSkills/categories/0 routing.category.invalid',
      'matches/priorities/0 validation.field.invalid',
      'matches/channels/0 validation.field.invalid',
    ]);
    expect(issuesOf(() => checkQueueDraft(draft({ name: '   ' })))).toEqual([
      'name validation.field.required',
    ]);
  });

  it('checks an agent capacity between 0 and 200 and normalises languages', () => {
    expect(
      checkAgentSkills({ languages: ['no', 'nb'], categories: ['refill'], capacity: 0 }),
    ).toEqual({ languages: ['nb'], categories: ['refill'], capacity: 0 });
    expect(
      issuesOf(() => checkAgentSkills({ languages: [], categories: [], capacity: 201 })),
    ).toEqual(['capacity routing.capacity.invalid']);
    expect(
      issuesOf(() => checkAgentSkills({ languages: [], categories: [], capacity: 1.5 })),
    ).toEqual(['capacity routing.capacity.invalid']);
  });
});
