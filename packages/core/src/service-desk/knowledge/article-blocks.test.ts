import { describe, expect, it } from 'vitest';
import { articleBlocks, articleExcerpt } from './article-blocks';

describe('article bodies', () => {
  it('reads paragraphs, headings, bullets and numbered steps', () => {
    const body = [
      'Fast for 8 hours before',
      'the test.',
      '',
      '## What to bring',
      '- Your insurance card',
      '* A list of your medicines',
      '  that you take daily',
      '',
      '1. Drink water',
      '2) Arrive 10 minutes early',
    ].join('\r\n');
    expect(articleBlocks(body)).toEqual([
      { kind: 'paragraph', text: 'Fast for 8 hours before the test.' },
      { kind: 'heading', text: 'What to bring' },
      {
        kind: 'bullets',
        items: ['Your insurance card', 'A list of your medicines that you take daily'],
      },
      { kind: 'steps', items: ['Drink water', 'Arrive 10 minutes early'] },
    ]);
  });

  it('keeps markup as text', () => {
    expect(articleBlocks('<img src=x onerror=alert(1)>')).toEqual([
      { kind: 'paragraph', text: '<img src=x onerror=alert(1)>' },
    ]);
  });

  it('cuts an excerpt at a word', () => {
    expect(articleExcerpt('## Title\n\nShort text.')).toBe('Short text.');
    expect(articleExcerpt('- Rinse the cup.\n- Dry it\n- Store it')).toBe(
      'Rinse the cup. Dry it; Store it.',
    );
    const long = articleExcerpt(`${'word '.repeat(60)}end`, 40);
    expect(long).toBe('word word word word word word word word…');
  });
});
