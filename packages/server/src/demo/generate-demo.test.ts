import { canonicalText, importBatchSize, textProblem } from '@caredesk/core';
import type { ImportBatch } from '@caredesk/core';
import { describe, expect, it } from 'vitest';
import { generateDemo, generateDemoReference, generatePatientsStream } from './generate-demo';
import { STAFF_ROLES } from './demo-types';
import { isValidNpi } from './npi';

const NOW = new Date('2026-03-01T12:00:00Z');
const ORG = 'org-riverside';
const opts = (seed: number, patientCount: number) => ({
  seed,
  patientCount,
  now: NOW,
  organizationId: ORG,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PHONE = /^\+[1-9]\d{7,14}$/;
const EMAIL = /^[a-z0-9]+(?:[._-][a-z0-9]+)*@example\.(?:com|org|net)$/;
const YEAR_MS = 365.25 * 86_400_000;

const big = generateDemo(opts(2026, 2_000));
const { batch } = big;

function allRecords(b: ImportBatch): { id: string }[] {
  return Object.values(b).flat() as { id: string }[];
}

describe('generateDemo determinism', () => {
  it('gives deep-equal data for the same seed and different data for another', () => {
    const a = generateDemo(opts(7, 150));
    const b = generateDemo(opts(7, 150));
    const c = generateDemo(opts(8, 150));
    expect(b).toEqual(a);
    expect(c.batch.patients).not.toEqual(a.batch.patients);
    expect(c.batch.patients[0]!.id).not.toBe(a.batch.patients[0]!.id);
  });

  it('streams exactly the same records as one batch, whatever the chunk size', () => {
    const whole = generateDemo(opts(11, 250)).batch;
    const chunks = [...generatePatientsStream({ ...opts(11, 250), chunkSize: 64 })];
    expect(chunks).toHaveLength(4);
    expect(chunks.slice(1).every((c) => c.organizations.length === 0)).toBe(true);
    const merged = chunks.reduce<ImportBatch>(
      (acc, c) => {
        for (const key of Object.keys(acc) as (keyof ImportBatch)[]) {
          (acc[key] as unknown[]).push(...c[key]);
        }
        return acc;
      },
      structuredClone({ ...whole, ...Object.fromEntries(Object.keys(whole).map((k) => [k, []])) }),
    );
    expect(merged).toEqual(whole);
  });

  it('prefix-stable: the first patients do not change when more are generated', () => {
    const small = generateDemo(opts(5, 20)).batch.patients;
    expect(generateDemo(opts(5, 60)).batch.patients.slice(0, 20)).toEqual(small);
  });

  it('handles zero patients and rejects bad options', () => {
    const chunks = [...generatePatientsStream(opts(1, 0))];
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.patients).toHaveLength(0);
    expect(chunks[0]!.organizations.length).toBeGreaterThanOrEqual(3);
    expect(() => generateDemo(opts(1, -1))).toThrow(RangeError);
    expect(() => generateDemo({ ...opts(1, 1), now: new Date('nope') })).toThrow(RangeError);
    expect(() => [...generatePatientsStream({ ...opts(1, 5), chunkSize: 0 })]).toThrow(RangeError);
  });
});

describe('reference data', () => {
  it('describes the clinic with hours, identifiers and a Luhn-valid NPI', () => {
    const org = big.organization;
    expect(org.id).toBe(ORG);
    expect(org.kind).toBe('prov');
    expect(org.timeZone).toBe('America/Chicago');
    expect(org.businessHours).toContainEqual({ day: 1, opens: '08:00', closes: '17:00' });
    expect(org.businessHours).toContainEqual({ day: 6, opens: '09:00', closes: '13:00' });
    expect(org.businessHours.some((h) => h.day === 0)).toBe(false);
    const npi = org.identifiers.find((i) => i.type === 'NPI')!.value;
    expect(isValidNpi(npi)).toBe(true);
    expect(org.identifiers.find((i) => i.type === 'TAX')!.value).toMatch(/^\d{2}-\d{7}$/);
    expect(org.telecom.length).toBeGreaterThan(0);
    expect(generateDemoReference({ seed: 2026, organizationId: ORG }).organization).toEqual(org);
  });

  it('has staff for every role, in all four languages, with demo e-mails', () => {
    for (const role of STAFF_ROLES) {
      expect(
        big.staff.some((s) => s.role === role && s.email === `${role}@demo.caredesk.test`),
      ).toBe(true);
    }
    expect(new Set(big.staff.map((s) => s.preferredLanguage))).toEqual(
      new Set(['en', 'es', 'lv', 'nb']),
    );
    expect(new Set(big.staff.map((s) => s.email)).size).toBe(big.staff.length);
    expect(big.staff.every((s) => UUID.test(s.id))).toBe(true);
  });

  it('has 3-5 practitioners with valid NPIs, two locations and payers', () => {
    expect(batch.practitioners.length).toBeGreaterThanOrEqual(3);
    expect(batch.practitioners.length).toBeLessThanOrEqual(5);
    for (const p of batch.practitioners) {
      expect(p.npi).not.toBeNull();
      expect(isValidNpi(p.npi!)).toBe(true);
      expect(p.identifiers[0]!.value).toBe(p.npi);
    }
    expect(batch.locations).toHaveLength(2);
    expect(batch.locations.every((l) => l.organizationId === ORG)).toBe(true);
    const payers = batch.organizations.filter((o) => o.kind === 'pay');
    expect(payers.length).toBeGreaterThanOrEqual(3);
    expect(payers.every((p) => p.identifiers.length > 0)).toBe(true);
  });
});

describe('generated records', () => {
  it('has the requested patients and unique, UUID-shaped ids', () => {
    expect(batch.patients).toHaveLength(2_000);
    const ids = allRecords(batch).map((r) => r.id);
    expect(ids.every((id) => UUID.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(importBatchSize(batch)).toBe(ids.length);
  });

  it('gives every record a unique demo sourceKey and entryIndex -1', () => {
    for (const [type, list] of Object.entries(batch)) {
      const keys = (list as { source: { sourceKey: string; entryIndex: number } }[]).map(
        (r) => r.source,
      );
      expect(keys.every((s) => s.entryIndex === -1 && s.sourceKey.startsWith('demo/'))).toBe(true);
      expect(new Set(keys.map((s) => s.sourceKey)).size, type).toBe(keys.length);
    }
    expect(batch.patients[0]!.source.sourceKey).toBe('demo/Patient/1');
  });

  it('points every record at a patient, encounter, claim or coverage in the batch', () => {
    const patients = new Set(batch.patients.map((p) => p.id));
    const encounters = new Set(batch.encounters.map((e) => e.id));
    const claims = new Set(batch.claims.map((c) => c.id));
    const coverages = new Set(batch.coverages.map((c) => c.id));
    const meds = new Set(batch.medicationRequests.map((m) => m.id));
    const practitioners = new Set(batch.practitioners.map((p) => p.id));
    const locations = new Set(batch.locations.map((l) => l.id));
    const patientScoped = [
      ...batch.relatedPersons,
      ...batch.coverages,
      ...batch.encounters,
      ...batch.conditions,
      ...batch.medicationRequests,
      ...batch.carePlans,
      ...batch.claims,
      ...batch.explanationsOfBenefit,
    ];
    expect(patientScoped.every((r) => patients.has(r.patientId))).toBe(true);
    for (const r of [...batch.conditions, ...batch.carePlans, ...batch.claims]) {
      expect(r.encounterId === null || encounters.has(r.encounterId)).toBe(true);
    }
    for (const m of batch.medicationRequests) {
      expect(m.encounterId === null || encounters.has(m.encounterId)).toBe(true);
      expect(m.priorPrescriptionId === null || meds.has(m.priorPrescriptionId)).toBe(true);
      expect(m.requesterId !== null && practitioners.has(m.requesterId)).toBe(true);
    }
    for (const e of batch.encounters) {
      expect(practitioners.has(e.practitionerId!)).toBe(true);
      expect(locations.has(e.locationId!)).toBe(true);
      expect(e.serviceProviderId).toBe(ORG);
    }
    for (const eob of batch.explanationsOfBenefit) {
      expect(claims.has(eob.claimId!)).toBe(true);
      expect(coverages.has(eob.coverageId!)).toBe(true);
    }
    expect(batch.claims.every((c) => c.encounterId !== null)).toBe(true);
  });

  it('mixes languages about 55/25/10/10', () => {
    const share = (lang: string) =>
      batch.patients.filter((p) => p.preferredLanguage === lang).length / batch.patients.length;
    expect(Math.abs(share('en') - 0.55)).toBeLessThan(0.05);
    expect(Math.abs(share('es') - 0.25)).toBeLessThan(0.05);
    expect(Math.abs(share('lv') - 0.1)).toBeLessThan(0.05);
    expect(Math.abs(share('nb') - 0.1)).toBeLessThan(0.05);
  });

  it('writes E.164 phones and example.* e-mails everywhere', () => {
    const telecom = [
      ...batch.patients.flatMap((p) => p.telecom),
      ...batch.relatedPersons.flatMap((r) => r.telecom),
      ...batch.practitioners.flatMap((p) => p.telecom),
      ...batch.organizations.flatMap((o) => o.telecom),
    ];
    for (const t of telecom) {
      if (t.system === 'email') expect(t.value).toMatch(EMAIL);
      else expect(t.value).toMatch(PHONE);
    }
    const byLang = (lang: string) =>
      batch.patients
        .filter((p) => p.preferredLanguage === lang)
        .flatMap((p) => p.telecom.filter((t) => t.system === 'phone'));
    expect(byLang('en').every((t) => /^\+1\d{10}$/.test(t.value))).toBe(true);
    expect(byLang('lv').every((t) => /^\+3712\d{7}$/.test(t.value))).toBe(true);
    expect(byLang('nb').every((t) => /^\+47[49]\d{7}$/.test(t.value))).toBe(true);
    const ownPhones = batch.patients.flatMap((p) =>
      p.telecom.filter((t) => t.system === 'phone').map((t) => t.value),
    );
    expect(new Set(ownPhones).size).toBe(ownPhones.length);
  });

  it('uses accented names where the language has them, in canonical form', () => {
    const namesFor = (lang: string) =>
      batch.patients
        .filter((p) => p.preferredLanguage === lang)
        .flatMap((p) => p.names.flatMap((n) => [...n.given, n.family]))
        .join(' ');
    expect(namesFor('lv')).toMatch(/[āēīūšņ]/);
    expect(namesFor('nb')).toMatch(/[æøå]/);
    expect(namesFor('es')).toMatch(/[áéíóúñ]/);
    expect(namesFor('lv')).toMatch(/(ņš|ņa)(\s|$)/);
    const people = [...batch.patients, ...batch.relatedPersons];
    for (const text of people.flatMap((p) =>
      p.names.flatMap((n) => [...n.given, n.family, ...n.prefix, ...n.suffix]),
    )) {
      expect(text.length).toBeGreaterThan(0);
      expect(canonicalText(text)).toBe(text);
      expect(textProblem(text, 100)).toBeNull();
    }
    const uses = new Set(batch.patients.flatMap((p) => p.names.map((n) => n.use)));
    expect(uses.has('nickname')).toBe(true);
    expect(batch.patients.some((p) => p.names[0]!.prefix.length > 0)).toBe(true);
    expect(batch.patients.some((p) => p.names[0]!.suffix.length > 0)).toBe(true);
  });

  it('gives each patient an MR identifier, ages 0-95, some children, ~1% deceased', () => {
    const mrns = batch.patients.map((p) => p.identifiers.find((i) => i.type === 'MR')!);
    expect(
      mrns.every((i) => i.system === 'urn:caredesk:demo:mrn' && /^MRN\d{7}$/.test(i.value)),
    ).toBe(true);
    expect(new Set(mrns.map((i) => i.value)).size).toBe(mrns.length);
    const ages = batch.patients.map((p) => (NOW.getTime() - Date.parse(p.birthDate!)) / YEAR_MS);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeLessThan(97);
    expect(ages.filter((a) => a < 18).length / ages.length).toBeGreaterThan(0.1);
    expect(ages.some((a) => a > 85)).toBe(true);
    const deceased = batch.patients.filter((p) => p.deceased);
    expect(deceased.length / batch.patients.length).toBeGreaterThan(0.002);
    expect(deceased.length / batch.patients.length).toBeLessThan(0.025);
    expect(
      deceased.every((p) => p.deceasedAt !== null && Date.parse(p.deceasedAt) < NOW.getTime()),
    ).toBe(true);
    expect(batch.patients.some((p) => p.genderIdentity !== null)).toBe(true);
    const channels = new Set(batch.patients.map((p) => p.preferredChannel));
    expect(channels.size).toBeGreaterThanOrEqual(4);
    const zone = {
      en: 'America/Chicago',
      es: 'America/Chicago',
      lv: 'Europe/Riga',
      nb: 'Europe/Oslo',
    };
    const quiet = batch.patients.filter((p) => p.quietHours !== null);
    expect(quiet.length).toBeGreaterThan(200);
    for (const p of quiet) {
      expect(p.quietHours).toEqual({
        start: '21:00',
        end: '08:00',
        timeZone: zone[p.preferredLanguage as 'en'],
      });
    }
    const lvAddresses = batch.patients
      .filter((p) => p.preferredLanguage === 'lv')
      .map((p) => p.addresses[0]!);
    expect(lvAddresses.every((a) => a.country === 'LV' && /^LV-\d{4}$/.test(a.postalCode!))).toBe(
      true,
    );
  });

  it('keeps visits in the past three years, after birth and before death', () => {
    const patients = new Map(batch.patients.map((p) => [p.id, p]));
    for (const e of batch.encounters) {
      const p = patients.get(e.patientId)!;
      const start = Date.parse(e.periodStart!);
      expect(start).toBeGreaterThanOrEqual(NOW.getTime() - 3 * YEAR_MS);
      expect(start).toBeGreaterThanOrEqual(Date.parse(p.birthDate!));
      const end = e.periodEnd === null ? NOW.getTime() : Date.parse(e.periodEnd);
      expect(end).toBeGreaterThanOrEqual(start);
      expect(end).toBeLessThanOrEqual(
        p.deceasedAt === null ? NOW.getTime() : Date.parse(p.deceasedAt),
      );
      if (e.classCode === 'IMP' && e.status === 'finished')
        expect(e.dischargeDisposition).not.toBeNull();
    }
    const perPatient = new Map<string, number>();
    for (const e of batch.encounters)
      perPatient.set(e.patientId, (perPatient.get(e.patientId) ?? 0) + 1);
    expect(perPatient.size).toBe(batch.patients.length);
    expect([...perPatient.values()].every((n) => n >= 1 && n <= 4)).toBe(true);
    const classes = batch.encounters.map((e) => e.classCode);
    expect(classes.filter((c) => c === 'AMB').length / classes.length).toBeGreaterThan(0.6);
    expect(classes).toContain('IMP');
    expect(classes).toContain('EMER');
  });

  it('codes conditions in SNOMED and ICD-10-CM, ~12% type 2 diabetes, each with a care plan', () => {
    expect(new Set(batch.conditions.map((c) => c.code.system))).toEqual(
      new Set(['http://snomed.info/sct', 'http://hl7.org/fhir/sid/icd-10-cm']),
    );
    const diabetic = new Set(
      batch.conditions
        .filter((c) => c.code.code === '44054006' || c.code.code === 'E11.9')
        .map((c) => c.patientId),
    );
    expect(Math.abs(diabetic.size / batch.patients.length - 0.12)).toBeLessThan(0.04);
    const planned = new Set(
      batch.carePlans
        .filter((p) => p.categories.some((c) => c.code === '698360004'))
        .map((p) => p.patientId),
    );
    expect(planned).toEqual(diabetic);
    expect(batch.carePlans.every((p) => p.activities.length > 0)).toBe(true);
    const perPatient = new Map<string, number>();
    for (const c of batch.conditions)
      perPatient.set(c.patientId, (perPatient.get(c.patientId) ?? 0) + 1);
    expect([...perPatient.values()].every((n) => n <= 3)).toBe(true);
  });

  it('prescribes with RxNorm codes, 0-5 refills and a validity date', () => {
    const perPatient = new Map<string, number>();
    for (const m of batch.medicationRequests) {
      expect(m.medication.system).toBe('http://www.nlm.nih.gov/research/umls/rxnorm');
      expect(m.refillsAllowed).toBeGreaterThanOrEqual(0);
      expect(m.refillsAllowed).toBeLessThanOrEqual(5);
      expect(m.validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      perPatient.set(m.patientId, (perPatient.get(m.patientId) ?? 0) + 1);
    }
    expect([...perPatient.values()].every((n) => n <= 3)).toBe(true);
    const codes = new Set(batch.medicationRequests.map((m) => m.medication.code));
    for (const code of ['860975', '314076', '745679']) expect(codes).toContain(code);
    expect(batch.medicationRequests.some((m) => m.priorPrescriptionId !== null)).toBe(true);
    const active = batch.medicationRequests.filter((m) => m.status === 'active').length;
    expect(active / batch.medicationRequests.length).toBeGreaterThan(0.3);
  });

  it('covers most patients (about 8% uninsured) in coordination-of-benefits order', () => {
    const byPatient = new Map<string, number[]>();
    for (const c of batch.coverages)
      byPatient.set(c.patientId, [...(byPatient.get(c.patientId) ?? []), c.order]);
    const uninsured = 1 - byPatient.size / batch.patients.length;
    expect(Math.abs(uninsured - 0.08)).toBeLessThan(0.03);
    for (const orders of byPatient.values())
      expect(orders).toEqual(orders.map((_, i) => i + 1).slice(0, orders.length));
    expect([...byPatient.values()].some((o) => o.length === 2)).toBe(true);
    expect(batch.coverages.every((c) => c.memberId !== null && c.memberId.length >= 8)).toBe(true);
    const coverageStart = new Map(
      batch.coverages.filter((c) => c.order === 1).map((c) => [c.patientId, c.periodStart!]),
    );
    const encounterStart = new Map(batch.encounters.map((e) => [e.id, e.periodStart!]));
    for (const claim of batch.claims) {
      expect(
        encounterStart.get(claim.encounterId!)!.slice(0, 10) >= coverageStart.get(claim.patientId)!,
      ).toBe(true);
    }
    const relationships = new Set(batch.coverages.map((c) => c.relationship));
    for (const r of ['self', 'child', 'spouse']) expect(relationships).toContain(r);
  });

  it('gives children a parent caregiver and some elderly a family caregiver', () => {
    const caregivers = new Map<string, string[]>();
    for (const r of batch.relatedPersons) {
      if (r.isCaregiver)
        caregivers.set(r.patientId, [...(caregivers.get(r.patientId) ?? []), r.relationship]);
    }
    const age = (birth: string) => (NOW.getTime() - Date.parse(birth)) / YEAR_MS;
    const children = batch.patients.filter((p) => age(p.birthDate!) < 18);
    for (const c of children)
      expect(caregivers.get(c.id)!.some((r) => r === 'MTH' || r === 'FTH')).toBe(true);
    const elderly = batch.patients.filter((p) => age(p.birthDate!) >= 65);
    const withCare = elderly.filter((p) =>
      caregivers.get(p.id)?.some((r) => ['DAU', 'SON', 'SPS'].includes(r)),
    );
    expect(withCare.length / elderly.length).toBeGreaterThan(0.08);
    expect(withCare.length / elderly.length).toBeLessThan(0.25);
    expect(batch.relatedPersons.some((r) => !r.isCaregiver)).toBe(true);
  });
});
