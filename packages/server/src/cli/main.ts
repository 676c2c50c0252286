import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/config';
import { MigrationError } from '../storage/migrate/migrator';
import { adminCommand } from './admin-command';
import { auditCommand } from './audit-command';
import { backupCommand, restoreCommand } from './backup-commands';
import { demoCommand } from './demo-command';
import { importCommand } from './import-command';
import { migrateCommand } from './migrate-command';
import { serveCommand } from './serve-command';
import { UsageError } from './usage-error';

/** Exit codes: 0 done, 1 the work failed, 2 the command or configuration was wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export function buildProgram(): Command {
  const program = new Command('caredesk')
    .description(
      'CareDesk: the patient-service platform. Configure with environment variables (see README).',
    )
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  serveCommand(program);
  migrateCommand(program);
  demoCommand(program);
  importCommand(program);
  backupCommand(program);
  restoreCommand(program);
  auditCommand(program);
  adminCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof ConfigError || e instanceof UsageError) {
      process.stderr.write(`caredesk: ${e.message}\n`);
      return EXIT.usage;
    }
    if (e instanceof MigrationError) {
      process.stderr.write(`caredesk: ${e.message}\n`);
      return EXIT.failed;
    }
    const err = e as Error & { code?: string };
    process.stderr.write(`caredesk: ${err.code ? `${err.code}: ` : ''}${err.message}\n`);
    return EXIT.failed;
  }
}
