import { connectMllp } from '@caredesk/server/channels/mllp/testing/mllp-test-client';
import { freePort, killHard, startServerProcess } from '@caredesk/server/testing/server-process';
import { createBenchDatabase } from './seed-database';
import type { EngineName } from './results';
import { HL7_TARGET_RATE, type Hl7FeedFigures, type Hl7Figures } from './hl7-results';
import { processCpuSeconds } from './workloads';

const hl7Time = (d: Date) => d.toISOString().slice(0, 19).replace(/[-T:]/g, '');

const FAMILIES = ['Ozols', 'García', 'Hansen', 'Smith', 'Bērziņa', 'López', 'Johansen', 'Kalniņš'];
const GIVEN = ['Anna', 'Jānis', 'María', 'Ola', 'John', 'Ingrid', 'Lucía', 'Pēteris', 'Kari'];

/** A person of their own: names, birth date and phone spread, as a real registry's are. */
function person(patient: number) {
  const birth = new Date(Date.UTC(1930, 0, 1) + ((patient * 7_919) % 29_000) * 86_400_000);
  return {
    family: `${FAMILIES[patient % FAMILIES.length]!}${Math.floor(patient / FAMILIES.length)}`,
    given: GIVEN[patient % GIVEN.length]!,
    birth: birth.toISOString().slice(0, 10).replace(/-/g, ''),
    phone: `^PRN^PH^^^217^${String(5_000_000 + (patient % 4_000_000)).padStart(7, '0')}`,
  };
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
  const discharge = n % 2 === 1;
  const when = hl7Time(at);
  const who = person(patient);
  const event = discharge ? 'A03' : 'A04';
  const segments = [
    `MSH|^~\\&|ADT|BENCH HOSPITAL|CAREDESK|CLINIC|${when}||ADT^${event}^ADT_${event}|${run}-${n}|P|2.5.1`,
    `EVN|${event}|${when}`,
    `PID|1||${run}${patient}^^^BENCH&1.2.3.4&ISO^MR||${who.family}^${who.given}||${who.birth}|F|||${patient} Main St^^Springfield^IL^62701^USA||${who.phone}|||||||||||||||N`,
    `PV1|1|E|ED^01^A|E|||1234^Doctor^Dana|||EME||||1|||1234^Doctor^Dana|E|V${run}${patient}^^^BENCH&1.2.3.4&ISO^VN|||||||||||||||||${discharge ? '01' : ''}||||||||${when}|${discharge ? when : ''}`,
  ];
  return Buffer.from(segments.join('\r') + '\r', 'utf8');
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Unacknowledged messages a pipelining sender keeps on the wire. */
export const PIPELINE_WINDOW = 32;

/**
 * One connection. By default one message at a time (original acknowledgment mode): the
 * next message goes when the last one's ACK is back, or — with `ratePerSecond` — on a fixed
 * schedule, never before the last ACK. With `inFlight` > 1 the sender pipelines: it keeps
 * that many messages sent and not yet acknowledged, as some interface engines do; ACKs
 * still come back one per message, in order, each after its message committed. Runs
 * `warmupS` then measures `durationS` (a pipelined window also waits for its last ACKs).
 */
export async function runFeed(opts: {
  name: string;
  port: number;
  run: string;
  durationS: number;
  warmupS: number;
  ratePerSecond?: number;
  inFlight?: number;
  serverPid: number | undefined;
}): Promise<Hl7FeedFigures> {
  const client = await connectMllp(opts.port);
  const latencies: number[] = [];
  let notAccepted = 0;
  let n = 0;
  const send = async (measure: boolean) => {
    const t = performance.now();
    client.send(feedMessage(n++, opts.run, new Date()));
    const ack = await client.next();
    if (!measure) return;
    latencies.push(performance.now() - t);
    if (!ack.includes('MSA|AA|')) notAccepted++;
  };
  const gap = opts.ratePerSecond ? 1000 / opts.ratePerSecond : 0;
  const window = opts.inFlight ?? 1;
  const pipelined = async (seconds: number, measure: boolean) => {
    const start = performance.now();
    const sentAt: number[] = [];
    const open = () => performance.now() - start < seconds * 1000;
    while (sentAt.length > 0 || open()) {
      while (sentAt.length < window && open()) {
        sentAt.push(performance.now());
        client.send(feedMessage(n++, opts.run, new Date()));
      }
      const ack = await client.next();
      const t = sentAt.shift()!;
      if (!measure) continue;
      latencies.push(performance.now() - t);
      if (!ack.includes('MSA|AA|')) notAccepted++;
    }
    return (performance.now() - start) / 1000;
  };
  const loop = async (seconds: number, measure: boolean) => {
    if (window > 1) return pipelined(seconds, measure);
    const start = performance.now();
    let due = start;
    while (performance.now() - start < seconds * 1000) {
      if (gap) {
        due += gap;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
      await send(measure);
    }
    return (performance.now() - start) / 1000;
  };
  try {
    await loop(opts.warmupS, false);
    const cpu0 = processCpuSeconds(opts.serverPid);
    const seconds = await loop(opts.durationS, true);
    const cpu1 = processCpuSeconds(opts.serverPid);
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      name: opts.name,
      messages: latencies.length,
      seconds,
      perSecond: latencies.length / seconds,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? 0,
      notAccepted,
      serverCores: cpu0 !== null && cpu1 !== null ? (cpu1 - cpu0) / seconds : null,
    };
  } finally {
    client.destroy();
  }
}

/** The three feed windows against a fresh database and a real server process. */
export async function measureHl7Feed(
  engine: EngineName,
  adminUrl: string,
  opts: { durationS: number; warmupS: number },
): Promise<Hl7Figures> {
  const db = await createBenchDatabase(engine, adminUrl);
  const mllpPort = await freePort();
  const server = await startServerProcess(
    { ...db.env, MLLP_PORT: String(mllpPort) },
    await freePort(),
  );
  try {
    const base = {
      port: mllpPort,
      durationS: opts.durationS,
      warmupS: opts.warmupS,
      serverPid: server.child.pid,
    };
    const oneAtATime = await runFeed({ ...base, name: 'one message at a time', run: 'F' });
    const pipelined = await runFeed({
      ...base,
      name: `pipelining, ${PIPELINE_WINDOW} unacknowledged`,
      run: 'P',
      inFlight: PIPELINE_WINDOW,
    });
    const atRate = await runFeed({
      ...base,
      name: `one at a time, ${HL7_TARGET_RATE} msg/s schedule`,
      run: 'R',
      ratePerSecond: HL7_TARGET_RATE,
    });
    return { oneAtATime, pipelined, window: PIPELINE_WINDOW, atRate };
  } finally {
    await killHard(server);
    await db.dispose();
  }
}
