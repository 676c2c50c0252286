import { connectMllp } from '@caredesk/server/channels/mllp/testing/mllp-test-client';
import { adtMessage, person, type AdtSpec } from './hl7-messages';
import { PIPELINE_WINDOW } from './hl7-results';

/** Patients registered before the per-event windows; every window's messages are about them. */
export const EVENT_POOL_PATIENTS = 1_000;

const POOL = 'Q';

/** The pool's patient for the n-th message of a window, and that patient's registration. */
function pooled(n: number): Omit<AdtSpec, 'event' | 'controlId' | 'at'> {
  const patient = n % EVENT_POOL_PATIENTS;
  return {
    mrn: `${POOL}${patient}`,
    who: person(patient),
    visit: `V${POOL}${patient}`,
    patientClass: 'E',
    location: 'ED^01^A',
    discharged: false,
  };
}

/** An inpatient stay of a pool patient: admitted (A01) in one window, discharged in another. */
const stay = (n: number) => `S${POOL}${n}`;

/** A different ward bed per message, so that every transfer moves the patient. */
const bed = (n: number) => `MED^${100 + (n % 400)}^A`;

/** The n-th message about a pool patient's inpatient stay: its event, which stay, which bed. */
function onWard(
  n: number,
  at: Date,
  m: { event: 'A01' | 'A02' | 'A03'; stay: number; bed: number; discharged?: boolean },
): Buffer {
  return adtMessage({
    ...pooled(n),
    event: m.event,
    controlId: `${POOL}${m.event}-${n}`,
    visit: stay(m.stay),
    patientClass: 'I',
    location: bed(m.bed),
    discharged: m.discharged ?? false,
    at,
  });
}

/**
 * The kinds of ADT event a hospital's feed is made of, each about patients CareDesk knows
 * already (the pool), where the main windows register a new patient for every visit:
 * the cost of each kind, so that a feed of any mix can be judged. In the order run: the
 * admissions open the stays that the transfers move and the discharges close; the phone
 * numbers change last, so that no earlier window finds demographics to restore.
 */
export const EVENT_KINDS: Array<{
  name: string;
  message: (n: number, at: Date) => Buffer;
}> = [
  {
    name: 'A08 update, nothing changed',
    message: (n, at) => adtMessage({ ...pooled(n), event: 'A08', controlId: `${POOL}U-${n}`, at }),
  },
  {
    name: 'A01 admission of a known patient',
    message: (n, at) => onWard(n, at, { event: 'A01', stay: n, bed: n }),
  },
  {
    name: 'A02 transfer to another bed',
    message: (n, at) => onWard(n, at, { event: 'A02', stay: n % EVENT_POOL_PATIENTS, bed: n + 1 }),
  },
  {
    // Each closes the stay its admission opened: a follow-up plan with its case and tasks.
    name: 'A03 discharge with a follow-up plan',
    message: (n, at) => onWard(n, at, { event: 'A03', stay: n, bed: n, discharged: true }),
  },
  {
    name: 'A08 update, new phone number',
    message: (n, at) => {
      const p = pooled(n);
      const phone = `^PRN^PH^^^217^${String(9_000_000 + (n % 1_000_000)).padStart(7, '0')}`;
      return adtMessage({
        ...p,
        who: { ...p.who, phone },
        event: 'A08',
        controlId: `${POOL}C-${n}`,
        at,
      });
    },
  },
];

/** Registers the pool, a window at a time of unacknowledged messages, and checks every ACK. */
export async function registerPool(port: number): Promise<void> {
  const client = await connectMllp(port);
  try {
    let sent = 0;
    for (let acked = 0; acked < EVENT_POOL_PATIENTS; acked++) {
      while (sent < EVENT_POOL_PATIENTS && sent - acked < PIPELINE_WINDOW) {
        client.send(
          adtMessage({
            ...pooled(sent),
            event: 'A04',
            controlId: `${POOL}R-${sent}`,
            at: new Date(),
          }),
        );
        sent++;
      }
      const ack = await client.next();
      if (!ack.includes('MSA|AA|')) throw new Error(`the pool's registration was refused: ${ack}`);
    }
  } finally {
    client.destroy();
  }
}
