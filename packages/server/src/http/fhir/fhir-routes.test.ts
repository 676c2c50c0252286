import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  corpusFiles,
  loadFhirSchema,
  readCorpusJson,
  type FhirSchema,
} from '@caredesk/interop/fhir-testing';
import { PATIENT_OWNED_TABLES } from '../../storage/patients/patient-merge';
import { startWithStaff, type Inject } from '../../testing/signed-in-client';

type Desk = Awaited<ReturnType<typeof startWithStaff>>['desk'];
let desk: Desk;
let inject: Inject;
let schema: FhirSchema;
const synthea = corpusFiles('synthea', /\.json$/);

beforeAll(async () => {
  ({
    desk,
    staff: { inject },
  } = await startWithStaff());
  schema = loadFhirSchema();
});
afterAll(async () => desk.dispose());

// Every table with an updated_at (care-team rows are never updated, only added).
const TABLES = [
  'patients',
  'practitioners',
  'organizations',
  ...PATIENT_OWNED_TABLES.filter((t) => t !== 'care_team_members'),
] as const;

async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of TABLES) {
    const r = await sql<{
      n: number;
      h: string | null;
    }>`SELECT COUNT(*) AS n, MAX(updated_at) AS h FROM ${sql.table(t)}`.execute(desk.database.db);
    out[t] = `${r.rows[0]?.n}@${r.rows[0]?.h}`;
  }
  return out;
}

function post(body: unknown, contentType = 'application/fhir+json') {
  return inject({
    method: 'POST',
    url: '/fhir/R4',
    payload: JSON.stringify(body),
    headers: { 'content-type': contentType },
  });
}

describe('FHIR R4 import and read', () => {
  it('imports every Synthea bundle through POST /fhir/R4', { timeout: 120_000 }, async () => {
    expect(synthea.length).toBe(25);
    for (const file of synthea) {
      const bundle = readCorpusJson('synthea', file) as { entry: unknown[] };
      const res = await post(bundle);
      expect(res.statusCode, file).toBe(200);
      const body = res.json();
      expect(body.type).toBe('transaction-response');
      expect(body.entry).toHaveLength(bundle.entry.length);
    }
    const n = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM patients`.execute(
      desk.database.db,
    );
    expect(Number(n.rows[0]?.n)).toBe(25);
  });

  it('re-importing the same bundles changes nothing', { timeout: 120_000 }, async () => {
    const before = await snapshot();
    for (const file of synthea.slice(0, 5))
      expect((await post(readCorpusJson('synthea', file))).statusCode).toBe(200);
    expect(await snapshot()).toEqual(before);
  });

  it('serves imported patients as valid R4 JSON, and finds them by name, birthdate and identifier', async () => {
    const bundle = readCorpusJson('synthea', synthea[0]!) as {
      entry: Array<{
        resource: {
          resourceType: string;
          id: string;
          name: Array<{ family: string }>;
          birthDate: string;
        };
      }>;
    };
    const source = bundle.entry.find((e) => e.resource.resourceType === 'Patient')!.resource;
    const read = await inject({ method: 'GET', url: `/fhir/R4/Patient/${source.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toContain('application/fhir+json');
    const patient = read.json();
    expect(schema.errors(patient)).toEqual([]);
    expect(patient.birthDate).toBe(source.birthDate);

    const family = source.name[0]!.family;
    const byName = await inject({
      method: 'GET',
      url: `/fhir/R4/Patient?name=${encodeURIComponent(family)}&birthdate=${source.birthDate}`,
    });
    expect(byName.statusCode).toBe(200);
    const bundleOut = byName.json();
    expect(schema.errors(bundleOut)).toEqual([]);
    expect(bundleOut.entry.map((e: { resource: { id: string } }) => e.resource.id)).toContain(
      source.id,
    );
    const year = source.birthDate.slice(0, 4);
    const byYear = await inject({
      method: 'GET',
      url: `/fhir/R4/Patient?birthdate=${year}&_count=100`,
    });
    expect(byYear.json().entry.map((e: { resource: { id: string } }) => e.resource.id)).toContain(
      source.id,
    );
    const ident = patient.identifier[0];
    const byIdent = await inject({
      method: 'GET',
      url: `/fhir/R4/Patient?identifier=${encodeURIComponent(`${ident.system}|${ident.value}`)}`,
    });
    expect(byIdent.json().entry.map((e: { resource: { id: string } }) => e.resource.id)).toEqual([
      source.id,
    ]);
  });

  it('answers metadata with a valid CapabilityStatement', async () => {
    const res = await inject({ method: 'GET', url: '/fhir/R4/metadata' });
    expect(res.statusCode).toBe(200);
    const cs = res.json();
    expect(cs.fhirVersion).toBe('4.0.1');
    // The published R4 schema's version enum stops at 4.0.0; everything else must validate.
    expect(schema.errors(cs).filter((e) => !e.includes('fhirVersion'))).toEqual([]);
  });

  it('rejects a bad bundle whole, naming the entry, and writes nothing', async () => {
    const before = await snapshot();
    const good = readCorpusJson('synthea', synthea[1]!) as {
      entry: Array<{ resource: Record<string, unknown> }>;
    };
    const fresh = structuredClone(good);
    // A patient from a bundle not yet imported would be created... were it not for entry 3.
    const patient = fresh.entry.find((e) => e.resource.resourceType === 'Patient')!.resource;
    patient.id = '00000000-0000-4000-8000-000000000001';
    fresh.entry[3]!.resource = {
      ...fresh.entry[3]!.resource,
      resourceType: 'Encounter',
      status: 'not-a-status',
    };
    const res = await post(fresh);
    expect(res.statusCode).toBe(400);
    const outcome = res.json();
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(JSON.stringify(outcome.issue)).toContain('Bundle.entry[3]');
    expect(await snapshot()).toEqual(before);
    const missing = await inject({
      method: 'GET',
      url: '/fhir/R4/Patient/00000000-0000-4000-8000-000000000001',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().resourceType).toBe('OperationOutcome');
  });

  it('answers errors on /fhir with OperationOutcome, not problem+json', async () => {
    const notJson = await inject({
      method: 'POST',
      url: '/fhir/R4',
      payload: '{"resourceType":',
      headers: { 'content-type': 'application/fhir+json' },
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().resourceType).toBe('OperationOutcome');
    const badParam = await inject({
      method: 'GET',
      url: "/fhir/R4/Patient?name='%20OR%20'1'='1&_sort=name;DROP",
    });
    expect(badParam.statusCode).toBe(400);
    expect(badParam.json().resourceType).toBe('OperationOutcome');
    const collection = await post({ resourceType: 'Bundle', type: 'collection', entry: [] });
    expect(collection.statusCode).toBe(400);
  });
});
