import { formatNumber } from './format';
import type { EngineResult, Target } from './results';

/** Issue #6 point 9: ADT messages a second over one MLLP connection, ACK after commit. */
export const HL7_TARGET_PER_SECOND = 2_000;
/** … and the ACK p99 while a sender sends 500 messages a second. */
export const HL7_TARGET_P99_MS = 20;
export const HL7_TARGET_RATE = 500;

/** Unacknowledged messages a pipelining sender keeps on the wire. */
export const PIPELINE_WINDOW = 32;

/** One HL7 feed window's figures (hl7-feed.ts). */
export interface Hl7FeedFigures {
  name: string;
  messages: number;
  seconds: number;
  /** Messages acknowledged per second over the window. */
  perSecond: number;
  /** Send-to-ACK latency, milliseconds. */
  p50: number;
  p99: number;
  max: number;
  /** ACKs other than AA. */
  notAccepted: number;
  /** Server CPU seconds per wall second over the window. */
  serverCores: number | null;
}

/** The HL7 v2 feed workloads of one engine, each over one connection. */
export interface Hl7Figures {
  /** One message at a time, the next sent when the last ACK is back (original mode). */
  oneAtATime: Hl7FeedFigures;
  /** The sender keeps `window` messages unacknowledged (it pipelines). */
  pipelined: Hl7FeedFigures;
  window: number;
  /** One at a time on a 500 msg/s schedule. */
  atRate: Hl7FeedFigures;
  /** Pipelined windows of one kind of event each, about patients already known. */
  byEvent: Hl7FeedFigures[];
}

const cores = (f: Hl7FeedFigures) =>
  f.serverCores === null ? '' : `, ${formatNumber(f.serverCores, 2)} server cores`;

/** "1,234 msg/s (0.93 server cores)": the CPU beside the rate, as the machine is shared. */
const rate = (v: number, f: Hl7FeedFigures | undefined) =>
  `${formatNumber(v)} msg/s${f ? ` (${cores(f).slice(2)})` : ''}`;

/** The 500 msg/s schedule was kept (2 % slack for the timer's granularity). */
const keptUp = (f: Hl7FeedFigures) => f.perSecond >= HL7_TARGET_RATE * 0.98;

export const HL7_TARGETS: Target[] = [
  {
    id: 'hl7-rate',
    issue: '#6',
    label: 'HL7 ADT over one MLLP connection, one message at a time, ACK after commit',
    goal: `≥ ${formatNumber(HL7_TARGET_PER_SECOND)} msg/s`,
    unit: 'msg/s',
    value: (r: EngineResult) => r.hl7?.oneAtATime.perSecond ?? null,
    meets: (v) => v >= HL7_TARGET_PER_SECOND,
    format: (v, r) => rate(v, r.hl7?.oneAtATime),
  },
  {
    id: 'hl7-rate-pipelined',
    issue: '#6',
    label:
      'HL7 ADT over one MLLP connection, sender pipelining (32 unacknowledged), ACK after commit',
    goal: `≥ ${formatNumber(HL7_TARGET_PER_SECOND)} msg/s`,
    unit: 'msg/s',
    value: (r: EngineResult) => r.hl7?.pipelined.perSecond ?? null,
    meets: (v) => v >= HL7_TARGET_PER_SECOND,
    format: (v, r) => rate(v, r.hl7?.pipelined),
  },
  {
    id: 'hl7-ack-p99',
    issue: '#6',
    label: `HL7 ACK p99, one connection sending ${HL7_TARGET_RATE} msg/s`,
    goal: `≤ ${HL7_TARGET_P99_MS} ms`,
    unit: 'ms',
    // The target is a p99 AT 500 msg/s: a server that could not keep up with the schedule
    // was measured at a lower rate, so it misses whatever its p99 (value +∞; the figure
    // shown is the measured p99 and the rate it reached).
    value: (r: EngineResult) => {
      const f = r.hl7?.atRate;
      if (!f) return null;
      return keptUp(f) ? f.p99 : Number.POSITIVE_INFINITY;
    },
    meets: (v) => v <= HL7_TARGET_P99_MS,
    format: (_v, r) => {
      const f = r.hl7!.atRate;
      const short = keptUp(f) ? '' : `; only ${formatNumber(f.perSecond)} msg/s reached`;
      return `${formatNumber(f.p99, 1)} ms (p50 ${formatNumber(f.p50, 1)} ms${short})`;
    },
  },
  {
    id: 'hl7-not-aa',
    issue: '#6',
    label: 'HL7 ACKs other than AA (every feed window)',
    goal: '= 0',
    unit: '',
    value: (r: EngineResult) => {
      const h = r.hl7;
      if (!h) return null;
      return [h.oneAtATime, h.pipelined, h.atRate, ...h.byEvent].reduce(
        (sum, f) => sum + f.notAccepted,
        0,
      );
    },
    meets: (v) => v === 0,
  },
];

export const HL7_METHOD_NOTES = [
  "HL7 v2 feed (issue #6 point 9): the seeded database (its generated patients, before the Synthea import and the desk's " +
    'cases) and a real server process of its own with its MLLP listener on 127.0.0.1; the sender runs in the benchmark ' +
    'process over ONE TCP connection. The windows run in the order shown, each adding its patients to the registry; a ' +
    'feed into an empty database runs faster: one message at a time, about 300 msg/s against 230 into 100,000 patients ' +
    "(single runs on one host), the commit going from 1.27 to 1.42 ms and a new patient's search-prefix inserts from " +
    '0.50 to 0.70 ms, as its ~50 prefixes land on as many index pages. Messages are ADT^A04 ' +
    "registrations of new patients (own names, birth dates, phones and MRN), each followed by that visit's ADT^A03 " +
    'discharge (bench/hl7-feed.ts); each is stored raw, processed (patient, search prefixes, visit, duplicate check, ' +
    'hash-chained audit entries) and answered with AA only once its transaction is durable (SQLite WAL, synchronous=FULL, ' +
    'or the WAL synced before the ACK leaves). ACK latency is from writing the frame to reading its ACK. Each window runs ' +
    '2 s of warm-up, then the measured duration.',
  '"One message at a time" is original-mode acknowledgment as most interface engines send: the next message leaves when ' +
    'the last ACK is back. "Pipelining" is a sender that keeps 32 messages sent and not yet acknowledged; the server ' +
    'stores and processes the frames it has already received in one transaction (one commit and one WAL sync for the ' +
    'lot), each message in a savepoint of its own so that one failing (AE) or refused (AR) is kept apart from the ' +
    'others, and writes their ACKs in order after the commit. The ACK p99 target is measured one message at a time on ' +
    'a 500 msg/s schedule (never sending before the last ACK is back). "Server cores" are CPU seconds of the server ' +
    'process per wall second of the window.',
  'The rows named after an event kind (A08, A01, A02, A03) measure one kind at a time, pipelining 32, about 1,000 ' +
    'patients registered beforehand, where the windows above register a new patient for every visit: an update that ' +
    'changes nothing, an inpatient admission of a known patient, a transfer to another bed, the discharge of such a stay ' +
    '(which starts a follow-up plan with its case and tasks), and an update with a new phone number (which rewrites the ' +
    "phone's search prefixes). A feed of any mix costs the mix of these rows' CPU per message. They are not targets.",
];
