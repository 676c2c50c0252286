import { mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WalSyncer } from './wal-sync';

/** Descriptors this process holds open on `file` (Linux: /proc/self/fd). */
function openDescriptors(file: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false; // closed while listing
    }
  }).length;
}

describe('WalSyncer', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const walIn = () => {
    const dir = mkdtempSync(join(tmpdir(), 'caredesk-wal-'));
    dirs.push(dir);
    return join(dir, 'caredesk.db-wal');
  };

  it('has nothing to sync before the WAL exists, and finds it once it does', async () => {
    const wal = walIn();
    const syncer = new WalSyncer(wal);
    await expect(syncer.sync()).resolves.toBeUndefined();
    expect(openDescriptors(wal)).toBe(0);
    writeFileSync(wal, 'frames');
    await syncer.sync();
    expect(openDescriptors(wal)).toBe(1);
    await syncer.close();
  });

  it('keeps one descriptor across syncs, concurrent ones included, and closes it', async () => {
    const wal = walIn();
    writeFileSync(wal, 'frames');
    const syncer = new WalSyncer(wal);
    await Promise.all([syncer.sync(), syncer.sync(), syncer.sync()]);
    for (let i = 0; i < 5; i++) await syncer.sync();
    expect(openDescriptors(wal)).toBe(1);
    await syncer.close();
    expect(openDescriptors(wal)).toBe(0);
  });

  it('reports a WAL it cannot open instead of calling it synced', async () => {
    const wal = walIn();
    const syncer = new WalSyncer(join(wal, 'not-a-directory', 'x'));
    writeFileSync(wal, 'a file where a directory is expected');
    await expect(syncer.sync()).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});
