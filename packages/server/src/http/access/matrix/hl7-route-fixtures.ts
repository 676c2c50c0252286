import { createHash, randomUUID } from 'node:crypto';
import { insertMessage } from '../../../storage/care-transitions/hl7-message-store';
import type { Hl7MessageStatus } from '../../../storage/care-transitions/hl7-tables';
import { fresh, type Fixture } from './fixture-support';
import type { MatrixWorld } from './matrix-world';

async function storedHl7Message(w: MatrixWorld, status: Hl7MessageStatus): Promise<string> {
  const controlId = `MATRIX-${fresh()}`;
  const raw = Buffer.from(
    `MSH|^~\\&|ADT|HOSP|CAREDESK|CLINIC|20261124120000||ADT^A03|${controlId}|P|2.5.1\r`,
  );
  const id = randomUUID();
  const at = w.clock.now().toISOString();
  await insertMessage(w.desk.database.db, {
    id,
    organization_id: w.desk.organizationId,
    received_at: at,
    remote_address: '127.0.0.1',
    sending_application: 'ADT',
    sending_facility: 'HOSP',
    control_id: controlId,
    message_type: 'ADT^A03',
    version: '2.5.1',
    sha256: createHash('sha256').update(raw).digest('hex'),
    size: raw.length,
    raw,
    status,
    ack_code: status === 'processed' ? 'AA' : 'AE',
    ack: `MSH|^~\\&|CAREDESK|CLINIC|ADT|HOSP|20261124120000||ACK^A03^ACK|X|P|2.5.1\rMSA|AA|${controlId}\r`,
    error: null,
    error_key: null,
    attempts: 1,
    last_attempt_at: at,
    processed_at: status === 'processed' ? at : null,
    superseded_by: null,
  });
  return id;
}

/** The HL7 v2 feed's admin routes (issue #6 point 1). */
export const HL7_FIXTURES: Record<string, Fixture> = {
  'GET /api/hl7/messages': async () => ({ url: '/api/hl7/messages?status=failed&limit=5' }),
  'GET /api/hl7/messages/:id': async (w) => ({
    url: `/api/hl7/messages/${await storedHl7Message(w, 'failed')}`,
  }),
  // Processed already: an allowed caller gets 409 and nothing is processed again (the
  // replay itself is tested in hl7-message-routes.test.ts).
  'POST /api/hl7/messages/:id/replay': async (w) => ({
    url: `/api/hl7/messages/${await storedHl7Message(w, 'processed')}/replay`,
  }),
};
