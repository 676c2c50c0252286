import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { systemAudit } from '@caredesk/server/access/request-audit';
import { loadAuditKey } from '@caredesk/server/audit/audit-key';
import { createAuditMac } from '@caredesk/server/audit/audit-mac';
import { AuditStore } from '@caredesk/server/audit/audit-store';
import { loadConfig, type Config } from '@caredesk/server/config/config';
import { systemClock } from '@caredesk/server/main/create-caredesk';
import { ImportService } from '@caredesk/server/registry-import/import-service';
import { openDatabase, type DatabaseConfig } from '@caredesk/server/storage/database';

export const SYNTHEA_DIR = '/work/shared/corpus/synthea';

/** The Synthea bundles, read and parsed at run time (never copied into the repository). */
export interface SyntheaCorpus {
  dir: string;
  bundles: Array<{ file: string; json: unknown; entries: number }>;
}

export function readSyntheaCorpus(dir: string = SYNTHEA_DIR): SyntheaCorpus {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const bundles = files.map((file) => {
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { entry?: unknown[] };
    return { file, json: json, entries: json.entry?.length ?? 0 };
  });
  return { dir, bundles };
}

export interface ImportFigures {
  bundles: number;
  /** Every bundle entry, kept or not. */
  resources: number;
  /** Records CareDesk stored (resources it maps; Observations etc. are skipped). */
  records: number;
  seconds: number;
  resourcesPerSecond: number;
  recordsPerSecond: number;
  /** Patients already on file when the import started. */
  patientsBefore: number;
}

/**
 * Imports every bundle with ImportService.importFhir, one after another, timing only the
 * service calls (files are read and parsed beforehand). Each bundle is one transaction,
 * audited inside it as the work of a system actor ('bench import'), as `caredesk import`
 * does, on the audit chain keyed like the server's (`overrides.auditKey` / data dir).
 */
export async function importCorpus(
  db: { config: DatabaseConfig; overrides: Partial<Config> },
  organizationId: string,
  corpus: SyntheaCorpus,
): Promise<ImportFigures> {
  const database = await openDatabase(db.config);
  const auditStore = new AuditStore(
    database,
    createAuditMac(loadAuditKey(loadConfig({}, { logLevel: 'silent', ...db.overrides }))),
  );
  try {
    const service = new ImportService(database, systemClock, 'US');
    const before = await database.db
      .selectFrom('patients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // Each run gets its own copies, made before the clock starts: the mapper never sees a
    // bundle an earlier run touched.
    const inputs = corpus.bundles.map((b) => ({
      json: structuredClone(b.json),
      entries: b.entries,
    }));
    let resources = 0;
    let records = 0;
    const started = performance.now();
    for (const bundle of inputs) {
      const audit = systemAudit(auditStore, {
        name: 'bench import',
        organizationId,
        now: systemClock.now(),
      });
      const result = await service.importFhir(organizationId, bundle.json, audit);
      resources += bundle.entries;
      records += result.records;
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      bundles: corpus.bundles.length,
      resources,
      records,
      seconds,
      resourcesPerSecond: resources / seconds,
      recordsPerSecond: records / seconds,
      patientsBefore: Number(before.n),
    };
  } finally {
    await auditStore.close();
    await database.close();
  }
}
