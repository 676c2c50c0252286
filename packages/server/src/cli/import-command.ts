import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { systemClock } from '../main/create-caredesk';
import { systemAudit } from '../access/request-audit';
import { loadConfig } from '../config/config';
import { ImportFailed, ImportService } from '../registry-import/import-service';
import { refreshStatistics } from '../storage/refresh-statistics';
import { openStandalone } from './standalone';
import { ProgressBar } from './progress';
import { UsageError } from './usage-error';

function jsonFiles(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new UsageError(`${path}: no such file or directory`);
  }
  if (stat.isFile()) return [path];
  return readdirSync(path)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(path, f));
}

export function importCommand(program: Command): void {
  program
    .command('import')
    .description(
      'Import FHIR R4 bundles (transaction, batch or collection) or single resources from a file or directory.',
    )
    .argument('<path>', 'a .json file, or a directory of them')
    .action(async (path: string) => {
      const files = jsonFiles(resolve(path));
      if (files.length === 0) throw new UsageError(`${path}: no .json files`);
      const cd = await openStandalone(loadConfig(), systemClock);
      let failed = 0;
      try {
        const service = new ImportService(cd.database, systemClock, cd.config.defaultCountry);
        const totals = { resources: 0, created: 0, updated: 0, unchanged: 0, duplicates: 0 };
        const bar = new ProgressBar(files.length, 'import');
        const started = process.hrtime.bigint();
        for (const [i, file] of files.entries()) {
          try {
            const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
            // Each file is audited as an import by this command, in the file's transaction.
            const audit = systemAudit(cd.audit, {
              name: `caredesk import ${basename(file)}`,
              organizationId: cd.organizationId,
              now: systemClock.now(),
            });
            const r = await service.importFhir(cd.organizationId, json, audit);
            totals.resources += r.resources;
            totals.created += r.created;
            totals.updated += r.updated;
            totals.unchanged += r.unchanged;
            totals.duplicates += r.duplicatesFlagged;
          } catch (e) {
            failed++;
            bar.finish();
            const why =
              e instanceof ImportFailed
                ? e.problems.map((p) => `  ${p.expression}: ${p.diagnostics}`).join('\n')
                : `  ${(e as Error).message}`;
            process.stderr.write(`rejected ${file} (nothing from it was saved):\n${why}\n`);
          }
          bar.update(i + 1);
        }
        bar.finish();
        await refreshStatistics(cd.database);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        process.stdout.write(
          `${files.length - failed} of ${files.length} files imported: ${totals.resources} resources ` +
            `(${totals.created} created, ${totals.updated} updated, ${totals.unchanged} unchanged), ` +
            `${totals.duplicates} possible duplicates flagged, ${(totals.resources / seconds).toFixed(0)} resources/s\n`,
        );
      } finally {
        await cd.close();
      }
      if (failed > 0) throw new Error(`${failed} file(s) rejected`);
    });
}
