import { describe, expect, it } from 'vitest';
import type { AckOptions } from './ack';
import {
  ackErrorFor,
  buildAck,
  buildParseErrorAck,
  buildRejectAck,
  formatHl7Timestamp,
} from './ack';
import type { Hl7ParseErrorCode } from './errors';
import { Hl7ParseError } from './errors';
import type { Hl7Message } from './message';
import { parseHl7, SUPPORTED_VERSIONS } from './parse';
import { writeHl7 } from './write';

const NOW = new Date('2025-03-04T05:06:07.890Z');
const header = (version: string, extra = '') =>
  `MSH|^~\\&|ADT1|GOOD HOSP^1.2.3^ISO|CAREDESK|CD FAC|20250101||ADT^A03^ADT_A03|MSG42|P^T|${version}${extra}`;
const original = (version: string, extra = '') =>
  parseHl7(`${header(version, extra)}\rEVN|A03\rPID|1||123^^^HOSP^MR`);

/** The ACK as a receiver sees it: written, then parsed back (old versions echoed too). */
function sent(ack: Hl7Message): Hl7Message {
  return parseHl7(writeHl7(ack), { versions: [...SUPPORTED_VERSIONS, '2.1', '2.2'] });
}

function ackOf(version: string, options: Omit<AckOptions, 'now' | 'controlId'>): Hl7Message {
  return sent(
    buildAck(original(version), { ...options, controlId: 'ACK1', now: NOW } as AckOptions),
  );
}

describe('buildAck', () => {
  it('answers AA with sender and receiver swapped and version, processing id kept', () => {
    const ack = ackOf('2.5.1', { code: 'AA' });
    expect(ack.segments().map((s) => s.name)).toEqual(['MSH', 'MSA']);
    expect(ack.getField('MSH-3')).toEqual([[['CAREDESK']]]);
    expect(ack.getField('MSH-4')).toEqual([[['CD FAC']]]);
    expect(ack.getField('MSH-5')).toEqual([[['ADT1']]]);
    expect(ack.getField('MSH-6')).toEqual([[['GOOD HOSP'], ['1.2.3'], ['ISO']]]);
    expect(ack.get('MSH-7')).toBe('20250304050607+0000');
    expect(ack.getField('MSH-9')).toEqual([[['ACK'], ['A03'], ['ACK']]]);
    expect(ack.controlId).toBe('ACK1');
    expect(ack.getField('MSH-11')).toEqual([[['P'], ['T']]]);
    expect(ack.version).toBe('2.5.1');
    expect(ack.get('MSA-1')).toBe('AA');
    expect(ack.get('MSA-2')).toBe('MSG42');
  });

  it('puts the error in ERR-2..ERR-8 for v2.5 and later', () => {
    for (const version of ['2.5', '2.6', '2.7', '2.8']) {
      const ack = ackOf(version, {
        code: 'AE',
        error: {
          code: '101',
          location: { segment: 'PID', field: 3, component: 5 },
          text: 'No MR identifier',
          diagnostic: 'PID-3 had no CX with type MR',
        },
      });
      expect(ack.get('MSA-1')).toBe('AE');
      expect(ack.get('MSA-3')).toBe('');
      const err = ack.segment('ERR')!;
      expect(err.fields[0]).toEqual([[['']]]); // ERR-1 is not used from v2.5
      expect(ack.getField('ERR-2')).toEqual([[['PID'], ['1'], ['3'], ['1'], ['5']]]);
      expect(ack.getField('ERR-3')).toEqual([[['101'], ['Required field missing'], ['HL70357']]]);
      expect(ack.get('ERR-4')).toBe('E');
      expect(ack.get('ERR-7')).toBe('PID-3 had no CX with type MR');
      expect(ack.get('ERR-8')).toBe('No MR identifier');
    }
  });

  it('puts the error in ERR-1, MSA-3 and MSA-6 for v2.3 and v2.4', () => {
    for (const version of ['2.3', '2.3.1', '2.4']) {
      const ack = ackOf(version, {
        code: 'AR',
        error: { code: '203', location: { segment: 'MSH', field: 12 }, text: 'Use 2.5' },
      });
      expect(ack.get('MSA-1')).toBe('AR');
      expect(ack.get('MSA-2')).toBe('MSG42');
      expect(ack.get('MSA-3')).toBe('Use 2.5');
      expect(ack.getField('MSA-6')).toEqual([[['203'], ['Unsupported version id'], ['HL70357']]]);
      expect(ack.getField('ERR-1')).toEqual([
        [['MSH'], ['1'], ['12'], ['203', 'Unsupported version id', 'HL70357']],
      ]);
      expect(ack.segment('ERR')!.fields).toHaveLength(1);
    }
  });

  it('writes MSH-9 without the message structure for v2.3, which has no MSH-9.3', () => {
    expect(ackOf('2.3', { code: 'AA' }).getField('MSH-9')).toEqual([[['ACK'], ['A03']]]);
    expect(ackOf('2.3.1', { code: 'AA' }).getField('MSH-9')).toEqual([[['ACK'], ['A03'], ['ACK']]]);
  });

  it('supports enhanced-mode commit codes and warnings on a positive ACK', () => {
    expect(ackOf('2.5', { code: 'CA' }).get('MSA-1')).toBe('CA');
    const warned = ackOf('2.5', {
      code: 'AA',
      error: { code: '103', severity: 'W', location: { segment: 'PV1', field: 36 } },
    });
    expect(warned.get('MSA-1')).toBe('AA');
    expect(warned.get('ERR-4')).toBe('W');
    expect(warned.get('ERR-2.3')).toBe('36');
    expect(ackOf('2.5', { code: 'CR', error: { code: '207' } }).get('ERR-3')).toBe('207');
  });

  it('answers in the original’s delimiters and character set', () => {
    const custom = parseHl7('MSH#*!$@#A#F#B#G#2025##ADT*A08#X1#P#2.7######8859/1');
    const ack = sent(
      buildAck(custom, {
        code: 'AE',
        controlId: 'K',
        now: NOW,
        error: { code: '207', text: 'a#b*c' },
      }),
    );
    expect(ack.delimiters.field).toBe('#');
    expect(writeHl7(buildAck(custom, { code: 'AA', controlId: 'K', now: NOW }))).toMatch(
      /^MSH#\*!\$@#B#G#A#F#/,
    );
    expect(ack.get('MSH-18')).toBe('8859/1');
    expect(ack.get('ERR-8')).toBe('a#b*c');
  });

  it('escapes error text so it cannot break the ACK', () => {
    const text = 'bad |^~\\& value\r\nMSH|injected';
    const ack = ackOf('2.5', { code: 'AE', error: { code: '102', text } });
    expect(ack.segments().map((s) => s.name)).toEqual(['MSH', 'MSA', 'ERR']);
    expect(ack.get('ERR-8')).toBe(text);
  });
});

describe('buildRejectAck for a message too broken to parse', () => {
  const error = { code: '102' as const, text: 'cannot read the message' };
  const reject = (received: string | Uint8Array | undefined) =>
    sent(buildRejectAck(received, { controlId: 'R1', now: NOW, error }));

  it('echoes what it can read of a header with bad encoding characters', () => {
    const broken = 'MSH|^~\\|ADT1|HOSP|CAREDESK|CD|2025||ADT^A01|MSG7|P|2.4\rPID|garbage';
    expect(() => parseHl7(broken)).toThrow(Hl7ParseError);
    const ack = reject(broken);
    expect(ack.get('MSH-3')).toBe('CAREDESK');
    expect(ack.get('MSH-5')).toBe('ADT1');
    expect(ack.version).toBe('2.4');
    expect(ack.get('MSA-1')).toBe('AR');
    expect(ack.get('MSA-2')).toBe('MSG7');
    expect(ack.get('ERR-1.4.1')).toBe('102'); // v2.4 style
  });

  it('answers even when nothing is readable', () => {
    for (const received of [undefined, '', 'garbage', Buffer.from([0xff, 0x00, 0x0b, 0x1c])]) {
      const ack = reject(received);
      expect(ack.get('MSA-1')).toBe('AR');
      expect(ack.get('MSA-2')).toBe('');
      expect(ack.version).toBe('2.5.1');
      expect(ack.getField('MSH-9')).toEqual([[['ACK'], [''], ['ACK']]]);
      expect(ack.getField('ERR-3')).toEqual([[['102'], ['Data type error'], ['HL70357']]]);
    }
  });

  it('echoes an unsupported version, and answers in its ERR style', () => {
    const ack = reject('MSH|^~\\&|A|B|C|D|2025||ADT^A01|OLD1|P|2.2');
    expect(ack.version).toBe('2.2');
    expect(ack.get('MSA-2')).toBe('OLD1');
    expect(ack.get('ERR-1.4')).toBe('102');
  });

  it('bounds what it copies from hostile input', () => {
    const ack = reject(
      `MSH|^~\\&|${'A'.repeat(100_000)}|B|C|D|2025||ADT^A01|${'9'.repeat(5000)}|P|2.5`,
    );
    expect(ack.get('MSH-5').length).toBeLessThanOrEqual(199);
    expect(ack.get('MSA-2').length).toBeLessThanOrEqual(199);
  });

  it('reads a Buffer, after a byte-order mark or an MLLP start byte', () => {
    const bytes = Buffer.concat([
      Buffer.from([0x0b, 0xef, 0xbb, 0xbf]),
      Buffer.from('MSH|^~\\&|Hôpital|F|R|RF|2025||ADT^A01|B1|P|2.5|||||||||\r', 'utf8'),
    ]);
    const ack = reject(bytes);
    expect(ack.get('MSH-5')).toBe('Hôpital');
    expect(ack.get('MSA-2')).toBe('B1');
  });
});

describe('buildParseErrorAck', () => {
  function parseError(text: string): Hl7ParseError {
    try {
      parseHl7(text);
    } catch (error) {
      return error as Hl7ParseError;
    }
    throw new Error('expected a parse error');
  }
  const answer = (text: string) =>
    sent(buildParseErrorAck(text, parseError(text), { controlId: 'P1', now: NOW }));

  it('rejects a missing control ID with 101 at MSH-10', () => {
    const ack = answer('MSH|^~\\&|A|B|C|D|2025||ADT^A01||P|2.5');
    expect(ack.get('MSA-1')).toBe('AR');
    expect(ack.get('ERR-3')).toBe('101');
    expect(ack.getField('ERR-2')).toEqual([[['MSH'], ['1'], ['10'], ['1']]]);
  });

  it('answers a bad escape in the body with AE 102 and its position', () => {
    const ack = answer('MSH|^~\\&|A|B|C|D|2025||ADT^A03|M9|P|2.6\rPID|1||x^\\Q\\');
    expect(ack.get('MSA-1')).toBe('AE');
    expect(ack.get('MSA-2')).toBe('M9');
    expect(ack.get('ERR-3')).toBe('102');
    expect(ack.getField('ERR-2')).toEqual([[['PID'], ['1'], ['3'], ['1'], ['2'], ['1']]]);
  });

  it('rejects an unsupported version with 203', () => {
    const ack = answer('MSH|^~\\&|A|B|C|D|2025||ADT^A01|M1|P|2.1');
    expect([ack.get('MSA-1'), ack.get('ERR-1.4')]).toEqual(['AR', '203']);
  });

  it('maps every parse error code to an answer', () => {
    const codes: Hl7ParseErrorCode[] = [
      'invalid-input',
      'empty',
      'too-large',
      'limit-exceeded',
      'missing-header',
      'unexpected-header',
      'invalid-delimiters',
      'invalid-segment',
      'missing-header-field',
      'unsupported-version',
      'unsupported-charset',
      'charset-mismatch',
      'invalid-escape',
      'internal',
    ];
    const table = Object.fromEntries(
      codes.map((code) => {
        const { code: ack, error } = ackErrorFor(new Hl7ParseError(code, 'x'));
        return [code, `${ack} ${error.code}`];
      }),
    );
    expect(table).toEqual({
      'invalid-input': 'AR 100',
      empty: 'AR 100',
      'too-large': 'AE 104',
      'limit-exceeded': 'AE 104',
      'missing-header': 'AR 100',
      'unexpected-header': 'AE 100',
      'invalid-delimiters': 'AR 102',
      'invalid-segment': 'AE 100',
      'missing-header-field': 'AR 101',
      'unsupported-version': 'AR 203',
      'unsupported-charset': 'AR 102',
      'charset-mismatch': 'AR 102',
      'invalid-escape': 'AE 102',
      internal: 'AR 207',
    });
  });
});

describe('formatHl7Timestamp', () => {
  it('writes UTC with an explicit offset', () => {
    expect(formatHl7Timestamp(new Date('1999-12-31T23:59:59.999Z'))).toBe('19991231235959+0000');
  });
});
