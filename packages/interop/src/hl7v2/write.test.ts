import { describe, expect, it } from 'vitest';
import { DEFAULT_DELIMITERS } from './delimiters';
import { escapeHl7 } from './escaping';
import { Hl7Message } from './message';
import { parseHl7 } from './parse';
import { buildMessage, buildSegment, headerSegment, toField, writeHl7 } from './write';

const header = (delimiters = DEFAULT_DELIMITERS) =>
  headerSegment(
    ['SEND', 'FAC', 'RECV', 'RFAC', '20250101', '', ['ADT', 'A08'], 'C1', 'P', '2.5'],
    delimiters,
  );

describe('escapeHl7', () => {
  it('escapes the five delimiters', () => {
    expect(escapeHl7('a|b^c~d\\e&f')).toBe('a\\F\\b\\S\\c\\R\\d\\E\\e\\T\\f');
  });

  it('hex-escapes CR, LF and the MLLP framing bytes, but leaves tab alone', () => {
    expect(escapeHl7('1\r2\n3\u000b4\u001c5\t6\u00007')).toBe(
      '1\\X0D\\2\\X0A\\3\\X0B\\4\\X1C\\5\t6\\X00\\7',
    );
  });

  it('escapes the truncation character only when the message declares one', () => {
    expect(escapeHl7('#1')).toBe('#1');
    expect(escapeHl7('#1', { ...DEFAULT_DELIMITERS, truncation: '#' })).toBe('\\P\\1');
  });

  it('uses the message’s own delimiters', () => {
    const d = { field: '#', component: '*', repetition: '!', escape: '$', subcomponent: '@' };
    expect(escapeHl7('a#b*c|^\\$', d)).toBe('a$F$b$S$c|^\\$E$');
  });

  it('leaves text without special characters untouched, non-ASCII included', () => {
    expect(escapeHl7('Nguyễn O’Brien 😀')).toBe('Nguyễn O’Brien 😀');
  });
});

describe('writeHl7', () => {
  it('round-trips a name holding delimiters, a backslash and line breaks', () => {
    const name = 'O|Brien^Jr~II&Co\\x\r\nNull';
    const written = writeHl7(
      buildMessage(header(), [buildSegment('PID', ['1', '', [name, 'ANN']])]),
    );
    expect(written.split('\r')).toHaveLength(3); // two segments, each ended by CR
    expect(parseHl7(written).get('PID-3.1')).toBe(name);
    expect(parseHl7(written).get('PID-3.2')).toBe('ANN');
  });

  it('ends every segment with CR by default, or with the ending asked for', () => {
    const msg = buildMessage(header(), [buildSegment('EVN', ['A08'])]);
    const head = 'MSH|^~\\&|SEND|FAC|RECV|RFAC|20250101||ADT^A08|C1|P|2.5';
    expect(writeHl7(msg)).toBe(`${head}\rEVN|A08\r`);
    expect(writeHl7(msg, { segmentEnding: '\n' })).toBe(`${head}\nEVN|A08\n`);
    expect(writeHl7(msg, { segmentEnding: '\r\n' })).toBe(`${head}\r\nEVN|A08\r\n`);
  });

  it('writes MSH-1 and MSH-2 from the delimiters, five characters when truncation is set', () => {
    const d = { ...DEFAULT_DELIMITERS, truncation: '#' };
    const written = writeHl7(buildMessage(header(d), [], d));
    expect(written.startsWith('MSH|^~\\&#|SEND|')).toBe(true);
    expect(parseHl7(written).delimiters).toEqual(d);
  });

  it('writes repetitions, components and subcomponents', () => {
    const pid = buildSegment('PID', [
      '1',
      '',
      [
        [['111'], [''], [''], ['HOSP', '1.2.3', 'ISO'], ['MR']],
        [['222'], [''], [''], ['SSA'], ['SS']],
      ],
    ]);
    expect(writeHl7(buildMessage(header(), [pid])).split('\r')[1]).toBe(
      'PID|1||111^^^HOSP&1.2.3&ISO^MR~222^^^SSA^SS',
    );
  });

  it('refuses models no parser could read back', () => {
    const pid = buildSegment('PID', ['1']);
    expect(() => writeHl7(new Hl7Message([pid]))).toThrow(RangeError);
    expect(() => writeHl7(new Hl7Message([header(), header()]))).toThrow(RangeError);
    expect(() => writeHl7(new Hl7Message([header(), buildSegment('pid', [])]))).toThrow(RangeError);
    const clash = { ...DEFAULT_DELIMITERS, component: '|' };
    expect(() => writeHl7(new Hl7Message([header()], clash))).toThrow(RangeError);
  });
});

describe('toField', () => {
  it('takes a value, a component list or a full field', () => {
    expect(toField('x')).toEqual([[['x']]]);
    expect(toField(['ACK', 'A03', 'ACK'])).toEqual([[['ACK'], ['A03'], ['ACK']]]);
    expect(toField([[['a', 'b']], [['c']]])).toEqual([[['a', 'b']], [['c']]]);
    expect(toField([])).toEqual([]);
  });
});
