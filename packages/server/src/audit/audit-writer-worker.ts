// The audit trail's group-commit writer, in a worker thread of its own with its own SQLite
// connection (started by audit-writer-thread.ts). better-sqlite3 commits synchronously: a
// commit with synchronous=FULL waits for fsync, which on the main thread stopped every
// request for ~0.4 ms per batch (measured under the read benchmark). Here it stops nobody.
import { parentPort, workerData } from 'node:worker_threads';
import type { AuditEntryInput } from '@caredesk/core';
import { openSqlite } from '../storage/sqlite/open-sqlite';
import { createAuditMac } from './audit-mac';
import { AuditStore } from './audit-store';

export interface WriterData {
  file: string;
  key: Uint8Array;
}

export type WriterRequest =
  { id: number; entries: AuditEntryInput[] } | { id: number; close: true };
export type WriterReply = { id: number; error?: string };

const { file, key } = workerData as WriterData;
const database = openSqlite(file);
const store = new AuditStore(database, createAuditMac(Buffer.from(key)));
const port = parentPort!;

// Message 0: loaded and connected, ready for batches.
port.postMessage({ id: 0 } satisfies WriterReply);

port.on('message', (request: WriterRequest) => {
  void (async () => {
    if ('close' in request) {
      await database.close();
      port.postMessage({ id: request.id } satisfies WriterReply);
      port.close();
      return;
    }
    try {
      await database.db.transaction().execute((trx) => store.append(trx, request.entries));
      port.postMessage({ id: request.id } satisfies WriterReply);
    } catch (e) {
      port.postMessage({ id: request.id, error: (e as Error).message } satisfies WriterReply);
    }
  })();
});
