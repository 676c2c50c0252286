import type { Command } from 'commander';
import { sql } from 'kysely';
import { loadConfig } from '../config/config';
import { loadDemo } from '../demo/load-demo';
import { systemClock } from '../main/create-caredesk';
import { openStandalone } from './standalone';
import { UsageError } from './usage-error';

export function demoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'Load the demo clinic: business hours, staff in every role (logins printed) and generated patients.',
    )
    .option('--patients <n>', 'how many patients to generate', '300')
    .option('--seed <n>', 'random seed; the same seed gives the same data', '2026')
    .option('--force', 'load even when the database already has patients')
    .action(async (opts: { patients: string; seed: string; force?: boolean }) => {
      const patients = Number(opts.patients);
      const seed = Number(opts.seed);
      if (!Number.isInteger(patients) || patients < 1 || patients > 1_000_000) {
        throw new UsageError('--patients must be a whole number from 1 to 1000000');
      }
      if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
      const cd = await openStandalone(loadConfig(), systemClock);
      try {
        const any = await sql<{ id: string }>`SELECT id FROM patients LIMIT 1`.execute(
          cd.database.db,
        );
        if (any.rows.length > 0 && !opts.force) {
          throw new UsageError(
            'the database already has patients; use --force to add the demo data anyway',
          );
        }
        const result = await loadDemo(
          cd.database,
          cd.organizationId,
          cd.config.dataDir,
          { patients, seed, now: systemClock.now() },
          cd,
        );
        process.stdout.write(`${result.patients} demo patients loaded.\n\n${result.loginsText}\n`);
      } finally {
        await cd.close();
      }
    });
}
