import { parseHl7 } from '@caredesk/interop/hl7v2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDoc } from '../../storage/json';
import type { Engine } from '../../storage/database';
import { addOrganization } from '../../storage/contract/registry-fixtures';
import { createTestDatabase, type TestDatabase } from '../../storage/testing/test-database';
import { openCase } from './testing/open-case';
import type { AdtEncounter } from './adt-encounters';
import { adt, adtInbox, evn, pid, pv1 } from './testing/adt-messages';

/** ADT sequences as a real feed sends them, against either engine (standards brief §3). */
export function describeAdtContract(engine: Engine): void {
  describe(`ADT sequences (${engine})`, () => {
    let t: TestDatabase;
    let org: string;
    let n = 0;

    const send = async (trigger: string, ...segments: string[]) => {
      const receipt = await adtInbox(t.database, org).receive(
        adt(trigger, `C-${++n}`, ...segments),
        null,
      );
      const ack = parseHl7(receipt.ack);
      return { code: receipt.ackCode, text: ack.get('ERR-8') || ack.get('MSA-3') };
    };
    const encounters = async () =>
      (
        await t.database.db.selectFrom('encounters').selectAll().orderBy('created_at').execute()
      ).map((r) => ({ ...r, doc: parseDoc<AdtEncounter>(r.data) }));
    const patientOf = async (mrn: string) => {
      const holder = await t.database.db
        .selectFrom('patient_identifiers')
        .select('patient_id')
        .where('value', '=', mrn)
        .executeTakeFirstOrThrow();
      return t.database.db
        .selectFrom('patients')
        .selectAll()
        .where('id', '=', holder.patient_id)
        .executeTakeFirstOrThrow();
    };

    beforeEach(async () => {
      t = await createTestDatabase(engine);
      org = await addOrganization(t.database, 'Riga East Hospital');
    });
    afterEach(() => t.dispose());

    it('admit → transfer → discharge → cancel discharge → discharge: one visit, finished once, with the last discharge time', async () => {
      const visit = { visit: 'V-1', admit: '202611200800+0100' };
      expect(
        await send('A01', evn('A01'), pid('MRN-1'), pv1({ ...visit, location: '4E^12^B' })),
      ).toMatchObject({ code: 'AA' });
      await send('A02', evn('A02'), pid('MRN-1'), pv1({ ...visit, location: '5W^3^A' }));
      const firstDischarge = pv1({ ...visit, discharge: '202611231030+0100', disposition: '01' });
      await send('A03', evn('A03'), pid('MRN-1'), firstDischarge);
      expect((await encounters())[0]).toMatchObject({
        status: 'finished',
        period_end: '2026-11-23T09:30:00.000Z',
      });
      await send('A13', evn('A13'), pid('MRN-1'), pv1(visit));
      expect((await encounters())[0]).toMatchObject({ status: 'in-progress', period_end: null });
      await send(
        'A03',
        evn('A03'),
        pid('MRN-1'),
        pv1({
          ...visit,
          discharge: '202611241100+0100',
          disposition: 'Left against medical advice',
        }),
      );
      const [only, ...others] = await encounters();
      expect(others).toEqual([]);
      expect(only).toMatchObject({
        status: 'finished',
        period_start: '2026-11-20T07:00:00.000Z',
        period_end: '2026-11-24T10:00:00.000Z',
      });
      expect(only!.doc.hl7.locationText).toBe('5W, room 3, bed A');
      expect(only!.doc.dischargeDisposition).toMatchObject({ code: '07' });
      expect(only!.doc.hl7.followUp).toMatchObject({ action: 'follow-up', priority: 'high' });
      expect(only!.doc.hl7.lastEvent).toBe('ADT^A03');
    });

    it('changes nothing when the same discharge comes again under a new control id', async () => {
      const discharge = pv1({ visit: 'V-2', admit: '202611200800', discharge: '202611231030' });
      await send('A03', evn('A03'), pid('MRN-2'), discharge);
      const [before] = await encounters();
      const patientBefore = await patientOf('MRN-2');
      expect(await send('A03', evn('A03'), pid('MRN-2'), discharge)).toMatchObject({ code: 'AA' });
      const [after] = await encounters();
      expect(after!.updated_at).toBe(before!.updated_at);
      expect(after!.doc.hl7.lastMessageId).toBe(before!.doc.hl7.lastMessageId);
      expect(Number((await patientOf('MRN-2')).version)).toBe(Number(patientBefore.version));
      // Audited once, by the feed, naming the message and not the patient's data.
      const audit = await t.database.db
        .selectFrom('audit_entries')
        .select(['actor_kind', 'actor_name', 'action', 'resource_type', 'patient_id', 'detail'])
        .orderBy('seq')
        .execute();
      expect(audit.map((a) => [a.action, a.resource_type])).toEqual([
        ['create', 'Patient'],
        ['create', 'Encounter'],
      ]);
      expect(audit[0]).toMatchObject({
        actor_kind: 'system',
        actor_name: 'HL7 ADT feed',
        patient_id: patientBefore.id,
      });
      expect(parseDoc(audit[1]!.detail!)).toEqual({
        hl7MessageId: before!.doc.hl7.lastMessageId,
        event: 'ADT^A03',
      });
    });

    it('creates the patient from an update that arrives before the admit', async () => {
      expect(await send('A08', evn('A08'), pid('MRN-3'))).toMatchObject({ code: 'AA' });
      const created = await patientOf('MRN-3');
      expect(created).toMatchObject({ birth_date: '1950-04-12', preferred_language: 'lv' });
      expect(await encounters()).toEqual([]);
      await send('A01', evn('A01'), pid('MRN-3'), pv1({ visit: 'V-3', admit: '202611200800' }));
      expect((await patientOf('MRN-3')).id).toBe(created.id);
      expect((await encounters()).map((e) => e.patient_id)).toEqual([created.id]);
    });

    it('A08 refreshes name and language; a later A02 with old demographics does not roll them back', async () => {
      await send('A01', evn('A01'), pid('MRN-14'), pv1({ visit: 'V-14', admit: '202611200800' }));
      await send('A08', evn('A08'), pid('MRN-14', { family: 'Kalnina', language: 'nb-NO' }));
      const updated = await patientOf('MRN-14');
      expect(updated).toMatchObject({ preferred_language: 'nb' });
      expect(parseDoc<{ names: Array<{ family: string }> }>(updated.data).names[0]!.family).toBe(
        'Kalnina',
      );
      await send('A02', evn('A02'), pid('MRN-14'), pv1({ visit: 'V-14', location: '2N^1^A' }));
      const after = await patientOf('MRN-14');
      expect(after.preferred_language).toBe('nb');
      expect(Number(after.version)).toBe(Number(updated.version));
    });

    it('cancels an admit (A11) and changes the class on A06', async () => {
      await send(
        'A01',
        evn('A01'),
        pid('MRN-4'),
        pv1({ visit: 'V-4', cls: 'O', admit: '202611200800' }),
      );
      await send('A06', evn('A06'), pid('MRN-4'), pv1({ visit: 'V-4', cls: 'I' }));
      expect((await encounters())[0]!.doc.classCode).toBe('IMP');
      await send('A11', evn('A11'), pid('MRN-4'), pv1({ visit: 'V-4' }));
      expect((await encounters())[0]!.status).toBe('cancelled');
    });

    it('finds a visit without a visit number by its admit time, and then as the latest one', async () => {
      await send('A04', evn('A04'), pid('MRN-5'), pv1({ cls: 'E', admit: '202611240200' }));
      await send('A03', evn('A03', '202611240530'), pid('MRN-5'), pv1({ cls: 'E' }));
      const [visit, ...others] = await encounters();
      expect(others).toEqual([]);
      expect(visit).toMatchObject({ status: 'finished', period_end: '2026-11-24T05:30:00.000Z' });
    });

    it("reads times sent without an offset in the organization's time zone", async () => {
      const row = await t.database.db
        .selectFrom('organizations')
        .select('data')
        .where('id', '=', org)
        .executeTakeFirstOrThrow();
      await t.database.db
        .updateTable('organizations')
        .set({ data: JSON.stringify({ ...parseDoc<object>(row.data), timeZone: 'Europe/Riga' }) })
        .where('id', '=', org)
        .execute();
      await send(
        'A03',
        evn('A03'),
        pid('MRN-12'),
        pv1({ visit: 'V-12', admit: '202611200800', discharge: '202611231030' }),
      );
      expect((await encounters())[0]).toMatchObject({
        period_start: '2026-11-20T06:00:00.000Z',
        period_end: '2026-11-23T08:30:00.000Z',
      });
    });

    it('suppresses follow-up for a patient who died, and keeps the death on the record', async () => {
      await send(
        'A03',
        evn('A03'),
        pid('MRN-6', { deceased: true }),
        pv1({
          visit: 'V-6',
          admit: '202611200800',
          discharge: '202611211200',
          disposition: 'Dead',
        }),
      );
      expect(Number((await patientOf('MRN-6')).deceased)).toBe(1);
      const [visit] = await encounters();
      expect(visit!.doc.dischargeDisposition).toMatchObject({ code: '20', display: 'Dead' });
      expect(visit!.doc.hl7.followUp).toMatchObject({
        action: 'suppress',
        reason: 'patient-deceased',
      });
    });

    it('records the death of a patient discharged as expired (PV1-36 41) when PID-30 is silent', async () => {
      await send(
        'A03',
        evn('A03'),
        pid('MRN-13'),
        pv1({ visit: 'V-13', admit: '202611200800', discharge: '202611211200', disposition: '41' }),
      );
      const patient = await patientOf('MRN-13');
      expect(Number(patient.deceased)).toBe(1);
      expect(parseDoc<{ deceasedAt: string }>(patient.data).deceasedAt).toBe(
        '2026-11-21T12:00:00.000Z',
      );
      const [visit] = await encounters();
      expect(visit!.doc.hl7.followUp).toMatchObject({
        action: 'suppress',
        reason: 'patient-deceased',
      });
    });

    it('keeps next of kin as contacts without access, once however often they are sent', async () => {
      const nk1 = 'NK1|1|Berzins^Peteris|SPO^Spouse|||^PRN^CP^^371^^20000002';
      for (let i = 0; i < 2; i++)
        await send(
          'A01',
          evn('A01'),
          pid('MRN-7'),
          nk1,
          pv1({ visit: 'V-7', admit: '202611200800' }),
        );
      const people = await t.database.db.selectFrom('related_persons').selectAll().execute();
      expect(people).toHaveLength(1);
      expect(parseDoc(people[0]!.data)).toMatchObject({
        relationship: 'SPS',
        telecom: [{ system: 'phone', value: '+37120000002' }],
      });
      expect(await t.database.db.selectFrom('consents').selectAll().execute()).toEqual([]);
      expect(await t.database.db.selectFrom('caregiver_links').selectAll().execute()).toEqual([]);
      const audited = await t.database.db
        .selectFrom('audit_entries')
        .select(['action', 'resource_id'])
        .where('resource_type', '=', 'RelatedPerson')
        .execute();
      expect(audited).toEqual([{ action: 'create', resource_id: people[0]!.id }]);
    });

    it('A40 merges the prior record into the survivor and moves its visits and open cases', async () => {
      await send(
        'A01',
        evn('A01'),
        pid('MRN-OLD', { family: 'Old' }),
        pv1({ visit: 'V-9', admit: '202611200800' }),
      );
      await send('A08', evn('A08'), pid('MRN-NEW', { family: 'New' }));
      const prior = await patientOf('MRN-OLD');
      const survivor = await patientOf('MRN-NEW');
      const caseId = await openCase(t, org, prior.id);
      const merge = [
        evn('A40'),
        pid('MRN-NEW', { family: 'New' }),
        'MRG|MRN-OLD^^^WARD&1.2.3.4&ISO^MR',
      ];
      expect(await send('A40', ...merge)).toMatchObject({ code: 'AA' });
      const merged = await t.database.db
        .selectFrom('patients')
        .select('merged_into')
        .where('id', '=', prior.id)
        .executeTakeFirstOrThrow();
      expect(merged.merged_into).toBe(survivor.id);
      expect((await patientOf('MRN-OLD')).id).toBe(survivor.id);
      expect((await encounters()).map((e) => e.patient_id)).toEqual([survivor.id]);
      const moved = await t.database.db
        .selectFrom('cases')
        .select('patient_id')
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow();
      expect(moved.patient_id).toBe(survivor.id);
      const events = await t.database.db
        .selectFrom('case_events')
        .select(['kind', 'data'])
        .where('case_id', '=', caseId)
        .execute();
      expect(events.map((e) => e.kind)).toEqual(['patient-merged']);
      expect(parseDoc(events[0]!.data)).toMatchObject({
        fromPatientId: prior.id,
        intoPatientId: survivor.id,
      });
      // The same merge again (a resend under a new control id) changes nothing.
      expect(await send('A40', ...merge)).toMatchObject({ code: 'AA' });
      expect(await t.database.db.selectFrom('case_events').selectAll().execute()).toHaveLength(1);
    });

    it('after an A40, next of kin sent for the survivor is the merged record’s contact, not a copy', async () => {
      const nk1 = 'NK1|1|Ozola^Ilze|DAU^Daughter|||^PRN^CP^^371^^20000003';
      await send(
        'A01',
        evn('A01'),
        pid('MRN-P'),
        nk1,
        pv1({ visit: 'V-P', admit: '202611200800' }),
      );
      const survivorPid = pid('MRN-S', { family: 'Survivor' });
      await send('A08', evn('A08'), survivorPid);
      await send('A40', evn('A40'), survivorPid, 'MRG|MRN-P^^^WARD&1.2.3.4&ISO^MR');
      const survivor = await patientOf('MRN-S');
      expect(await send('A08', evn('A08'), survivorPid, nk1)).toMatchObject({ code: 'AA' });
      const people = await t.database.db.selectFrom('related_persons').selectAll().execute();
      expect(people.map((p) => p.patient_id)).toEqual([survivor.id]);
      expect(parseDoc<{ patientId: string }>(people[0]!.data).patientId).toBe(survivor.id);
    });

    it('refuses a visit number that belongs to another patient instead of moving the visit', async () => {
      await send('A01', evn('A01'), pid('MRN-10'), pv1({ visit: 'V-10', admit: '202611200800' }));
      expect(
        await send(
          'A03',
          evn('A03'),
          pid('MRN-11'),
          pv1({ visit: 'V-10', discharge: '202611211200' }),
        ),
      ).toMatchObject({ code: 'AE', text: expect.stringContaining('belongs to another patient') });
      const [visit] = await encounters();
      expect(visit).toMatchObject({
        patient_id: (await patientOf('MRN-10')).id,
        status: 'in-progress',
      });
    });

    it('answers AE naming the field, keeps the message, and writes nothing', async () => {
      expect(await send('A01', evn('A01'))).toMatchObject({
        code: 'AE',
        text: expect.stringContaining('no PID segment'),
      });
      expect(await send('A01', evn('A01'), 'PID|1||123^^^^SS||Doe^Jo')).toMatchObject({
        code: 'AE',
        text: expect.stringContaining('PID-3 holds no MR identifier'),
      });
      expect(
        await send('A03', evn('A03'), pid('MRN-8'), pv1({ visit: 'V-8', discharge: '20261132' })),
      ).toMatchObject({ code: 'AE', text: expect.stringContaining('PV1-45') });
      expect(await t.database.db.selectFrom('patients').selectAll().execute()).toEqual([]);
      const stored = await t.database.db.selectFrom('hl7_messages').select('status').execute();
      expect(stored.map((s) => s.status)).toEqual(['failed', 'failed', 'failed']);
    });
  });
}
