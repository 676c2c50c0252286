import type { Command } from 'commander';
import { databaseConfig, loadConfig } from '../config/config';
import { openDatabase } from '../storage/database';
import { migrate } from '../storage/migrate/migrator';

export function migrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply database migrations that are not applied yet (also done on every start).')
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase(databaseConfig(config));
      try {
        const report = await migrate(database);
        for (const m of report.applied)
          process.stdout.write(`applied ${String(m.version).padStart(4, '0')} ${m.name}\n`);
        process.stdout.write(
          `${database.description}: ${report.applied.length} applied, ${report.alreadyApplied} already in place\n`,
        );
      } finally {
        await database.close();
      }
    });
}
