import { describe, expect, it } from 'vitest';
import { csvField } from './audit-csv';

describe('audit CSV fields', () => {
  it('quotes per RFC 4180 and neutralises formula injection', () => {
    expect(csvField(null)).toBe('');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(42)).toBe('42');
    expect(csvField(false)).toBe('false');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    for (const lead of ['=', '+', '-', '@', '\t']) expect(csvField(`${lead}1`)).toBe(`'${lead}1`);
    expect(csvField('\r1')).toBe('"\'\r1"');
    expect(csvField('a=b')).toBe('a=b');
  });
});
