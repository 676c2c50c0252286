import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAuditKey } from '../audit/audit-key';
import { createAuditMac } from '../audit/audit-mac';
import { AuditStore } from '../audit/audit-store';
import { sampleEntry } from '../audit/testing/audit-fixtures';
import { openDatabase } from '../storage/database';
import { migrate } from '../storage/migrate/migrator';

const BIN = fileURLToPath(new URL('../../bin/caredesk.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'caredesk-audit-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const data = join(dir, 'data');
const env = { CAREDESK_DATA_DIR: data };

function caredesk(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: '', CAREDESK_AUDIT_KEY: '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('caredesk audit', () => {
  it(
    'verifies, exports, and names the first bad entry after tampering',
    { timeout: 120_000 },
    async () => {
      expect(caredesk(['audit', '--help']).out).toContain('Usage: caredesk audit');
      expect(caredesk(['audit', 'verify', '--help']).code).toBe(0);
      expect(caredesk(['audit', 'export', '--help']).out).toContain('--format <format>');
      expect(caredesk(['audit', 'verify']).code).toBe(2); // no key yet: nothing invented

      const file = join(data, 'caredesk.db');
      const database = await openDatabase({ engine: 'sqlite', file });
      await migrate(database);
      const store = new AuditStore(
        database,
        createAuditMac(loadAuditKey({ auditKey: undefined, dataDir: data })),
      );
      await Promise.all(
        Array.from({ length: 25 }, (_, i) =>
          store.record(sampleEntry(i, i === 4 ? { actorName: '=HYPERLINK("http://x")' } : {})),
        ),
      );
      await store.close();
      await database.close();

      const ok = caredesk(['audit', 'verify']);
      expect(ok.code).toBe(0);
      expect(ok.out).toMatch(/^audit trail intact: 25 entries, head seq 25/);

      const csvFile = join(dir, 'audit.csv');
      const csv = caredesk([
        'audit',
        'export',
        '--from',
        '2025-01-01',
        '--to',
        '2025-01-02',
        '--out',
        csvFile,
      ]);
      expect(csv.code).toBe(0);
      const text = readFileSync(csvFile, 'utf8');
      expect(text.split('\r\n')).toHaveLength(27); // header, 25 records, final empty
      expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
      const fhir = caredesk([
        'audit',
        'export',
        '--from',
        '2025-01-01T00:00:00Z',
        '--to',
        '2025-01-01T00:00:10Z',
        '--patient',
        'pat-1',
        '--format',
        'fhir',
      ]);
      expect(fhir.code).toBe(0);
      const bundle = JSON.parse(fhir.out) as { type: string; entry: unknown[] };
      expect(bundle.type).toBe('collection');
      expect(bundle.entry).toHaveLength(2); // seconds 1 and 6 are pat-1
      expect(caredesk(['audit', 'export', '--from', 'yesterday', '--to', '2025-01-02']).code).toBe(
        2,
      );

      const raw = new BetterSqlite3(file);
      raw.exec('DROP TRIGGER audit_entries_no_update');
      raw.prepare("UPDATE audit_entries SET purpose_of_use = 'HMARKT' WHERE seq = 12").run();
      raw.close();
      const broken = caredesk(['audit', 'verify']);
      expect(broken.code).toBe(1);
      expect(broken.err).toContain('audit trail BROKEN at seq 12: edited');

      const wrongKey = spawnSync(process.execPath, [BIN, 'audit', 'verify'], {
        env: {
          ...process.env,
          LOG_LEVEL: 'silent',
          DATABASE_URL: '',
          ...env,
          CAREDESK_AUDIT_KEY: 'k'.repeat(40),
        },
        encoding: 'utf8',
      });
      expect(wrongKey.status).toBe(1);
      expect(wrongKey.stderr).toContain('not the key this trail was written with');
    },
  );
});
