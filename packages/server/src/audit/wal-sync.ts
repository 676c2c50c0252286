import { open } from 'node:fs/promises';

/**
 * Makes an SQLite WAL durable from the libuv thread pool. better-sqlite3 runs a commit
 * on the calling thread, and with synchronous=FULL that includes waiting for fsync
 * (~0.4 ms per commit measured on this machine kind): every request stood still for it.
 * The audit store commits its group-commit batches with synchronous=NORMAL instead —
 * the frames are written but not synced — and then syncs the WAL file here, off the
 * event loop, before any caller hears "durable". That is exactly what FULL would have
 * done on the same thread (https://www.sqlite.org/pragma.html#pragma_synchronous,
 * https://www.sqlite.org/wal.html#durability). A WAL that is gone was checkpointed into
 * the database, which SQLite syncs before it resets the WAL.
 */
export async function syncWal(walFile: string): Promise<void> {
  let handle;
  try {
    handle = await open(walFile, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
