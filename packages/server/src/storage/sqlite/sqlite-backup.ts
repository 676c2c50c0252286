import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  readFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/** What a backup holds, written beside it as `<file>.manifest.json` and checked on restore. */
export interface BackupManifest {
  format: 'caredesk-sqlite-backup/1';
  createdAt: string;
  sha256: string;
  bytes: number;
  schemaVersion: number;
  /** Row count per table, compared after restore. */
  tables: Record<string, number>;
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export function manifestPath(file: string): string {
  return `${file}.manifest.json`;
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolvePromise(hash.digest('hex')));
  });
}

function tableCounts(db: BetterSqlite3.Database): Record<string, number> {
  const names = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as Array<{ name: string }>;
  const counts: Record<string, number> = {};
  for (const { name } of names) {
    // Table names come from sqlite_master, never from input; quoted as identifiers.
    const row = db.prepare(`SELECT COUNT(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as {
      n: number;
    };
    counts[name] = row.n;
  }
  return counts;
}

function schemaVersion(db: BetterSqlite3.Database): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as {
    v: number | null;
  };
  return row.v ?? 0;
}

/**
 * A consistent copy of a live database through SQLite's online backup API
 * (https://www.sqlite.org/backup.html): the server keeps serving, and the copy is one
 * point in time even while writes continue.
 */
export async function backupSqlite(
  source: string,
  destination: string,
  now: Date,
): Promise<BackupManifest> {
  if (!existsSync(source)) throw new BackupError(`no database at ${source}`);
  if (existsSync(destination))
    throw new BackupError(`${destination} already exists; choose a new file name`);
  mkdirSync(dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  const db = new BetterSqlite3(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(partial);
  } finally {
    db.close();
  }
  const copy = new BetterSqlite3(partial, { readonly: true });
  let tables: Record<string, number>;
  let version: number;
  try {
    tables = tableCounts(copy);
    version = schemaVersion(copy);
  } finally {
    copy.close();
  }
  renameSync(partial, destination);
  const manifest: BackupManifest = {
    format: 'caredesk-sqlite-backup/1',
    createdAt: now.toISOString(),
    sha256: await sha256File(destination),
    bytes: statSync(destination).size,
    schemaVersion: version,
    tables,
  };
  writeFileSync(manifestPath(destination), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Restores a backup into an empty place: checks the file against its manifest's SHA-256,
 * runs SQLite's integrity check, compares every table's row count, and only then moves
 * the copy into place. A failed check leaves nothing behind.
 */
export async function restoreSqlite(backup: string, target: string): Promise<BackupManifest> {
  if (!existsSync(backup)) throw new BackupError(`no backup at ${backup}`);
  if (!existsSync(manifestPath(backup)))
    throw new BackupError(`no manifest at ${manifestPath(backup)}`);
  if (existsSync(target))
    throw new BackupError(`${target} exists: restore only into an empty data directory`);
  const manifest = JSON.parse(readFileSync(manifestPath(backup), 'utf8')) as BackupManifest;
  if (manifest.format !== 'caredesk-sqlite-backup/1')
    throw new BackupError('not a CareDesk SQLite backup manifest');
  const actual = await sha256File(backup);
  if (actual !== manifest.sha256) {
    throw new BackupError(
      `checksum mismatch: the backup file was changed or damaged (sha256 ${actual})`,
    );
  }
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.restoring`;
  rmSync(partial, { force: true });
  writeFileSync(partial, readFileSync(backup));
  try {
    const db = new BetterSqlite3(partial);
    try {
      const check = db.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new BackupError(`integrity check failed: ${String(check)}`);
      const counts = tableCounts(db);
      for (const [table, n] of Object.entries(manifest.tables)) {
        if (counts[table] !== n)
          throw new BackupError(`table ${table}: ${counts[table]} rows, manifest says ${n}`);
      }
    } finally {
      db.close();
    }
    renameSync(partial, target);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  return manifest;
}
