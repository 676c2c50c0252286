import type { Sourced } from '@caredesk/core';
import type { Kysely } from 'kysely';
import { contentHash } from '../json';
import type { Schema } from '../schema';

/** Tables holding one JSON document per row with a source key and content hash. */
export type DocumentTable =
  | 'organizations'
  | 'practitioners'
  | 'locations'
  | 'related_persons'
  | 'coverages'
  | 'encounters'
  | 'conditions'
  | 'medication_requests'
  | 'care_plans'
  | 'claims'
  | 'explanations_of_benefit';

type Columns = Record<string, string | number | null>;

/**
 * Inserts, updates or leaves alone each record by comparing content hashes. The extra
 * columns are the indexed copies of fields the table is queried by.
 */
export async function writeDocuments<T extends { id: string }>(
  trx: Kysely<Schema>,
  table: DocumentTable,
  records: Sourced<T>[],
  now: string,
  columns: (record: T) => Columns,
): Promise<{ created: number; updated: number; unchanged: number }> {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  // Kysely's per-table typing cannot follow a table name chosen at run time; the
  // columns written here exist on every DocumentTable (see schema.ts `Versioned`).
  const db = trx as unknown as Kysely<
    Record<DocumentTable, Record<string, string | number | null>>
  >;
  for (const record of records) {
    const { source, ...doc } = record;
    const hash = contentHash(doc);
    const existing = await db
      .selectFrom(table)
      .select(['content_hash'])
      .where('id', '=', record.id)
      .executeTakeFirst();
    if (existing?.content_hash === hash) {
      counts.unchanged++;
      continue;
    }
    const values = {
      ...columns(doc as unknown as T),
      data: JSON.stringify(doc),
      content_hash: hash,
      updated_at: now,
    };
    if (existing) {
      await db.updateTable(table).set(values).where('id', '=', record.id).execute();
      counts.updated++;
    } else {
      await db
        .insertInto(table)
        .values({ ...values, id: record.id, source_key: source.sourceKey, created_at: now })
        .execute();
      counts.created++;
    }
  }
  return counts;
}
