import { describe, expect, it } from 'vitest';
import { tagsAfter } from './case-macro-slot';

const macro = (addTags: string[], removeTags: string[]) => ({
  subject: null,
  body: 'x',
  macroId: 'm',
  actions: { addTags, removeTags },
});

describe('a macro’s tag actions on a case', () => {
  it('adds missing tags once and removes the ones it names', () => {
    expect(
      tagsAfter(['billing', 'urgent-call'], macro(['billing', 'eob'], ['urgent-call'])),
    ).toEqual(['billing', 'eob']);
  });
  it('leaves the tags alone when the macro has no tag actions', () => {
    expect(tagsAfter(['a'], macro([], []))).toEqual(['a']);
  });
});
