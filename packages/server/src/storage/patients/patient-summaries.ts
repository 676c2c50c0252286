import type { Kysely } from 'kysely';
import { summaryDocFields, type Patient, type SummaryDocFields } from '@caredesk/core';
import { parseDoc } from '../json';
import type { Schema } from '../schema';

export type SummarySource = Partial<Pick<Patient, 'names' | 'identifiers' | 'telecom'>>;

/** A summary from a record's stored document (tolerates documents missing fields). */
export function summaryFromDocument(data: string): SummaryDocFields {
  const doc = parseDoc<SummarySource>(data);
  return summaryDocFields({ names: [], identifiers: [], telecom: [], ...doc });
}

/**
 * Fills the search summary of records written before migration 0007 added the column, a
 * few hundred per transaction. The partial index `patients_summary_missing` holds only
 * those rows, so once they are done this is one empty index read at start-up.
 */
export async function fillMissingSummaries(db: Kysely<Schema>): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await db
      .selectFrom('patients')
      .select(['id', 'data'])
      .where('summary', 'is', null)
      .limit(500)
      .execute();
    if (rows.length === 0) return filled;
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        await trx
          .updateTable('patients')
          .set({ summary: JSON.stringify(summaryFromDocument(row.data)) })
          .where('id', '=', row.id)
          .execute();
      }
    });
    filled += rows.length;
  }
}
