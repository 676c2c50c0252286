import { describe, expect, it } from 'vitest';
import { hl7ListPath } from './hl7-api';
import { outcomeKey } from './hl7-labels';

describe('the HL7 messages page', () => {
  it('names each acknowledgement code in words, by the stored status when the code is unknown', () => {
    expect(outcomeKey({ ackCode: 'AA', status: 'processed' })).toBe('web.hl7.outcome.AA');
    expect(outcomeKey({ ackCode: 'AE', status: 'failed' })).toBe('web.hl7.outcome.AE');
    expect(outcomeKey({ ackCode: 'AR', status: 'rejected' })).toBe('web.hl7.outcome.AR');
    expect(outcomeKey({ ackCode: null, status: 'failed' })).toBe('web.hl7.outcome.AE');
    expect(outcomeKey({ ackCode: 'CA', status: 'processed' })).toBe('web.hl7.outcome.AA');
  });

  it('asks for one status, or every message, and passes the cursor back encoded', () => {
    expect(hl7ListPath('failed', null)).toBe('/api/hl7/messages?limit=25&status=failed');
    expect(hl7ListPath('all', null)).toBe('/api/hl7/messages?limit=25');
    expect(hl7ListPath('rejected', '2026-11-24T18:00:00.000Z|0193+a/b')).toBe(
      '/api/hl7/messages?limit=25&status=rejected&cursor=2026-11-24T18%3A00%3A00.000Z%7C0193%2Ba%2Fb',
    );
  });
});
