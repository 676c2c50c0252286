import type { AuditMac, ChainVerification, VerifiableEntry } from '@caredesk/core';
import { verifyChain } from '@caredesk/core';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database, Engine } from '../storage/database';
import type { Schema } from '../storage/schema';
import { auditKeyId } from './audit-mac';
import { AUDIT_COLUMNS, entryFromColumns, rowToEntry } from './audit-rows';

export type AuditTrailVerification = ChainVerification & {
  /** False when the head was sealed with another key: the configured key is wrong. */
  keyMatches: boolean;
};

export interface VerifyAuditOptions {
  /** Entries read per query (default 5,000). */
  pageSize?: number;
}

async function fullPage(
  db: Kysely<Schema>,
  after: number,
  pageSize: number,
): Promise<VerifiableEntry[]> {
  const rows = await db
    .selectFrom('audit_entries')
    .selectAll()
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(pageSize)
    .execute();
  return rows.map(rowToEntry);
}

/**
 * One page as rows. On SQLite each row travels as one json_array() text: better-sqlite3
 * builds a 20-key object per row slowly, and this path is about three times faster, which
 * is what keeps a million entries under ten seconds. A page json_array() cannot encode
 * (a BLOB planted in a column) is read the ordinary way and fails verification as malformed.
 */
async function page(
  db: Kysely<Schema>,
  engine: Engine,
  after: number,
  pageSize: number,
): Promise<VerifiableEntry[]> {
  if (engine !== 'sqlite') return fullPage(db, after, pageSize);
  try {
    const result = await sql<{ j: string }>`SELECT json_array(${sql.join(
      AUDIT_COLUMNS.map((c) => sql.ref(c)),
    )}) AS j FROM audit_entries WHERE seq > ${after} ORDER BY seq LIMIT ${pageSize}`.execute(db);
    return result.rows.map((r) => entryFromColumns(JSON.parse(r.j) as unknown[]));
  } catch {
    return fullPage(db, after, pageSize);
  }
}

/** Reads the chain in seq order, page by page (keyset), from one snapshot. */
async function* pages(
  db: Kysely<Schema>,
  engine: Engine,
  pageSize: number,
): AsyncGenerator<VerifiableEntry[]> {
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const rows = await page(db, engine, after, pageSize);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.seq;
    if (rows.length < pageSize) return;
  }
}

/** Verifies the chain and its sealed head inside an open transaction (one snapshot). */
export async function verifyAuditTrailIn(
  trx: Kysely<Schema>,
  engine: Engine,
  mac: AuditMac,
  options: VerifyAuditOptions = {},
): Promise<AuditTrailVerification> {
  const head = await trx
    .selectFrom('audit_chain_head')
    .select(['seq', 'hash', 'mac', 'key_id'])
    .where('id', '=', 1)
    .executeTakeFirst();
  const seqWhere = async (column: 'hash' | 'prev_hash', value: string) => {
    const row = await trx
      .selectFrom('audit_entries')
      .select('seq')
      .where(column, '=', value)
      .orderBy('seq')
      .limit(1)
      .executeTakeFirst();
    return row ? Number(row.seq) : null;
  };
  const result = await verifyChain(pages(trx, engine, options.pageSize ?? 5000), mac, {
    checkpoint: head ? { seq: Number(head.seq), hash: head.hash, mac: head.mac } : null,
    lookup: {
      seqOfHash: (h) => seqWhere('hash', h),
      seqOfPrevHash: (h) => seqWhere('prev_hash', h),
    },
  });
  return { ...result, keyMatches: !head?.key_id || head.key_id === auditKeyId(mac) };
}

/**
 * `caredesk audit verify`: every entry's MAC, every link, no gaps, and the chain ending
 * exactly at the sealed head. Runs in one read transaction (a snapshot: WAL on SQLite,
 * REPEATABLE READ on PostgreSQL), so entries appended meanwhile by a running server
 * neither break nor join the verification.
 */
export async function verifyAuditTrail(
  database: Pick<Database, 'db' | 'engine'>,
  mac: AuditMac,
  options: VerifyAuditOptions = {},
): Promise<AuditTrailVerification> {
  let tx = database.db.transaction();
  if (database.engine === 'postgres')
    tx = tx.setIsolationLevel('repeatable read').setAccessMode('read only');
  return tx.execute((trx) => verifyAuditTrailIn(trx, database.engine, mac, options));
}
