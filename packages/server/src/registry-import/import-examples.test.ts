import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { corpusFiles, readCorpusJson } from '@caredesk/interop/fhir-testing';
import { startWithStaff, type Inject } from '../testing/signed-in-client';
import { PATIENT_OWNED_TABLES } from '../storage/patients/patient-merge';
import { systemAudit } from '../access/request-audit';
import { ImportFailed } from './import-service';

type Desk = Awaited<ReturnType<typeof startWithStaff>>['desk'];
let desk: Desk;
let inject: Inject;
beforeAll(async () => {
  ({
    desk,
    staff: { inject },
  } = await startWithStaff());
});
afterAll(async () => desk.dispose());

// Referenced resources first, so that references between examples resolve.
const ORDER = [
  'Patient',
  'Practitioner',
  'Organization',
  'Location',
  'RelatedPerson',
  'Coverage',
  'Encounter',
  'Condition',
  'MedicationRequest',
  'CarePlan',
  'Claim',
  'ExplanationOfBenefit',
];

async function rowCount(): Promise<number> {
  let n = 0;
  for (const table of ['patients', ...PATIENT_OWNED_TABLES] as const) {
    const r = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${sql.table(table)}`.execute(
      desk.database.db,
    );
    n += Number(r.rows[0]?.n);
  }
  return n;
}

describe('official FHIR R4 examples through the import service', () => {
  it(
    'stores each relevant example, or rejects it whole naming what is missing',
    { timeout: 60_000 },
    async () => {
      const outcomes: Record<string, { stored: number; rejected: string[] }> = {};
      for (const type of ORDER) {
        const files = corpusFiles('fhir-r4-examples', new RegExp(`^${type}-.*\\.json$`));
        const tally = (outcomes[type] = { stored: 0, rejected: [] as string[] });
        for (const file of files) {
          const before = await rowCount();
          try {
            const audit = systemAudit(desk.services.audit, {
              name: `test import ${file}`,
              organizationId: desk.organizationId,
              now: new Date(),
            });
            const r = await desk.services.imports.importFhir(
              desk.organizationId,
              readCorpusJson('fhir-r4-examples', file),
              audit,
            );
            expect(r.records, file).toBeGreaterThan(0);
            tally.stored++;
          } catch (e) {
            // Only a clean, whole rejection is acceptable, and it must leave no rows behind.
            expect(e, file).toBeInstanceOf(ImportFailed);
            expect((e as ImportFailed).problems.length, file).toBeGreaterThan(0);
            expect(await rowCount(), file).toBe(before);
            tally.rejected.push(`${file}: ${(e as ImportFailed).problems[0]?.diagnostics}`);
          }
        }
      }
      console.info(
        `FHIR examples: ${JSON.stringify(Object.fromEntries(Object.entries(outcomes).map(([k, v]) => [k, { stored: v.stored, rejected: v.rejected.length }])))}`,
      );
      // Patient examples are stored, except Patient-mom, which reuses Patient-example's
      // SSN (an identifier names one person), and the newborn that has neither a name nor
      // an identifier (nothing anyone could find it by).
      expect(outcomes.Patient!.rejected.map((why) => why.split(':')[0]).sort()).toEqual([
        'Patient-mom.json',
        'Patient-newborn.json',
      ]);
      expect(outcomes.Patient!.rejected.join('\n')).toMatch(/already belongs to another patient/);
      expect(outcomes.Patient!.rejected.join('\n')).toMatch(/needs a name or an identifier/);
      expect(outcomes.Patient!.stored).toBe(20);
      // Rejections are only for references to patients CareDesk does not hold.
      for (const { rejected } of Object.values(outcomes)) {
        for (const why of rejected) expect(why).toMatch(/patient/i);
      }
      const stored = Object.values(outcomes).reduce((n, o) => n + o.stored, 0);
      expect(stored).toBeGreaterThan(80);
    },
  );

  it('serves a stored example back as R4 with its names and birth date', async () => {
    const res = await inject({ method: 'GET', url: '/fhir/R4/Patient?name=chalmers' });
    const entries = res.json().entry as Array<{
      resource: { birthDate: string; name: Array<{ given: string[] }> };
    }>;
    expect(entries.length).toBeGreaterThan(0);
    expect(entries[0]!.resource.birthDate).toBe('1974-12-25');
  });
});
