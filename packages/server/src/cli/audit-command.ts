import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { auditCsv, auditFhirBundleJson } from '../audit/audit-export';
import { AuditKeyMissingError, loadAuditKey } from '../audit/audit-key';
import { createAuditMac } from '../audit/audit-mac';
import { AuditQueries } from '../audit/audit-queries';
import { verifyAuditTrail } from '../audit/audit-verify';
import { databaseConfig, loadConfig } from '../config/config';
import { openDatabase } from '../storage/database';
import { UsageError } from './usage-error';

/** The trail does not verify: exit code 1, with the first bad entry named. */
export class AuditTrailBrokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditTrailBrokenError';
  }
}

function isoInstant(name: string, value: string): string {
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(ms)) {
    throw new UsageError(
      `--${name} must be an ISO 8601 date or instant, e.g. 2025-01-31T00:00:00Z`,
    );
  }
  return new Date(ms).toISOString();
}

export function auditCommand(program: Command): void {
  const audit = program
    .command('audit')
    .description('Verify and export the audit trail (who did what to which patient data).');

  audit
    .command('verify')
    .description(
      'Check every audit entry against the keyed hash chain and its sealed head; exit 1 naming the first edited, deleted, inserted or reordered entry.',
    )
    .action(async () => {
      const config = loadConfig();
      let key: Buffer;
      try {
        key = loadAuditKey(config, { create: false });
      } catch (e) {
        if (e instanceof AuditKeyMissingError) throw new UsageError(e.message);
        throw e;
      }
      const mac = createAuditMac(key);
      const database = await openDatabase(databaseConfig(config));
      try {
        const started = performance.now();
        const result = await verifyAuditTrail(database, mac);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        if (result.ok) {
          process.stdout.write(
            `audit trail intact: ${result.count} entries, head seq ${result.head.seq} (${seconds} s)\n`,
          );
          return;
        }
        const hint = result.keyMatches
          ? ''
          : ' (the configured audit key is not the key this trail was written with: check CAREDESK_AUDIT_KEY or <dataDir>/audit.key)';
        throw new AuditTrailBrokenError(
          `audit trail BROKEN at seq ${result.firstBadSeq}: ${result.reason}${hint}; ${result.count} entries before it verified`,
        );
      } finally {
        await database.close();
      }
    });

  audit
    .command('export')
    .description('Export audit entries of a time range as CSV or a FHIR R4 AuditEvent Bundle.')
    .requiredOption('--from <instant>', 'first instant included (ISO 8601)')
    .requiredOption('--to <instant>', 'first instant excluded (ISO 8601)')
    .option('--patient <id>', 'only entries about this patient')
    .option('--format <format>', 'csv or fhir', 'csv')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(
      async (opts: {
        from: string;
        to: string;
        patient?: string;
        format: string;
        out?: string;
      }) => {
        const from = isoInstant('from', opts.from);
        const to = isoInstant('to', opts.to);
        if (from >= to) throw new UsageError('--from must be before --to');
        if (opts.format !== 'csv' && opts.format !== 'fhir') {
          throw new UsageError('--format must be csv or fhir');
        }
        const config = loadConfig();
        const database = await openDatabase(databaseConfig(config));
        try {
          const entries = new AuditQueries(database.db).stream({
            from,
            to,
            ...(opts.patient ? { patientId: opts.patient } : {}),
          });
          const chunks =
            opts.format === 'csv'
              ? auditCsv(entries)
              : auditFhirBundleJson(entries, { timestamp: new Date().toISOString() });
          const out = opts.out
            ? createWriteStream(resolve(opts.out), { flags: 'wx', mode: 0o600 })
            : process.stdout;
          await pipeline(Readable.from(chunks), out, { end: Boolean(opts.out) });
          if (opts.out) process.stderr.write(`audit export written: ${resolve(opts.out)}\n`);
        } finally {
          await database.close();
        }
      },
    );
}
