import { readFileSync } from 'node:fs';
import { DomainError } from '@caredesk/core';
import { corpusDir } from '@caredesk/interop/fhir-testing';
import { parseHl7, type Hl7Message } from '@caredesk/interop/hl7v2';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listMessages } from '../storage/care-transitions/hl7-message-store';
import type { Schema } from '../storage/schema';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { addOrganization } from '../storage/contract/registry-fixtures';
import { Hl7Inbox, type Hl7Handler } from './hl7-inbox';

const clock = { now: () => new Date('2026-11-24T18:00:00.000Z') };
const corpus = (file: string) => readFileSync(corpusDir('hl7v2', file));
/** A corpus message with its control id (MSH-10) replaced, as a second message would be. */
const withControlId = (raw: Buffer, id: string) => {
  const text = raw.toString('utf8');
  const msh = text.split('\n', 1)[0]!.split('|');
  msh[9] = id;
  return Buffer.from([msh.join('|'), ...text.split('\n').slice(1)].join('\n'), 'utf8');
};

describe('HL7 inbox: stored raw, acknowledged after commit, processed once', () => {
  let t: TestDatabase;
  let org: string;
  let handled: string[];
  let failNext: DomainError | Error | null;

  /** Writes a row as an ADT handler writes records, then fails when told to. */
  const discharge: Hl7Handler = async (trx: Kysely<Schema>, m: Hl7Message) => {
    await trx
      .insertInto('settings')
      .values({ key: `seen:${m.controlId}`, value: 'x' })
      .execute();
    if (failNext) throw failNext;
    handled.push(m.controlId);
  };
  const inbox = () =>
    new Hl7Inbox({
      database: t.database,
      clock,
      organizationId: org,
      handlers: new Map([['ADT^A03', discharge]]),
    });
  const seen = async () =>
    (
      await t.database.db
        .selectFrom('settings')
        .select('key')
        .where('key', 'like', 'seen:%')
        .execute()
    ).map((r) => r.key);

  beforeEach(async () => {
    t = await createTestDatabase('sqlite');
    org = await addOrganization(t.database, 'General Hospital');
    handled = [];
    failNext = null;
  });
  afterEach(() => t.dispose());

  it('acknowledges a discharge with AA after storing it byte for byte, once per control id', async () => {
    const raw = corpus('ADT-A03-01.hl7');
    const controlId = parseHl7(raw).controlId;
    const first = await inbox().receive(raw, '127.0.0.1');
    expect(first).toMatchObject({ status: 'processed', ackCode: 'AA', duplicate: false });
    expect(parseHl7(first.ack).get('MSA-1')).toBe('AA');
    expect(parseHl7(first.ack).get('MSA-2')).toBe(controlId);
    const again = await inbox().receive(raw, '127.0.0.1');
    expect(again.duplicate).toBe(true);
    expect(again.ack.equals(first.ack)).toBe(true);
    expect(handled).toEqual([controlId]);
    const stored = await t.database.db.selectFrom('hl7_messages').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(Buffer.from(stored[0]!.raw).equals(raw)).toBe(true);
    expect(stored[0]).toMatchObject({ status: 'processed', message_type: 'ADT^A03', attempts: 1 });
  });

  it('answers AE when the message cannot be processed, keeps nothing it wrote, and replays it', async () => {
    const raw = withControlId(corpus('ADT-A03-02.hl7'), 'FAIL-1');
    failNext = new DomainError('validation', 'hl7.adt.no-patient', 'PID-3 holds no MR identifier.');
    const failed = await inbox().receive(raw, null);
    expect(failed).toMatchObject({ status: 'failed', ackCode: 'AE' });
    expect(parseHl7(failed.ack).segment('ERR')).toBeDefined();
    expect(await seen()).toEqual([]);
    const page = await listMessages(t.database.db, org, 'failed', 10);
    expect(page.items.map((m) => m.error)).toEqual(['PID-3 holds no MR identifier.']);

    failNext = null;
    const replayed = await inbox().replay(org, page.items[0]!.id);
    expect(replayed).toMatchObject({ status: 'processed', ackCode: 'AA' });
    expect(await seen()).toEqual(['seen:FAIL-1']);
    const row = await t.database.db
      .selectFrom('hl7_messages')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'processed', attempts: 2 });
    await expect(inbox().replay(org, row.id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('processes a repeat of a failed message again (the sender retrying after AE)', async () => {
    const raw = withControlId(corpus('ADT-A03-01.hl7'), 'RETRY-1');
    failNext = new Error('disk full');
    expect((await inbox().receive(raw, null)).ackCode).toBe('AE');
    failNext = null;
    expect((await inbox().receive(raw, null)).ackCode).toBe('AA');
    expect(handled).toEqual(['RETRY-1']);
    expect(await t.database.db.selectFrom('hl7_messages').select('attempts').execute()).toEqual([
      { attempts: 2 },
    ]);
  });

  it('keeps a failed message when a different one takes its control id, and lists only the new', async () => {
    failNext = new DomainError('validation', 'hl7.adt.no-patient', 'PID-3 holds no MR identifier.');
    const first = withControlId(corpus('ADT-A03-01.hl7'), 'FIX-1');
    expect((await inbox().receive(first, null)).ackCode).toBe('AE');
    failNext = null;
    const corrected = withControlId(corpus('ADT-A03-02.hl7'), 'FIX-1');
    expect((await inbox().receive(corrected, null)).ackCode).toBe('AA');
    const rows = await t.database.db
      .selectFrom('hl7_messages')
      .selectAll()
      .orderBy('received_at')
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.status, r.attempts, r.superseded_by === rows[1]!.id])).toEqual([
      ['failed', 1, true],
      ['processed', 1, false],
    ]);
    expect(Buffer.from(rows[0]!.raw).equals(first)).toBe(true);
    expect((await listMessages(t.database.db, org, 'failed', 10)).items).toEqual([]);
    expect((await listMessages(t.database.db, org, null, 10)).items).toHaveLength(2);
    await expect(inbox().replay(org, rows[0]!.id)).rejects.toMatchObject({
      messageKey: 'hl7.replay.superseded',
    });
    // The control id now answers with the processed message's ACK.
    expect((await inbox().receive(corrected, null)).duplicate).toBe(true);
  });

  it('rejects with AR what it cannot read or does not take, and keeps it for admins', async () => {
    const garbage = Buffer.from('this is not HL7\rPID|1||x', 'utf8');
    const unread = await inbox().receive(garbage, '10.0.0.9');
    expect(unread).toMatchObject({ status: 'rejected', ackCode: 'AR' });
    expect(parseHl7(unread.ack).get('MSA-1')).toBe('AR');

    const admit = await inbox().receive(corpus('ADT-A01-01.hl7'), null);
    expect(admit).toMatchObject({ status: 'rejected', ackCode: 'AR' });
    expect(parseHl7(admit.ack).get('ERR-3')).toBe('201');

    const lab = Buffer.from(
      'MSH|^~\\&|LAB|HOSP|CAREDESK|CLINIC|20261124||ORU^R01|LAB-1|P|2.5.1\rPID|1||123^^^HOSP^MR\r',
      'utf8',
    );
    const result = await inbox().receive(lab, null);
    expect(parseHl7(result.ack).get('ERR-3')).toBe('200');

    const rejected = await listMessages(t.database.db, org, 'rejected', 10);
    expect(rejected.items).toHaveLength(3);
    const kept = await t.database.db.selectFrom('hl7_messages').select(['raw', 'size']).execute();
    expect(kept.some((k) => Buffer.from(k.raw).equals(garbage))).toBe(true);
    expect(handled).toEqual([]);
  });

  it('processes a message delivered twice at once a single time', async () => {
    const raw = withControlId(corpus('ADT-A03-01.hl7'), 'TWICE-1');
    const [a, b] = await Promise.all([inbox().receive(raw, null), inbox().receive(raw, null)]);
    expect([a.ackCode, b.ackCode]).toEqual(['AA', 'AA']);
    expect(handled).toEqual(['TWICE-1']);
    expect(await seen()).toEqual(['seen:TWICE-1']);
  });
});
