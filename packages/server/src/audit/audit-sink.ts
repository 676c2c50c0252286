import type { AuditEntryInput } from '@caredesk/core';
import type { Kysely } from 'kysely';
import type { Schema } from '../storage/schema';

/**
 * Where capabilities write audit entries (architecture rule 2). Two ways in:
 * - `appendInTransaction` for changes: the entry commits or rolls back with the change;
 * - `record` for reads and denials: resolves once the entry is durable, before the
 *   response is sent (entries from concurrent requests share one commit).
 */
export interface AuditSink {
  appendInTransaction(trx: Kysely<Schema>, entries: AuditEntryInput[]): Promise<void>;
  record(entry: AuditEntryInput): Promise<void>;
}
