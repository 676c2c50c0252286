import { DomainError } from '@caredesk/core';
import { parseHl7 } from '@caredesk/interop/hl7v2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../storage/database';
import { testMac } from '../audit/testing/audit-fixtures';
import { verifyAuditTrail } from '../audit/audit-verify';
import { addOrganization } from '../storage/contract/registry-fixtures';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { adt, clock, evn, pid, pv1, testAdtHandlers } from './adt/testing/adt-messages';
import { Hl7Inbox, type Hl7Handler } from './hl7-inbox';

/**
 * Frames a sender pipelined, received as one batch (one transaction, one commit): each
 * message keeps the outcome it would have had alone, in order. On PostgreSQL an error
 * aborts the transaction until the savepoint is rolled back, so both engines run it.
 */
export function describeInboxBatchContract(engine: Engine): void {
  describe(`HL7 inbox: a pipelined batch (${engine})`, () => {
    let t: TestDatabase;
    let org: string;
    let inbox: Hl7Inbox;

    beforeEach(async () => {
      t = await createTestDatabase(engine);
      org = await addOrganization(t.database, 'Riga East Hospital');
      const handlers = new Map(testAdtHandlers(t.database));
      const update = handlers.get('ADT^A08')!;
      // A08 here writes everything a real one does, then fails: its writes must go.
      const failingUpdate: Hl7Handler = async (trx, message, ctx) => {
        await update(trx, message, ctx);
        throw new DomainError('validation', 'test.refused', 'Refused after writing.');
      };
      handlers.set('ADT^A08', failingUpdate);
      inbox = new Hl7Inbox({ database: t.database, clock, organizationId: org, handlers });
    });
    afterEach(() => t.dispose());

    const mrns = async () =>
      (
        await t.database.db
          .selectFrom('patient_identifiers')
          .select('value')
          .orderBy('value')
          .execute()
      ).map((r) => r.value);
    const stored = async () =>
      (
        await t.database.db
          .selectFrom('hl7_messages')
          .select(['control_id', 'status', 'ack_code'])
          .orderBy('id')
          .execute()
      ).map((r) => `${r.control_id ?? '-'} ${r.status} ${r.ack_code}`);

    it('answers each message in order; a failing one in the middle is AE with nothing of it kept', async () => {
      const visit = { visit: 'V-1', admit: '202611200800+0100' };
      const receipts = await inbox.receiveBatch(
        [
          adt('A01', 'B-1', evn('A01'), pid('MRN-1'), pv1(visit)),
          // Sees the admission above, written in the same transaction and not yet committed.
          adt(
            'A03',
            'B-2',
            evn('A03'),
            pid('MRN-1'),
            pv1({ ...visit, discharge: '202611211000+0100' }),
          ),
          adt('A08', 'B-3', evn('A08'), pid('MRN-3', { family: 'Kalnina' }), pv1({ visit: 'V-3' })),
          adt('A04', 'B-4', evn('A04'), pid('MRN-4'), pv1({ visit: 'V-4', cls: 'O' })),
        ],
        '127.0.0.1',
      );
      expect(receipts.map((r) => r.ackCode)).toEqual(['AA', 'AA', 'AE', 'AA']);
      expect(receipts.map((r) => parseHl7(r.ack).get('MSA-2'))).toEqual([
        'B-1',
        'B-2',
        'B-3',
        'B-4',
      ]);
      expect(parseHl7(receipts[2]!.ack).get('ERR-8')).toBe('Refused after writing.');
      expect(await mrns()).toEqual(['MRN-1', 'MRN-4']);
      const visits = await t.database.db.selectFrom('encounters').select('status').execute();
      expect(visits.map((v) => v.status).sort()).toEqual(['arrived', 'finished']);
      expect(await stored()).toEqual([
        'B-1 processed AA',
        'B-2 processed AA',
        'B-3 failed AE',
        'B-4 processed AA',
      ]);
      // The failed message's audit entries went with it; the chain still verifies.
      expect(await verifyAuditTrail(t.database, testMac)).toMatchObject({ ok: true });
    });

    it('keeps duplicate control ids apart within one batch, and refuses what it cannot read', async () => {
      const first = adt('A04', 'DUP-1', evn('A04'), pid('MRN-5'), pv1({ visit: 'V-5', cls: 'O' }));
      const other = adt('A04', 'DUP-1', evn('A04'), pid('MRN-6'), pv1({ visit: 'V-6', cls: 'O' }));
      const receipts = await inbox.receiveBatch(
        [first, first, other, Buffer.from('not an HL7 message'), Buffer.from(first)],
        null,
      );
      expect(receipts.map((r) => [r.ackCode, r.duplicate])).toEqual([
        ['AA', false],
        ['AA', true],
        ['AR', false],
        ['AR', false],
        ['AA', true],
      ]);
      expect(receipts[1]!.ack.equals(receipts[0]!.ack)).toBe(true);
      expect(parseHl7(receipts[2]!.ack).get('ERR-3.1')).toBe('205');
      expect(await mrns()).toEqual(['MRN-5']);
      expect(await stored()).toEqual(['DUP-1 processed AA', '- rejected AR', '- rejected AR']);
    });

    it('answers a repeat of a message committed in an earlier batch with its first ACK', async () => {
      const raw = adt('A04', 'R-1', evn('A04'), pid('MRN-7'), pv1({ visit: 'V-7', cls: 'O' }));
      const [a] = await inbox.receiveBatch(
        [raw, adt('A04', 'R-2', evn('A04'), pid('MRN-8'), pv1({ visit: 'V-8', cls: 'O' }))],
        null,
      );
      const [again, next] = await inbox.receiveBatch(
        [raw, adt('A04', 'R-3', evn('A04'), pid('MRN-9'), pv1({ visit: 'V-9', cls: 'O' }))],
        null,
      );
      expect(again).toMatchObject({ ackCode: 'AA', duplicate: true });
      expect(again!.ack.equals(a!.ack)).toBe(true);
      expect(next!.ackCode).toBe('AA');
      expect(await mrns()).toEqual(['MRN-7', 'MRN-8', 'MRN-9']);
    });
  });
}
