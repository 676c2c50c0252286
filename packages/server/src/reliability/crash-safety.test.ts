import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { CRASH_TEST_AUDIT_KEY, runCrashRounds } from '../testing/crash-harness';

const dataDir = mkdtempSync(join(tmpdir(), 'caredesk-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('crash safety on the embedded database', () => {
  it(
    'keeps every acknowledged write, and an intact audit chain, through 10 SIGKILLs during a write load',
    { timeout: 180_000 },
    async () => {
      const report = await runCrashRounds(
        { CAREDESK_DATA_DIR: dataDir, CAREDESK_AUDIT_KEY: CRASH_TEST_AUDIT_KEY },
        10,
      );
      const summary = { ...report, lost: report.lost.length };
      console.info(`crash safety (SQLite): ${JSON.stringify(summary)}`);
      expect(report.acknowledged).toBeGreaterThan(100);
      expect(report.lost).toEqual([]);
      expect(report.duplicates).toBe(0);
      // Every create and read was audited; the kills must not have broken the chain.
      expect(report.audit).toMatchObject({ ok: true, keyMatches: true });
      expect(report.audit.count).toBeGreaterThan(report.acknowledged);
      const db = new BetterSqlite3(join(dataDir, 'caredesk.db'), { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
    },
  );
});
