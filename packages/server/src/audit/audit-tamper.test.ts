import type { AuditEntry } from '@caredesk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../storage/testing/test-database';
import { AuditStore } from './audit-store';
import { verifyAuditTrail } from './audit-verify';
import { prng, sampleEntry, testMac } from './testing/audit-fixtures';
import { runTrial, tamperTrials } from './testing/audit-tamper';

/**
 * Security brief G8: at least 1,000 random edits, deletions, insertions and reorderings
 * made directly in the database, each caught by verification at the exact entry
 * (audit-tamper.ts lists what each kind must report). Every trial is rolled back, so each
 * starts from the same intact chain of 2,000 entries.
 */
describe('audit tamper detection (G8)', () => {
  let t: TestDatabase;
  let rows: AuditEntry[];
  const SEED = Number(process.env.CAREDESK_TAMPER_SEED ?? 3_000_006);
  const TRIALS = 1200;

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    const store = new AuditStore(t.database, testMac);
    const inputs = Array.from({ length: 2000 }, (_, i) => sampleEntry(i));
    rows = await t.database.db.transaction().execute((trx) => store.append(trx, inputs));
  });
  afterAll(async () => t.dispose());

  it(
    `catches ${TRIALS} random tamperings, each at the tampered entry`,
    { timeout: 120_000 },
    async () => {
      expect(await verifyAuditTrail(t.database, testMac)).toMatchObject({ ok: true, count: 2000 });
      const trials = tamperTrials(rows, TRIALS, SEED, prng(SEED));
      const byKind = new Map<string, number>();
      const failures: string[] = [];
      const started = performance.now();
      for (const trial of trials) {
        const outcome = await runTrial(t.database, trial);
        byKind.set(trial.kind, (byKind.get(trial.kind) ?? 0) + 1);
        if (!outcome.passed)
          failures.push(`${trial.describe} -> ${JSON.stringify(outcome.result)}`);
      }
      const seconds = (performance.now() - started) / 1000;
      console.info(
        `audit tamper test: ${trials.length} trials (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}), ` +
          `${trials.length - failures.length} caught at the exact entry, ${seconds.toFixed(1)} s, seed ${SEED}`,
      );
      expect(failures).toEqual([]);
      expect(trials.length).toBeGreaterThanOrEqual(1000);
      expect(await verifyAuditTrail(t.database, testMac)).toMatchObject({ ok: true, count: 2000 });
    },
  );
});
