import { parseHl7 } from '@caredesk/interop/hl7v2';
import { describe, expect, it } from 'vitest';
import { EVENT_KINDS, EVENT_POOL_PATIENTS } from './hl7-events';
import { feedMessage } from './hl7-messages';

describe('the HL7 feed benchmark messages', () => {
  it('registers a new patient, then discharges that visit, with unique control ids', () => {
    const at = new Date('2026-11-24T18:30:00Z');
    const [admit, discharge] = [0, 1].map((n) => parseHl7(feedMessage(n, 'T', at)));
    expect(admit!.messageType.trigger).toBe('A04');
    expect(discharge!.messageType.trigger).toBe('A03');
    expect([admit!.controlId, discharge!.controlId]).toEqual(['T-0', 'T-1']);
    expect(admit!.get('PID-3.1')).toBe(discharge!.get('PID-3.1'));
    expect(admit!.get('PID-3.5')).toBe('MR');
    expect(discharge!.get('PV1-36')).toBe('01');
    expect(discharge!.get('PV1-45')).toBe('20261124183000');
    expect(parseHl7(feedMessage(2, 'T', at)).get('PID-3.1')).not.toBe(admit!.get('PID-3.1'));
  });
});

describe('the per-event windows of the HL7 feed benchmark', () => {
  const at = new Date('2026-11-24T18:30:00Z');
  const kind = (name: string) => EVENT_KINDS.find((k) => k.name.startsWith(name))!;
  const parse = (name: string, n: number) => parseHl7(kind(name).message(n, at));

  it('are about the pool: the same patients, restated as they were registered', () => {
    const update = parse('A08 update, nothing', 7);
    expect(update.messageType.trigger).toBe('A08');
    expect(update.get('PID-3.1')).toBe(
      parse('A08 update, nothing', 7 + EVENT_POOL_PATIENTS).get('PID-3.1'),
    );
    expect(update.get('PID-13')).toBe(
      parse('A08 update, nothing', 7 + EVENT_POOL_PATIENTS).get('PID-13'),
    );
    const phone = [7, 7 + EVENT_POOL_PATIENTS].map((n) =>
      parse('A08 update, new phone', n).get('PID-13.7'),
    );
    expect(phone[0]).not.toBe(phone[1]);
    expect(parse('A08 update, new phone', 7).get('PID-3.1')).toBe(update.get('PID-3.1'));
  });

  it('admit a new stay per message, move it to another bed, then discharge it', () => {
    const admit = parse('A01', 1_234);
    expect(admit.get('PV1-2')).toBe('I');
    expect(parse('A01', 1_235).get('PV1-19.1')).not.toBe(admit.get('PV1-19.1'));
    // The transfer of message n moves the stay admitted by message n % pool, of its patient.
    const move = parse('A02', 1_234 + EVENT_POOL_PATIENTS);
    const admitted = parse('A01', 1_234 % EVENT_POOL_PATIENTS);
    expect(move.get('PV1-19.1')).toBe(admitted.get('PV1-19.1'));
    expect(move.get('PID-3.1')).toBe(admitted.get('PID-3.1'));
    expect(move.get('PV1-3.2')).not.toBe(admitted.get('PV1-3.2'));
    const discharge = parse('A03', 1_234);
    expect(discharge.get('PV1-19.1')).toBe(admit.get('PV1-19.1'));
    expect([discharge.get('PV1-36'), discharge.get('PV1-45')]).toEqual(['01', '20261124183000']);
    expect(new Set(EVENT_KINDS.map((k) => parseHl7(k.message(3, at)).controlId)).size).toBe(5);
  });
});
