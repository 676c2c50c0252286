import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { systemAudit } from '../../access/request-audit';
import { AuditStore } from '../../audit/audit-store';
import { testMac } from '../../audit/testing/audit-fixtures';
import { CaseService } from '../../service-desk/cases/case-service';
import { SlaConfiguration } from '../../service-desk/sla/sla-configuration';
import type { Engine } from '../../storage/database';
import { addOrganization } from '../../storage/contract/registry-fixtures';
import { createTestDatabase, type TestDatabase } from '../../storage/testing/test-database';
import { adtHandlers } from '../adt/adt-handlers';
import { adt, clock, evn, pid, pv1 } from '../adt/testing/adt-messages';
import { Hl7Inbox } from '../hl7-inbox';
import type { FollowUpMetricsService } from './follow-up-metrics';
import type { FollowUpPlans } from './follow-up-plans';
import { createFollowUp } from './follow-up-wiring';
import type { FollowUpWork } from './follow-up-work';

/**
 * Follow-up plans on either engine (issue #6 points 4–5): the partial unique indexes that
 * keep one active plan per visit and per enrolment, and the writes of working a plan.
 */
export function describeFollowUpContract(engine: Engine): void {
  describe(`follow-up plans (${engine})`, () => {
    let t: TestDatabase;
    let org: string;
    let inbox: Hl7Inbox;
    let plans: FollowUpPlans;
    let work: FollowUpWork;
    let metrics: FollowUpMetricsService;
    let n = 0;
    const send = async (trigger: string, ...segments: string[]) =>
      (await inbox.receive(adt(trigger, `FC-${++n}`, ...segments), null)).ackCode;
    const visit = { visit: 'V-C', admit: '202611200800' };
    const a03 = () =>
      send(
        'A03',
        evn('A03'),
        pid('MRN-C'),
        pv1({ ...visit, discharge: '202611231000', disposition: '01' }),
      );
    const planRows = () =>
      t.database.db.selectFrom('follow_up_plans').selectAll().orderBy('id').execute();

    beforeEach(async () => {
      t = await createTestDatabase(engine);
      org = await addOrganization(t.database, 'Riga East Hospital');
      const audit = new AuditStore(t.database, testMac);
      const sla = new SlaConfiguration(t.database, clock);
      const cases = new CaseService(t.database, clock, { defaultCountry: 'US', reopenDays: 7 });
      const followUp = createFollowUp({
        database: t.database,
        clock,
        cases,
        sla,
        audit,
        baseUrl: 'https://desk.example',
      });
      ({ plans, work, metrics } = followUp);
      inbox = new Hl7Inbox({
        database: t.database,
        clock,
        organizationId: org,
        handlers: adtHandlers({
          defaultCountry: 'US',
          audit,
          followUp: followUp.adt,
        }),
      });
    });
    afterEach(() => t.dispose());

    it('discharge, cancel, discharge again: one active plan, the cancelled one kept', async () => {
      expect(await send('A01', evn('A01'), pid('MRN-C'), pv1(visit))).toBe('AA');
      expect(await a03()).toBe('AA');
      expect(await a03()).toBe('AA');
      expect((await planRows()).map((p) => p.status)).toEqual(['active']);
      expect(await send('A13', evn('A13'), pid('MRN-C'), pv1(visit))).toBe('AA');
      expect(await a03()).toBe('AA');
      const rows = await planRows();
      expect(rows.map((p) => p.status).sort()).toEqual(['active', 'cancelled']);
      const cases = await t.database.db
        .selectFrom('cases')
        .select(['status'])
        .orderBy('created_at')
        .execute();
      expect(cases.map((c) => c.status).sort()).toEqual(['new', 'resolved']);
    });

    it('working the plan to completion resolves its case', async () => {
      await send('A01', evn('A01'), pid('MRN-C'), pv1(visit));
      await a03();
      const [plan] = await planRows();
      const audit = systemAudit(new AuditStore(t.database, testMac), {
        name: 'contract',
        organizationId: org,
        now: clock.now(),
      });
      let view = await work.plan(org, plan!.case_id!);
      for (const key of ['first-call', 'medication-review']) {
        const task = view.tasks.find((x) => x.stepKey === key)!;
        view = await work.recordCall(
          org,
          plan!.case_id!,
          task.id,
          { outcome: 'reached', party: 'patient', version: task.version },
          audit,
        );
      }
      const claim = view.tasks.find((x) => x.stepKey === 'claim-check')!;
      view = await work.complete(org, plan!.case_id!, claim.id, { version: claim.version }, audit);
      expect(view.status).toBe('completed');
      expect(view.firstContactAt).not.toBeNull();
      const kase = await t.database.db
        .selectFrom('cases')
        .select('status')
        .executeTakeFirstOrThrow();
      expect(kase.status).toBe('resolved');
    });

    it('metrics: the period by discharge time, a readmission among later visits (issue #6 point 6)', async () => {
      await send('A01', evn('A01'), pid('MRN-C'), pv1(visit));
      await a03();
      // Back the next morning as an emergency; an outpatient visit the same day does not count.
      await send(
        'A01',
        evn('A01'),
        pid('MRN-C'),
        pv1({ visit: 'V-R', cls: 'E', admit: '202611240900' }),
      );
      await send(
        'A04',
        evn('A04'),
        pid('MRN-C'),
        pv1({ visit: 'V-O', cls: 'O', admit: '202611240800' }),
      );
      const day = await metrics.report(org, { from: '2026-11-23', to: '2026-11-23' });
      expect(day.totals).toMatchObject({
        discharges: 1,
        cancelled: 0,
        readmission: { indexStays: 1, readmitted: 1, rate: 1 },
      });
      expect(day.byProgram.map((r) => r.key)).toEqual(['discharge-follow-up']);
      expect(day.byTeam.map((r) => r.discharges)).toEqual([1]);
      const before = await metrics.report(org, { from: '2026-11-22', to: '2026-11-22' });
      expect(before.totals.discharges).toBe(0);
    });

    it('an enrolment is active once per patient and program', async () => {
      await send(
        'A04',
        evn('A04'),
        pid('MRN-E'),
        pv1({ visit: 'V-E', cls: 'O', admit: '202611200800' }),
      );
      const { patient_id } = await t.database.db
        .selectFrom('patient_identifiers')
        .select('patient_id')
        .where('value', '=', 'MRN-E')
        .executeTakeFirstOrThrow();
      const audit = systemAudit(new AuditStore(t.database, testMac), {
        name: 'c',
        organizationId: org,
        now: clock.now(),
      });
      const plan = await plans.enrol(org, patient_id, 'diabetes-care', audit);
      expect(plan.status).toBe('active');
      await expect(plans.enrol(org, patient_id, 'diabetes-care', audit)).rejects.toMatchObject({
        messageKey: 'followUp.plan.alreadyActive',
      });
    });
  });
}
