import { parseHl7 } from '@caredesk/interop/hl7v2';
import { describe, expect, it } from 'vitest';
import { feedMessage } from './hl7-feed';

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
