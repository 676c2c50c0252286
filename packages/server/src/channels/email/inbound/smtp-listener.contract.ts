import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../storage/database';
import { getJob } from '../../../jobs';
import { createTestDatabase, type TestDatabase } from '../../../storage/testing/test-database';
import { PROCESS_INBOUND_MAIL, PROCESS_INBOUND_MAIL_ATTEMPTS } from './accept-mail';
import { InboundMailListener } from './smtp-listener';
import { plainMessage, sendRaw } from './testing/send-raw';

const ORG = 'org-inbound';
const clock = { now: () => new Date('2026-03-02T09:00:00.000Z') };

/** The listener's promises on each engine: run by smtp-listener.test.ts and .pg.test.ts. */
export function describeSmtpListener(engine: Engine): void {
  describe(`inbound SMTP listener (real SMTP over TCP, ${engine})`, () => {
    let t: TestDatabase;
    let listener: InboundMailListener;
    let port: number;
    const errors: string[] = [];

    beforeEach(async () => {
      t = await createTestDatabase(engine);
      listener = new InboundMailListener({
        database: t.database,
        clock,
        organizationId: ORG,
        host: '127.0.0.1',
        port: 0,
        maxBytes: 256 * 1024,
        serverName: 'caredesk.localhost',
        onError: (_e, context) => errors.push(context),
      });
      ({ port } = await listener.listen());
    });
    afterEach(async () => {
      await listener.close();
      await t.dispose();
      errors.length = 0;
    });

    const rows = () =>
      t.database.db.selectFrom('inbound_mail').selectAll().orderBy('received_at').execute();

    it('stores the message byte for byte with its processing job before answering 250', async () => {
      const raw = plainMessage({ messageId: '<m1@example.org>', body: 'Grüße — ħ ✓' });
      const answer = await sendRaw(port, raw, {
        from: 'ana@example.org',
        to: ['help@caredesk.localhost', 'reply+abc@caredesk.localhost'],
      });
      expect(answer).toMatchObject({ ok: true, code: 250 });
      const [row, ...more] = await rows();
      expect(more).toEqual([]);
      expect(row).toMatchObject({
        organization_id: ORG,
        status: 'received',
        envelope_from: 'ana@example.org',
        envelope_to: '["help@caredesk.localhost","reply+abc@caredesk.localhost"]',
        remote_address: '127.0.0.1',
        message_id: '<m1@example.org>',
        received_at: '2026-03-02T09:00:00.000Z',
      });
      // SMTP transparency (RFC 5321 §4.5.2) undone, line endings kept: the bytes as written.
      expect(Buffer.from(row!.raw).toString('utf8')).toBe(raw);
      expect(row!.sha256).toBe(createHash('sha256').update(raw).digest('hex'));
      expect(row!.size).toBe(Buffer.byteLength(raw));
      expect(answer.response).toContain(row!.id);
      const job = await t.database.db
        .selectFrom('jobs')
        .select(['id', 'kind', 'payload', 'max_attempts'])
        .executeTakeFirstOrThrow();
      expect(job).toMatchObject({
        kind: PROCESS_INBOUND_MAIL,
        max_attempts: PROCESS_INBOUND_MAIL_ATTEMPTS,
      });
      expect((await getJob(t.database.db, job.id))?.payload).toEqual({ inboundMailId: row!.id });
    });

    it('answers 250 to a retry of the same bytes but stores and processes it once', async () => {
      const raw = plainMessage({ messageId: '<retry@example.org>' });
      const first = await sendRaw(port, raw);
      const second = await sendRaw(port, raw);
      expect([first.code, second.code]).toEqual([250, 250]);
      expect(await rows()).toHaveLength(1);
      const jobs = await t.database.db.selectFrom('jobs').select('id').execute();
      expect(jobs).toHaveLength(1);
      // A different message with the same Message-ID is a different message: kept too.
      expect((await sendRaw(port, raw.replace('refill', 'bill'))).code).toBe(250);
      expect(await rows()).toHaveLength(2);
    });

    it('refuses a message over the size limit with 552 and stores nothing', async () => {
      const big = plainMessage({ body: 'x'.repeat(300 * 1024) });
      const answer = await sendRaw(port, big);
      expect(answer).toMatchObject({ ok: false, code: 552 });
      expect(await rows()).toEqual([]);
      // The connection is still good for the next message.
      expect((await sendRaw(port, plainMessage({}))).code).toBe(250);
    });

    it('answers 451 when the message cannot be stored, so the sender retries', async () => {
      await sql`DROP TABLE inbound_mail`.execute(t.database.db);
      const answer = await sendRaw(port, plainMessage({}));
      expect(answer).toMatchObject({ ok: false, code: 451 });
      expect(errors).toEqual(['storing an inbound message']);
      const jobs = await t.database.db.selectFrom('jobs').select('id').execute();
      expect(jobs).toEqual([]); // nothing half-written
    });

    it('takes at most 100 recipients per message', async () => {
      const to = Array.from({ length: 101 }, (_, i) => `r${i}@caredesk.localhost`);
      const answer = await sendRaw(port, plainMessage({}), { from: 'a@example.org', to });
      expect(answer.code).toBe(250);
      expect(answer.rejected).toEqual(['r100@caredesk.localhost']);
      const [row] = await rows();
      expect(JSON.parse(row!.envelope_to)).toHaveLength(100);
    });

    it('says which setting to change when its port is taken', async () => {
      const second = new InboundMailListener({
        database: t.database,
        clock,
        organizationId: ORG,
        host: '127.0.0.1',
        port,
        maxBytes: 1024 * 1024,
        serverName: 'caredesk.localhost',
      });
      await expect(second.listen()).rejects.toThrow(/EADDRINUSE.*INBOUND_MAIL_PORT/);
      expect((await sendRaw(port, plainMessage({}))).code).toBe(250);
    });

    it('stores a bounce from the null reverse-path with no envelope sender', async () => {
      expect((await sendRaw(port, plainMessage({}), { from: '', to: ['x@y.example'] })).code).toBe(
        250,
      );
      expect((await rows())[0]?.envelope_from).toBeNull();
    });
  });
}
