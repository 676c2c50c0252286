// The bench hospital's ADT messages (issue #6 point 9's workloads, hl7-feed.ts and hl7-events.ts).

const hl7Time = (d: Date) => d.toISOString().slice(0, 19).replace(/[-T:]/g, '');

const FAMILIES = ['Ozols', 'García', 'Hansen', 'Smith', 'Bērziņa', 'López', 'Johansen', 'Kalniņš'];
const GIVEN = ['Anna', 'Jānis', 'María', 'Ola', 'John', 'Ingrid', 'Lucía', 'Pēteris', 'Kari'];

/** A person of their own: names, birth date and phone spread, as a real registry's are. */
export function person(patient: number) {
  const birth = new Date(Date.UTC(1930, 0, 1) + ((patient * 7_919) % 29_000) * 86_400_000);
  return {
    family: `${FAMILIES[patient % FAMILIES.length]!}${Math.floor(patient / FAMILIES.length)}`,
    given: GIVEN[patient % GIVEN.length]!,
    birth: birth.toISOString().slice(0, 10).replace(/-/g, ''),
    phone: `^PRN^PH^^^217^${String(5_000_000 + (patient % 4_000_000)).padStart(7, '0')}`,
    street: `${patient} Main St`,
  };
}

/** One ADT message of the bench hospital: who, which visit, where, and whether it ended. */
export interface AdtSpec {
  event: string;
  controlId: string;
  mrn: string;
  who: ReturnType<typeof person>;
  visit: string;
  /** PV1-2: E emergency, I inpatient. */
  patientClass: 'E' | 'I';
  /** PV1-3 as sent, e.g. `ED^01^A`. */
  location: string;
  /** A discharge: disposition PV1-36 and time PV1-45 are sent. */
  discharged: boolean;
  at: Date;
}

export function adtMessage(m: AdtSpec): Buffer {
  const when = hl7Time(m.at);
  const { who } = m;
  const segments = [
    `MSH|^~\\&|ADT|BENCH HOSPITAL|CAREDESK|CLINIC|${when}||ADT^${m.event}^ADT_${m.event}|${m.controlId}|P|2.5.1`,
    `EVN|${m.event}|${when}`,
    `PID|1||${m.mrn}^^^BENCH&1.2.3.4&ISO^MR||${who.family}^${who.given}||${who.birth}|F|||${who.street}^^Springfield^IL^62701^USA||${who.phone}|||||||||||||||N`,
    `PV1|1|${m.patientClass}|${m.location}|E|||1234^Doctor^Dana|||EME||||1|||1234^Doctor^Dana|${m.patientClass}|${m.visit}^^^BENCH&1.2.3.4&ISO^VN|||||||||||||||||${m.discharged ? '01' : ''}||||||||${when}|${m.discharged ? when : ''}`,
  ];
  return Buffer.from(segments.join('\r') + '\r', 'utf8');
}

/**
 * The n-th message of a hospital's feed: registrations (A04) of new patients and, for every
 * second one, that visit's discharge (A03) — a new patient, a new visit, one at a time, as
 * an emergency department's feed looks. Control ids and MRNs are unique per run; names,
 * birth dates and phones differ as a registry's do, so duplicate checking on registration
 * does the work it does in a clinic (one shared birth date made every patient a candidate).
 */
export function feedMessage(n: number, run: string, at: Date): Buffer {
  const patient = Math.floor(n / 2);
  const discharged = n % 2 === 1;
  return adtMessage({
    event: discharged ? 'A03' : 'A04',
    controlId: `${run}-${n}`,
    mrn: `${run}${patient}`,
    who: person(patient),
    visit: `V${run}${patient}`,
    patientClass: 'E',
    location: 'ED^01^A',
    discharged,
    at,
  });
}
