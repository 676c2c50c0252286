import { parseHl7 } from '@caredesk/interop/hl7v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrganization } from '../../storage/contract/registry-fixtures';
import { parseDoc } from '../../storage/json';
import { createTestDatabase, type TestDatabase } from '../../storage/testing/test-database';
import { Hl7Inbox } from '../hl7-inbox';
import type { AdtEncounter } from './adt-encounters';
import {
  adtInbox,
  clock,
  corpusAdtFiles,
  corpusMessage,
  testAdtHandlers,
} from './testing/adt-messages';

/** Events CareDesk leaves to the inbox's AR 201 (see adt-handlers.ts for why). */
const NOT_TAKEN = [
  'A09',
  'A10',
  'A15',
  'A16',
  'A25',
  'A26',
  'A27',
  'A29',
  'A41',
  'A45',
  'A47',
  'A60',
];

/**
 * Deliberate AE: these samples have no MR identifier in PID-3 (one vendor's A06/A07 put
 * the facility in CX.5; another puts "MR" in CX.4, the authority). Matching a patient by
 * anything else could attach a visit to the wrong person.
 */
const REFUSED: Record<string, string> = {
  'ADT-A06-01.hl7': 'PID-3 holds no MR identifier',
  'ADT-A06-02.hl7': 'PID-3 holds no MR identifier',
  'ADT-A07-01.hl7': 'PID-3 holds no MR identifier',
  'ADT-A07-02.hl7': 'PID-3 holds no MR identifier',
  'ADT04-28.hl7': 'PID-3 holds no MR identifier',
};

describe('every ADT message of the shared corpus through the handler map', () => {
  let t: TestDatabase;
  let org: string;
  const crashes: unknown[] = [];

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    org = await addOrganization(t.database, 'General Hospital');
  });
  afterAll(() => t.dispose());

  const files = corpusAdtFiles();
  it('covers the corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(57);
  });

  // In file order, into one database, as one feed would deliver them.
  it.each(files)('%s is AA, a deliberate AE, or AR 201 for an event not taken', async (file) => {
    const inbox = new Hl7Inbox({
      database: t.database,
      clock,
      organizationId: org,
      handlers: testAdtHandlers(t.database),
      onError: (e) => crashes.push(e),
    });
    const receipt = await inbox.receive(corpusMessage(file), null);
    const ack = parseHl7(receipt.ack);
    const trigger = parseHl7(corpusMessage(file)).messageType.trigger;
    if (NOT_TAKEN.includes(trigger)) {
      expect(receipt.ackCode).toBe('AR');
      expect(ack.get('ERR-3')).toBe('201');
    } else if (REFUSED[file]) {
      expect(receipt).toMatchObject({ ackCode: 'AE', status: 'failed' });
      // ERR-8 from v2.5; older versions carry the text in MSA-3.
      expect(ack.get('ERR-8') || ack.get('MSA-3')).toContain(REFUSED[file]);
    } else {
      expect(receipt).toMatchObject({ ackCode: 'AA', status: 'processed' });
    }
    expect(crashes).toEqual([]);
  });
});

describe('real corpus values land in the records', () => {
  let t: TestDatabase;
  let org: string;

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    org = await addOrganization(t.database, 'General Hospital');
  });
  afterAll(() => t.dispose());

  const encounterOf = async (patientId: string) => {
    const row = await t.database.db
      .selectFrom('encounters')
      .selectAll()
      .where('patient_id', '=', patientId)
      .executeTakeFirstOrThrow();
    return { row, doc: parseDoc<AdtEncounter>(row.data) };
  };
  const patientOf = (mrn: string) =>
    t.database.db
      .selectFrom('patient_identifiers as i')
      .innerJoin('patients as p', 'p.id', 'i.patient_id')
      .selectAll('p')
      .select(['i.system', 'i.type'])
      .where('i.value', '=', mrn)
      .executeTakeFirstOrThrow();

  it('A03: the discharge time PV1-45 (+0110), the CWE disposition, the destination, the MR', async () => {
    const receipt = await adtInbox(t.database, org).receive(corpusMessage('ADT-A03-01.hl7'), null);
    expect(receipt.ackCode).toBe('AA');
    const patient = await patientOf('PATID1234');
    expect(patient).toMatchObject({
      system: 'urn:oid:2.16.1',
      type: 'MR',
      birth_date: '1988-08-18',
      administrative_sex: 'male',
      preferred_language: 'ar',
    });
    // PID-30 = Y: the patient died, so nobody should be called about this discharge.
    expect(Number(patient.deceased)).toBe(1);
    const { row, doc } = await encounterOf(patient.id);
    expect(row).toMatchObject({
      status: 'finished',
      period_start: '2015-02-08T10:24:19.000Z',
      period_end: '2015-02-09T10:24:19.000Z',
    });
    expect(doc.visitNumber).toBe('40007716');
    expect(doc.dischargeDisposition).toEqual({
      system: 'http://terminology.hl7.org/CodeSystem/v2-0112',
      code: '09',
      display: 'Admitted as Inpatient Sample',
    });
    expect(doc.hl7.destination).toEqual({ code: '22', display: 'Homes' });
    expect(doc.hl7.followUp).toMatchObject({ action: 'suppress', reason: 'patient-deceased' });
    const stored = await t.database.db.selectFrom('hl7_messages').select('id').execute();
    expect(doc.hl7.lastMessageId).toBe(stored[0]!.id);
    const kin = await t.database.db
      .selectFrom('related_persons')
      .select('data')
      .where('patient_id', '=', patient.id)
      .execute();
    expect(
      kin.map((k) => parseDoc<{ names: Array<{ family: string }> }>(k.data).names[0]!.family),
    ).toEqual(['Evan']);
  });

  it('A01 (v2.3, LF endings, BOM): an inpatient admission with its ward, bed and attending', async () => {
    expect(
      (await adtInbox(t.database, org).receive(corpusMessage('ADT01-23.hl7'), null)).ackCode,
    ).toBe('AA');
    const patient = await patientOf('10006579');
    expect(patient.sort_name.toUpperCase()).toContain('DUCK');
    expect(parseDoc<{ telecom: unknown[] }>(patient.data).telecom).toContainEqual({
      system: 'phone',
      value: '+18885551212',
      use: 'home',
    });
    const { row, doc } = await encounterOf(patient.id);
    expect(row).toMatchObject({ status: 'in-progress', period_start: '2005-01-09T21:55:02.000Z' });
    expect(doc.classCode).toBe('IMP');
    expect(doc.hl7.location).toMatchObject({ pointOfCare: 'PREOP', room: '101', bed: '1' });
    expect(doc.hl7.attending).toEqual({ id: '37', name: 'WALT DISNEY' });
  });

  it('A04 without a visit number: an emergency registration keyed by its admit time', async () => {
    expect(
      (await adtInbox(t.database, org).receive(corpusMessage('ADT04-251.hl7'), null)).ackCode,
    ).toBe('AA');
    const patient = await patientOf('MRN12345');
    expect(patient.system).toBe('urn:caredesk:hl7v2:authority:Special%20Hospital');
    const { row, doc } = await encounterOf(patient.id);
    expect(row).toMatchObject({ status: 'arrived', period_start: '2019-05-04T11:12:05.000Z' });
    expect(doc.classCode).toBe('EMER');
  });

  it('A40 with two PID/MRG pairs: each prior MRN now leads to its survivor', async () => {
    expect(
      (await adtInbox(t.database, org).receive(corpusMessage('ADT-A40-02.hl7'), null)).ackCode,
    ).toBe('AA');
    expect((await patientOf('56789')).id).toBe((await patientOf('12345')).id);
    expect((await patientOf('569')).id).toBe((await patientOf('145')).id);
  });
});
