import { connectMllp } from '@caredesk/server/channels/mllp/testing/mllp-test-client';
import { freePort, killHard, startServerProcess } from '@caredesk/server/testing/server-process';
import type { BenchDatabase } from './seed-database';
import { EVENT_KINDS, registerPool } from './hl7-events';
import { feedMessage } from './hl7-messages';
import {
  HL7_TARGET_RATE,
  PIPELINE_WINDOW,
  type Hl7FeedFigures,
  type Hl7Figures,
} from './hl7-results';
import { processCpuSeconds } from './workloads';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

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
  durationS: number;
  warmupS: number;
  ratePerSecond?: number;
  inFlight?: number;
  serverPid: number | undefined;
  /** The n-th message sent. */
  message: (n: number, at: Date) => Buffer;
}): Promise<Hl7FeedFigures> {
  const { message } = opts;
  const client = await connectMllp(opts.port);
  const latencies: number[] = [];
  let notAccepted = 0;
  let n = 0;
  const send = async (measure: boolean) => {
    const t = performance.now();
    client.send(message(n++, new Date()));
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
        client.send(message(n++, new Date()));
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

/**
 * The three feed windows against `db` (the engine's seeded registry in a full run) and a
 * real server process, then one pipelined window per kind of event about patients already
 * known (hl7-events.ts). The caller owns `db`; the feed adds its patients and visits to it.
 */
export async function measureHl7Feed(
  db: BenchDatabase,
  opts: { durationS: number; warmupS: number },
): Promise<Hl7Figures> {
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
    // Each window registers and discharges patients of its own (control ids and MRNs apart).
    const feed = (run: string) => (n: number, at: Date) => feedMessage(n, run, at);
    const oneAtATime = await runFeed({
      ...base,
      name: 'one message at a time',
      message: feed('F'),
    });
    const pipelined = await runFeed({
      ...base,
      name: `pipelining, ${PIPELINE_WINDOW} unacknowledged`,
      message: feed('P'),
      inFlight: PIPELINE_WINDOW,
    });
    const atRate = await runFeed({
      ...base,
      name: `one at a time, ${HL7_TARGET_RATE} msg/s schedule`,
      message: feed('R'),
      ratePerSecond: HL7_TARGET_RATE,
    });
    await registerPool(mllpPort);
    const byEvent: Hl7FeedFigures[] = [];
    for (const kind of EVENT_KINDS)
      byEvent.push(
        await runFeed({
          ...base,
          name: kind.name,
          inFlight: PIPELINE_WINDOW,
          message: kind.message,
        }),
      );
    return { oneAtATime, pipelined, window: PIPELINE_WINDOW, atRate, byEvent };
  } finally {
    await killHard(server);
  }
}
