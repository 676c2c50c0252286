import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { AUDIT_KEY_FILE, loadAuditKey } from '../audit/audit-key';
import { createAuditMac } from '../audit/audit-mac';
import { verifyAuditTrail } from '../audit/audit-verify';
import { databaseConfig, loadConfig, type Config } from '../config/config';
import { openDatabase } from '../storage/database';
import {
  BackupError,
  backupSqlite,
  manifestPath,
  restoreSqlite,
} from '../storage/sqlite/sqlite-backup';
import { UsageError } from './usage-error';

const PG_HELP = `CareDesk is configured for PostgreSQL (DATABASE_URL). Back it up with PostgreSQL's own tools:
  pg_dump --format=custom --file=caredesk.dump "$DATABASE_URL"
and restore into an empty database with:
  pg_restore --dbname="$DATABASE_URL" --exit-on-error caredesk.dump
For point-in-time recovery use WAL archiving; see docs/operations/backup-restore.md.`;

function sqliteFile(config: Config): string {
  const db = databaseConfig(config);
  if (db.engine !== 'sqlite') throw new UsageError(PG_HELP);
  return db.file;
}

/** Where the audit key of a backup is kept, beside it (mode 0600), when the key is a file. */
const keyCopy = (backup: string) => `${backup}.audit.key`;

/**
 * The restored audit trail must verify with the installation's key before the restored
 * database is put in place (security brief §3: restore drills verify the hash chain).
 */
async function verifyRestoredAudit(file: string, config: Config): Promise<number> {
  const database = await openDatabase({ engine: 'sqlite', file });
  try {
    const result = await verifyAuditTrail(
      database,
      createAuditMac(loadAuditKey(config, { create: false })),
    );
    if (!result.ok)
      throw new UsageError(`the restored audit trail does not verify (${JSON.stringify(result)})`);
    return result.count;
  } finally {
    await database.close();
  }
}

export function backupCommand(program: Command): void {
  program
    .command('backup')
    .description(
      'Write a consistent online backup of the embedded database (safe while the server runs).',
    )
    .argument(
      '<file>',
      'where to write the backup; a <file>.manifest.json with checksums is written beside it',
    )
    .action(async (file: string) => {
      const config = loadConfig();
      const source = sqliteFile(config);
      try {
        const m = await backupSqlite(source, resolve(file), new Date());
        // Without its key the restored audit trail could never be verified again. A key
        // kept in the data directory travels with the backup (store both as carefully as
        // the database); a key set by CAREDESK_AUDIT_KEY stays with whoever holds it.
        const key = join(resolve(config.dataDir), AUDIT_KEY_FILE);
        if (!config.auditKey && existsSync(key)) {
          copyFileSync(key, keyCopy(resolve(file)));
          process.stdout.write(`audit key: ${keyCopy(resolve(file))}\n`);
        }
        const rows = Object.values(m.tables).reduce((a, b) => a + b, 0);
        process.stdout.write(
          `backup written: ${resolve(file)} (${m.bytes} bytes, ${rows} rows, sha256 ${m.sha256})\n`,
        );
        process.stdout.write(`manifest: ${manifestPath(resolve(file))}\n`);
      } catch (e) {
        if (e instanceof BackupError) throw new UsageError(e.message);
        throw e;
      }
    });
}

export function restoreCommand(program: Command): void {
  program
    .command('restore')
    .description(
      'Restore a backup into an empty data directory, verified by checksum, integrity check and row counts.',
    )
    .argument('<file>', 'a backup written by `caredesk backup`')
    .action(async (file: string) => {
      const config = loadConfig();
      const target = sqliteFile(config);
      const keyFile = join(dirname(target), AUDIT_KEY_FILE);
      const bringKey =
        !config.auditKey && !existsSync(keyFile) && existsSync(keyCopy(resolve(file)));
      try {
        const m = await restoreSqlite(resolve(file), target);
        if (bringKey) copyFileSync(keyCopy(resolve(file)), keyFile);
        let entries: number;
        try {
          entries = await verifyRestoredAudit(target, config);
        } catch (e) {
          // Nothing half-restored: the database (and the key we brought) go again.
          rmSync(target, { force: true });
          rmSync(`${target}-wal`, { force: true });
          rmSync(`${target}-shm`, { force: true });
          if (bringKey) rmSync(keyFile, { force: true });
          throw e instanceof UsageError
            ? e
            : new UsageError(`cannot verify the restored audit trail: ${(e as Error).message}`);
        }
        process.stdout.write(
          `restored ${resolve(file)} into ${target}: checksum, integrity, ${Object.keys(m.tables).length} table counts and ${entries} audit entries verified\n`,
        );
      } catch (e) {
        if (e instanceof BackupError) throw new UsageError(e.message);
        throw e;
      }
    });
}
