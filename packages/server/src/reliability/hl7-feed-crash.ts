import { adt, evn, pid, pv1 } from '../care-transitions/adt/testing/adt-messages';
import type { Database } from '../storage/database';
import type { FeedMessage } from '../testing/hl7-crash-harness';

/**
 * The feed the SIGKILL tests send: each patient registered (A04), then that visit
 * discharged (A03). The work is countable: one patient per MRN, one finished visit each.
 */
export function crashFeed(patients: number): FeedMessage[] {
  return Array.from({ length: patients }, (_, n) => {
    const mrn = `CRASH-${n}`;
    const visit = `CV-${n}`;
    return [
      {
        controlId: `REG-${n}`,
        bytes: adt(
          'A04',
          `REG-${n}`,
          evn('A04'),
          pid(mrn),
          pv1({ cls: 'E', visit, admit: '202611240800' }),
        ),
      },
      {
        controlId: `DIS-${n}`,
        bytes: adt(
          'A03',
          `DIS-${n}`,
          evn('A03'),
          pid(mrn),
          pv1({
            cls: 'E',
            visit,
            admit: '202611240800',
            discharge: '202611241200',
            disposition: '01',
          }),
        ),
      },
    ];
  }).flat();
}

/** Patients per MRN and finished visits per MRN: each must be exactly 1. */
export async function crashFeedWork(database: Database): Promise<Map<string, number>> {
  const ids = await database.db
    .selectFrom('patient_identifiers')
    .select(['value', 'patient_id'])
    .where('value', 'like', 'CRASH-%')
    .execute();
  const work = new Map<string, number>();
  for (const i of ids) work.set(`patient ${i.value}`, (work.get(`patient ${i.value}`) ?? 0) + 1);
  const visits = await database.db
    .selectFrom('encounters')
    .select(['patient_id', 'status'])
    .where('patient_id', 'in', ids.length ? ids.map((i) => i.patient_id) : [''])
    .execute();
  const mrnOf = new Map(ids.map((i) => [i.patient_id, i.value]));
  for (const v of visits) {
    const key = `${v.status} visit ${mrnOf.get(v.patient_id) ?? '?'}`;
    work.set(key, (work.get(key) ?? 0) + 1);
  }
  return work;
}
