import { Worker } from 'node:worker_threads';
import type { AuditEntryInput } from '@caredesk/core';
import type { WriterData, WriterReply, WriterRequest } from './audit-writer-worker';

/** Writes one group-commit batch durably; resolves once it is committed. */
export interface BatchWriter {
  /** Whether write() may be used now; until then (and after a failure) write in-thread. */
  readonly ready: boolean;
  write(entries: AuditEntryInput[]): Promise<void>;
  close(): Promise<void>;
}

export class AuditWriterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditWriterError';
  }
}

/**
 * The group-commit batches of an SQLite file, written by a worker thread
 * (audit-writer-worker.ts), so that waiting for fsync never blocks the event loop. The
 * worker runs the same AuditStore.append as everything else: one chain, one format. It
 * holds a connection of its own; SQLite serialises it with the server's other writes.
 * It is not ready until its modules are loaded (a fraction of a second after start-up)
 * and never again once it has failed; the store writes in its own thread meanwhile.
 * Either way every batch reads the chain head inside its own transaction, so batches
 * from both threads chain correctly. A worker that dies fails the batches it held.
 */
export function startAuditWriterThread(file: string, key: Buffer): BatchWriter {
  const worker = new Worker(new URL('./audit-writer-boot.mjs', import.meta.url), {
    workerData: { file, key: new Uint8Array(key) } satisfies WriterData,
  });
  const waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let ready = false;
  let failure: Error | null = null;
  const failAll = (error: Error) => {
    ready = false;
    failure ??= error;
    for (const w of waiting.values()) w.reject(failure);
    waiting.clear();
  };
  worker.on('message', (reply: WriterReply) => {
    if (reply.id === 0) {
      ready = failure === null;
      return;
    }
    const w = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.error === undefined) w?.resolve();
    else w?.reject(new AuditWriterError(reply.error));
  });
  worker.on('error', (e) => failAll(new AuditWriterError(`audit writer failed: ${e.message}`)));
  worker.on('exit', (code) => failAll(new AuditWriterError(`audit writer exited (${code})`)));
  const send = (request: WriterRequest) =>
    new Promise<void>((resolve, reject) => {
      if (failure) return reject(failure);
      waiting.set(request.id, { resolve, reject });
      worker.postMessage(request);
    });
  return {
    get ready() {
      return ready;
    },
    write: (entries) => send({ id: nextId++, entries }),
    close: async () => {
      if (!failure) await send({ id: nextId++, close: true }).catch(() => undefined);
      await worker.terminate();
    },
  };
}
