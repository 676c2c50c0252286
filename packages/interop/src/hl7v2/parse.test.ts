import { describe, expect, it } from 'vitest';
import { Hl7ParseError } from './errors';
import { component, field, repetition, subcomponent } from './message';
import type { ParseOptions } from './parse';
import { parseHl7 } from './parse';

const MSH = 'MSH|^~\\&|SEND|FAC|RECV|RFAC|20250101120000||ADT^A03^ADT_A03|CTRL1|P|2.5.1';
const lines = (...segments: string[]): string => segments.join('\r');

function failure(input: string | Uint8Array, options?: ParseOptions): Hl7ParseError {
  try {
    parseHl7(input, options);
  } catch (error) {
    expect(error).toBeInstanceOf(Hl7ParseError);
    return error as Hl7ParseError;
  }
  throw new Error('expected parseHl7 to fail');
}

describe('message structure', () => {
  const msg = parseHl7(
    lines(
      MSH,
      'PID|1||111^^^HOSP&1.2.3&ISO^MR~222^^^SSA^SS||DOE^JANE',
      'NK1|1|DOE^JOHN|SPO',
      'NK1|2|ROE^RICH|BRO',
    ),
  );

  it('numbers MSH fields as the standard does: MSH-1 separator, MSH-2 encoding characters', () => {
    expect(msg.get('MSH-1')).toBe('|');
    expect(msg.get('MSH-2')).toBe('^~\\&');
    expect(msg.get('MSH-3')).toBe('SEND');
    expect(msg.get('MSH-9.2')).toBe('A03');
    expect(msg.messageType).toEqual({ code: 'ADT', trigger: 'A03', structure: 'ADT_A03' });
    expect(msg.controlId).toBe('CTRL1');
    expect(msg.version).toBe('2.5.1');
    expect(msg.processingId).toBe('P');
  });

  it('splits repetitions, components and subcomponents', () => {
    const pid = msg.segment('PID')!;
    expect(field(pid, 3)).toEqual([
      [['111'], [''], [''], ['HOSP', '1.2.3', 'ISO'], ['MR']],
      [['222'], [''], [''], ['SSA'], ['SS']],
    ]);
    expect(repetition(pid, 3, 2)).toEqual([['222'], [''], [''], ['SSA'], ['SS']]);
    expect(component(pid, 3, 5, 2)).toBe('SS');
    expect(subcomponent(pid, 3, 4, 2)).toBe('1.2.3');
    expect(msg.get('PID-3[2].4')).toBe('SSA');
    expect(msg.get('PID-3.4.3')).toBe('ISO');
    expect(msg.get('PID-5.2')).toBe('JANE');
  });

  it('reads a composite through its first component when the path stops above it', () => {
    expect(msg.get('PID-3')).toBe('111');
    expect(msg.get('PID-3.4')).toBe('HOSP');
  });

  it('finds segments by name and occurrence', () => {
    expect(msg.segments('NK1').map((s) => component(s, 2))).toEqual(['DOE', 'ROE']);
    expect(msg.get('NK1[2]-3')).toBe('BRO');
    expect(msg.segments().map((s) => s.name)).toEqual(['MSH', 'PID', 'NK1', 'NK1']);
    expect(msg.segment('NK1', 3)).toBeUndefined();
  });

  it('gives empty values for what is absent instead of failing', () => {
    expect(msg.get('PID-40.1.1')).toBe('');
    expect(msg.get('ZZZ-1')).toBe('');
    expect(msg.getField('PID-99')).toEqual([]);
    expect(msg.getField('PID-2')).toEqual([[['']]]);
  });

  it('rejects malformed paths as programming errors', () => {
    for (const path of ['PID', 'PID-0', 'pid-3', 'PID-3..1', 'PID-3.1.2.3', 'PID[0]-1']) {
      expect(() => msg.get(path)).toThrow(RangeError);
    }
  });
});

describe('segment endings', () => {
  const segs = [MSH, 'PID|1||42', 'PV1|1|I'];
  it.each([
    ['CR', '\r'],
    ['LF (the corpus)', '\n'],
    ['CRLF', '\r\n'],
  ])('accepts %s', (_name, ending) => {
    const msg = parseHl7(segs.join(ending) + ending);
    expect(msg.segments().map((s) => s.name)).toEqual(['MSH', 'PID', 'PV1']);
    expect(msg.get('PID-3')).toBe('42');
    expect(msg.get('PV1-2')).toBe('I');
  });

  it('accepts a last segment with no ending, mixed endings and blank lines', () => {
    const msg = parseHl7('\r\n' + MSH + '\r\nPID|1||42\n\n  \rPV1|1|I');
    expect(msg.segments().map((s) => s.name)).toEqual(['MSH', 'PID', 'PV1']);
    expect(msg.get('PV1-2')).toBe('I');
  });

  it('keeps trailing empty fields and spaces as sent', () => {
    const msg = parseHl7(lines(MSH, 'EVN|A03||| '));
    expect(msg.segment('EVN')!.fields).toEqual([[[['A03']]], [[['']]], [[['']]], [[[' ']]]]);
  });

  it('reads a segment with no fields', () => {
    expect(parseHl7(lines(MSH, 'ZZZ')).segment('ZZZ')!.fields).toEqual([]);
  });
});

describe('delimiters come from each message', () => {
  it('reads a non-default field separator and encoding characters', () => {
    const msg = parseHl7('MSH#*!$@#S#F#R#RF#20250101##ADT*A08#C9#P#2.4\rPID#1##7*8*9*A$F$B!1@2#');
    expect(msg.delimiters).toEqual({
      field: '#',
      component: '*',
      repetition: '!',
      escape: '$',
      subcomponent: '@',
      truncation: undefined,
    });
    expect(msg.get('MSH-9.2')).toBe('A08');
    expect(msg.getField('PID-3')).toEqual([[['7'], ['8'], ['9'], ['A#B']], [['1', '2']]]);
  });

  it('accepts the v2.7 five-character MSH-2 with a truncation character', () => {
    const msg = parseHl7(
      lines('MSH|^~\\&#|S|F|R|RF|20250101||ADT^A03|C1|P|2.7', 'PID|1||42||VERYLONGNAM#^A\\P\\B'),
    );
    expect(msg.delimiters.truncation).toBe('#');
    expect(msg.get('MSH-2')).toBe('^~\\&#');
    // The truncation character marks a cut value and stays in it; \P\ stands for it.
    expect(msg.get('PID-5.1')).toBe('VERYLONGNAM#');
    expect(msg.get('PID-5.2')).toBe('A#B');
  });

  it.each([
    ['3 encoding characters', 'MSH|^~\\|S'],
    ['6 encoding characters', 'MSH|^~\\&#!|S'],
    ['a letter as separator', 'MSHX^~\\&XS'],
    ['a repeated delimiter', 'MSH|^^\\&|S'],
    ['a space as delimiter', 'MSH|^ \\&|S'],
    ['nothing after MSH', 'MSH'],
  ])('rejects %s', (_name, header) => {
    expect(failure(header + '|||ADT^A01|1|P|2.5').code).toBe('invalid-delimiters');
  });
});

describe('escape sequences', () => {
  const value = (raw: string, options?: ParseOptions): string =>
    parseHl7(lines(MSH, `NTE|1||${raw}`), options).get('NTE-3');

  it('decodes the delimiter escapes', () => {
    expect(value('A\\F\\B\\S\\C\\T\\D\\R\\E\\E\\F')).toBe('A|B^C&D~E\\F');
  });

  it('decodes hex escapes, CR and LF included', () => {
    expect(value('line1\\X0D0A\\line2')).toBe('line1\r\nline2');
    expect(value('caf\\XC3A9\\')).toBe('café');
  });

  it('maps formatting commands to text, or keeps them on request', () => {
    expect(value('a\\.br\\b\\.sp 2\\c\\.sk 3\\d\\H\\bold\\N\\\\.in +4\\')).toBe(
      'a\nb\n\nc   dbold',
    );
    expect(value('a\\.br\\b', { formatting: 'keep' })).toBe('a\\.br\\b');
  });

  it('caps repeat counts so a short escape cannot expand into megabytes', () => {
    expect(value('\\.sp 999999999\\')).toBe('\n'.repeat(20));
  });

  it('keeps locally defined \\Z..\\ sequences verbatim', () => {
    expect(value('x\\Zabc\\y')).toBe('x\\Zabc\\y');
  });

  it.each([
    ['unterminated', 'C:\\temp'],
    ['unknown', '\\Q\\'],
    ['empty', 'a\\\\b'],
    ['odd hex', '\\X0\\'],
    ['non-hex', '\\XZZ\\'],
    ['hex not valid UTF-8', '\\XC3\\'],
    ['charset switching', '\\C2842\\'],
    ['\\P\\ without a truncation character', '\\P\\'],
  ])('rejects an %s escape with its position', (_name, raw) => {
    const error = failure(lines(MSH, 'PID|1', `NTE|1||x^${raw}`));
    expect(error.code).toBe('invalid-escape');
    expect(error.location).toMatchObject({ segment: 'NTE', sequence: 1, line: 3, field: 3 });
    expect(error.location?.component).toBe(2);
  });

  it('keeps bad escapes as sent in lenient mode', () => {
    expect(value('C:\\temp\\dir\\Q\\ok\\T\\', { escapes: 'lenient' })).toBe(
      'C:\\temp\\dir\\Q\\ok&',
    );
    expect(value('end\\', { escapes: 'lenient' })).toBe('end\\');
  });

  it('does not unescape MSH-2', () => {
    expect(parseHl7(MSH).getField('MSH-2')).toEqual([[['^~\\&']]]);
  });
});

describe('character sets (MSH-18)', () => {
  const header = (charset: string) =>
    `MSH|^~\\&|S|F|R|RF|20250101||ADT^A08|C1|P|2.5||||||${charset}`;
  const bytes = (head: string, tail: Buffer) =>
    Buffer.concat([Buffer.from(head + '\rPID|1||42||', 'latin1'), tail]);

  it('decodes 8859/1 bytes as latin1', () => {
    const msg = parseHl7(
      bytes(header('8859/1'), Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72])),
    );
    expect(msg.get('PID-5')).toBe('Müller');
  });

  it('decodes UNICODE UTF-8 bytes, and UTF-8 when MSH-18 is empty', () => {
    const name = Buffer.from('Nguyễn', 'utf8');
    expect(parseHl7(bytes(header('UNICODE UTF-8'), name)).get('PID-5')).toBe('Nguyễn');
    expect(parseHl7(bytes(header(''), name)).get('PID-5')).toBe('Nguyễn');
  });

  it('decodes hex escapes in the declared character set', () => {
    const msg = parseHl7(lines(header('8859/1'), 'PID|1||42||M\\XFC\\ller'));
    expect(msg.get('PID-5')).toBe('Müller');
  });

  it('reads the first repetition when MSH-18 repeats', () => {
    const msg = parseHl7(bytes(header('8859/1~UNICODE UTF-8'), Buffer.from([0xe9])));
    expect(msg.get('PID-5')).toBe('é');
  });

  it('rejects bytes that do not match the declared set', () => {
    const latin1Name = Buffer.from([0x4d, 0xfc, 0x6c]);
    expect(failure(bytes(header('UNICODE UTF-8'), latin1Name)).code).toBe('charset-mismatch');
    expect(failure(bytes(header(''), latin1Name)).message).toMatch(/MSH-18/);
    expect(failure(bytes(header('ASCII'), Buffer.from('é', 'utf8'))).code).toBe('charset-mismatch');
  });

  it('rejects a character set it cannot decode', () => {
    const error = failure(bytes(header('ISO IR87'), Buffer.from('x')));
    expect(error.code).toBe('unsupported-charset');
    expect(error.location?.field).toBe(18);
  });

  it('skips a UTF-8 byte-order mark, unless MSH-18 says otherwise', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(parseHl7(Buffer.concat([bom, bytes(header(''), Buffer.from('x'))])).controlId).toBe(
      'C1',
    );
    expect(parseHl7('\ufeff' + header('')).controlId).toBe('C1');
    const latin1 = Buffer.concat([bom, bytes(header('8859/1'), Buffer.from('x'))]);
    expect(failure(latin1).code).toBe('charset-mismatch');
  });
});

describe('header checks', () => {
  it.each([
    ['no MSH', 'PID|1||42', 'missing-header'],
    ['an FHS batch header', 'FHS|^~\\&|S', 'missing-header'],
    ['nothing', '', 'empty'],
    ['only line endings', '\r\n\n', 'empty'],
    ['no message type', 'MSH|^~\\&|S|F|R|RF|2025||||C1|P|2.5', 'missing-header-field'],
    ['no control ID', 'MSH|^~\\&|S|F|R|RF|2025||ADT^A01||P|2.5', 'missing-header-field'],
    ['no version', 'MSH|^~\\&|S|F|R|RF|2025||ADT^A01|C1|P', 'missing-header-field'],
    ['version 2.2', 'MSH|^~\\&|S|F|R|RF|2025||ADT^A01|C1|P|2.2', 'unsupported-version'],
    ['two messages in one', `${MSH}\r${MSH}`, 'unexpected-header'],
  ])('rejects %s', (_name, text, code) => {
    expect(failure(text).code).toBe(code);
  });

  it('accepts versions 2.3 to 2.8, and a caller-chosen list', () => {
    for (const v of ['2.3', '2.3.1', '2.4', '2.5', '2.5.1', '2.6', '2.7', '2.7.1', '2.8']) {
      expect(parseHl7(`MSH|^~\\&|S|F|R|RF|2025||ADT^A01|C1|P|${v}`).version).toBe(v);
    }
    const v22 = 'MSH|^~\\&|S|F|R|RF|2025||ADT^A01|C1|P|2.2';
    expect(parseHl7(v22, { versions: ['2.2'] }).version).toBe('2.2');
  });

  it('locates a missing field for the ERR segment', () => {
    expect(failure('MSH|^~\\&|S|F|R|RF|2025||ADT^A01||P|2.5').location).toEqual({
      segment: 'MSH',
      sequence: 1,
      line: 1,
      field: 10,
    });
  });

  it('rejects segment names that are not three upper-case letters or digits', () => {
    for (const bad of ['pid|1', 'PI|1', 'PIDX|1', ' PID|1', 'P-D|1', '\u000bPID|1']) {
      const error = failure(lines(MSH, 'EVN|A03', bad));
      expect(error.code).toBe('invalid-segment');
      expect(error.location?.line).toBe(3);
    }
  });

  it('refuses input that is neither text nor bytes', () => {
    expect(failure(42 as unknown as string).code).toBe('invalid-input');
    expect(failure(null as unknown as string).code).toBe('invalid-input');
  });
});
