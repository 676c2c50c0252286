import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCareDesk } from '../../testing/test-caredesk';
import { adt, evn, pid, pv1 } from './testing/adt-messages';

describe('the composed server takes ADT events by default', () => {
  let cd: Awaited<ReturnType<typeof startTestCareDesk>>;
  beforeAll(async () => {
    cd = await startTestCareDesk();
  });
  afterAll(() => cd.dispose());

  it('admits a patient from an A01 and audits it, with no adapter configured', async () => {
    const admit = adt(
      'A01',
      'WIRED-1',
      evn('A01'),
      pid('MRN-W'),
      pv1({ visit: 'V-W', admit: '202611240800' }),
    );
    const receipt = await cd.hl7.inbox.receive(admit, '127.0.0.1');
    expect(receipt).toMatchObject({ ackCode: 'AA', status: 'processed' });
    const holder = await cd.database.db
      .selectFrom('patient_identifiers')
      .select('patient_id')
      .where('organization_id', '=', cd.organizationId)
      .where('value', '=', 'MRN-W')
      .executeTakeFirstOrThrow();
    const visits = await cd.database.db
      .selectFrom('encounters')
      .select('status')
      .where('patient_id', '=', holder.patient_id)
      .execute();
    expect(visits).toEqual([{ status: 'in-progress' }]);
    const audit = await cd.database.db
      .selectFrom('audit_entries')
      .select(['action', 'resource_type'])
      .where('patient_id', '=', holder.patient_id)
      .execute();
    expect(audit).toContainEqual({ action: 'create', resource_type: 'Encounter' });
  });
});
