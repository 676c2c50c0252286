import { resolve } from 'node:path';
import type { Command } from 'commander';
import { databaseConfig, loadConfig } from '../config/config';
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

function sqliteFile(): string {
  const db = databaseConfig(loadConfig());
  if (db.engine !== 'sqlite') throw new UsageError(PG_HELP);
  return db.file;
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
      const source = sqliteFile();
      try {
        const m = await backupSqlite(source, resolve(file), new Date());
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
      const target = sqliteFile();
      try {
        const m = await restoreSqlite(resolve(file), target);
        process.stdout.write(
          `restored ${resolve(file)} into ${target}: checksum, integrity and ${Object.keys(m.tables).length} table counts verified\n`,
        );
      } catch (e) {
        if (e instanceof BackupError) throw new UsageError(e.message);
        throw e;
      }
    });
}
