/**
 * Every HL7 v2 message of the shared corpus (read in place from ../shared/corpus/hl7v2, never
 * copied) parses, survives a write/parse round trip, and yields the values the follow-up
 * rules depend on (standards brief §3).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusDir, corpusFiles } from '../fhir/testing/corpus';
import { buildAck } from './ack';
import type { Hl7Message } from './message';
import { component, subcomponent } from './message';
import { parseHl7 } from './parse';
import { writeHl7 } from './write';

const files = corpusFiles('hl7v2', /\.hl7$/);
const read = (file: string): Buffer => readFileSync(corpusDir('hl7v2', file));
const parsed = (file: string): Hl7Message => parseHl7(read(file));

/** The PID-3 repetition whose identifier type (CX.5) is MR, as the brief's mapping asks. */
function medicalRecordNumber(msg: Hl7Message) {
  const pid = msg.segment('PID')!;
  const count = msg.getField('PID-3').length;
  for (let r = 1; r <= count; r++) {
    if (component(pid, 3, 5, r) !== 'MR') continue;
    return {
      id: component(pid, 3, 1, r),
      authority: [1, 2, 3].map((s) => subcomponent(pid, 3, 4, s, r)),
    };
  }
  return undefined;
}

describe('the shared HL7 v2 corpus', () => {
  it('is there to test against', () => {
    expect(files.length).toBeGreaterThanOrEqual(90);
  });

  it.each(files)('%s parses from bytes and from text, and round-trips', (file) => {
    const msg = parsed(file);
    expect(msg.segmentList.length).toBeGreaterThan(1);
    expect(parseHl7(read(file).toString('utf8')).segmentList).toEqual(msg.segmentList);
    expect(parseHl7(writeHl7(msg)).segmentList).toEqual(msg.segmentList);
    // Files named TYPE-EVENT-NN carry that message type and trigger in MSH-9.
    const named = /^([A-Z]{3})-([A-Z]\d{2})-/.exec(file);
    if (named) {
      expect([msg.messageType.code, msg.messageType.trigger]).toEqual([named[1], named[2]]);
    }
  });

  it.each(['ADT-A03-01.hl7', 'ADT-A03-02.hl7'])('%s gives what a discharge needs', (file) => {
    const msg = parsed(file);
    expect(msg.get('MSH-9.2')).toBe('A03');
    expect(msg.controlId).toBe('MSG00001');
    expect(msg.version).toBe('2.8');
    expect(medicalRecordNumber(msg)).toEqual({
      id: 'PATID1234',
      authority: ['test1', '2.16.1', 'HCD'],
    });
    expect(msg.get('PID-3[2].5')).toBe('SS');
    expect(msg.get('PV1-2')).toBe('P');
    // A CWE where table 0112 expects a code: one of the real-feed traps.
    expect(msg.getField('PV1-36')).toEqual([[['Admitted as Inpatient'], ['Sample'], ['ACR']]]);
    expect(msg.get('PV1-44')).toBe('20150208113419+0110');
    expect(msg.get('PV1-45')).toBe('20150209113419+0110');
    expect(msg.get('PV1-14')).toBe('NHS Provider-General (inc.A&E-this Hosp)'); // \T\ decoded
  });

  it('reads the cancel-discharge time of ADT-A13-02', () => {
    const msg = parsed('ADT-A13-02.hl7');
    expect(msg.get('MSH-9.2')).toBe('A13');
    expect(msg.get('PV1-45')).toBe('20150208113419+0110');
  });

  it('reads a v2.3 file with a byte-order mark and trailing spaces (ADT01-23)', () => {
    const msg = parsed('ADT01-23.hl7');
    expect(msg.version).toBe('2.3');
    expect(msg.getField('MSH-9')).toEqual([[['ADT'], ['A01']]]);
    expect(msg.controlId).toBe('599102');
    expect(medicalRecordNumber(msg)).toEqual({ id: '10006579', authority: ['1', '', ''] });
    expect(msg.get('PV1-2')).toBe('I');
    expect(msg.get('EVN-2')).toBe('20050110045502+0700');
  });

  it('keeps a sender’s misplaced identifier type as sent (ADT04-28: MR in CX.4)', () => {
    const msg = parsed('ADT04-28.hl7');
    expect(msg.get('PID-3.1')).toBe('0000000001');
    expect(msg.get('PID-3.4')).toBe('MR');
    expect(msg.get('PID-3.5')).toBe('');
    expect(medicalRecordNumber(msg)).toBeUndefined();
  });

  it('reads both patient/merge pairs of ADT-A40-02', () => {
    const msg = parsed('ADT-A40-02.hl7');
    expect(msg.segments('PID')).toHaveLength(2);
    expect([msg.get('MRG-1'), msg.get('MRG[2]-1')]).toEqual(['56789', '569']);
    expect(msg.get('PID[2]-3')).toBe('145');
  });

  it('reads v2.5.1 NK1 relationship components (ADT01-28)', () => {
    const msg = parsed('ADT01-28.hl7');
    expect(msg.version).toBe('2.5.1');
    expect(msg.getField('NK1-3')).toEqual([[['SPO'], ['SPOUSE']]]);
  });

  it('acknowledges a corpus message with the sender and receiver swapped', () => {
    const original = parsed('ADT-A03-01.hl7');
    const ack = parseHl7(
      writeHl7(buildAck(original, { code: 'AA', controlId: 'ACK-1', now: new Date(0) })),
    );
    expect(ack.getField('MSH-5')).toEqual(original.getField('MSH-3'));
    expect(ack.getField('MSH-6')).toEqual(original.getField('MSH-4'));
    expect(ack.getField('MSH-3')).toEqual(original.getField('MSH-5'));
    expect(ack.get('MSA-2')).toBe('MSG00001');
    expect(ack.getField('MSH-9')).toEqual([[['ACK'], ['A03'], ['ACK']]]);
  });
});
