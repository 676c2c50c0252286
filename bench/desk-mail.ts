import { randomBytes } from 'node:crypto';
import { openDatabase, type DatabaseConfig } from '@caredesk/server/storage/database';
import { sql, type Kysely } from 'kysely';
import type { Schema } from '@caredesk/server/storage/schema';
import type { DeskWorld } from './desk-generate';
import {
  inboundMessage,
  type InboundKind,
  type MailMix,
  type PatientSender,
  type ReplyTarget,
} from './desk-mail-messages';
import type { MailFigures } from './desk-results';
import { SmtpClient, SmtpTimeout } from './desk-smtp';
import { asDeskLanguage } from './desk-text';
import { percentile } from './web-results';
import { processCpuSeconds } from './workloads';

/**
 * The bench server's mail domain (MAIL_DOMAIN), set rather than derived so the workload
 * knows which reply addresses the server reads tokens from.
 */
export const BENCH_MAIL_DOMAIN = 'desk.bench.caredesk.example';
/** Stored search terms are cut at 64 characters: a cut one is no longer the address. */
const MAX_TERM = 64;
/** Replies go mostly to cases still being worked; the rest reopen or follow up closed ones. */
const ACTIVE_REPLY_SHARE = 0.85;
/** A reply that does not come in this long fails the connection (smtp-server waits 60 s). */
const REPLY_TIMEOUT_MS = 30_000;

/** The SMTP port in `caredesk serve`'s start-up banner ("Inbound mail:   smtp://host:port"). */
export function smtpPortFrom(output: string): number | null {
  const m = /Inbound mail:\s+smtp:\/\/\S+:(\d+)\s*$/m.exec(output);
  return m ? Number(m[1]) : null;
}

/**
 * Waits for the banner: the server writes it right after /api/health starts answering,
 * which is when startServerProcess returns.
 */
export async function waitForSmtpPort(output: () => string, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const port = smtpPortFrom(output());
    if (port !== null) return port;
    if (Date.now() > deadline)
      throw new Error(`no "Inbound mail:" line in the server's output within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Who writes in, from the seeded desk: cases whose patient has an e-mail address on file
 * (ACTIVE_REPLY_SHARE of them active, the rest resolved or closed), each with its reply
 * token, subject and language; and addresses of patients cases can be opened for (the
 * world's patients: neither merged nor restricted).
 */
export async function sampleMailMix(
  config: DatabaseConfig,
  world: DeskWorld,
  opts: { replies: number; patients: number; seed: number; mailDomain: string },
): Promise<MailMix> {
  const database = await openDatabase(config);
  try {
    const db = database.db;
    const cases = (active: 0 | 1, limit: number) =>
      db
        .selectFrom('cases as c')
        .innerJoin('patient_search_terms as t', 't.patient_id', 'c.patient_id')
        .select(['c.reply_token as token', 'c.subject', 'c.language', 't.term as email'])
        .where('t.kind', '=', 'email')
        .where(sql<number>`length(t.term)`, '<', MAX_TERM)
        .where('c.is_active', '=', active)
        .orderBy(sql`random()`)
        .limit(limit)
        .execute();
    const activeCount = Math.round(opts.replies * ACTIVE_REPLY_SHARE);
    const replies: ReplyTarget[] = [
      ...(await cases(1, activeCount)),
      ...(await cases(0, opts.replies - activeCount)),
    ].map((c) => ({
      token: c.token,
      subject: c.subject,
      language: asDeskLanguage(c.language),
      from: c.email,
    }));
    const languages = new Map(world.patients.map((p) => [p.id, p.language]));
    const terms = await db
      .selectFrom('patient_search_terms')
      .select(['term', 'patient_id'])
      .where('kind', '=', 'email')
      .where(sql<number>`length(term)`, '<', MAX_TERM)
      .orderBy(sql`random()`)
      .limit(opts.patients * 2)
      .execute();
    const patients: PatientSender[] = terms
      .filter((t) => languages.has(t.patient_id))
      .slice(0, opts.patients)
      .map((t) => ({ email: t.term, language: languages.get(t.patient_id)! }));
    return {
      mailDomain: opts.mailDomain,
      runId: randomBytes(6).toString('hex'),
      seed: opts.seed,
      replies,
      patients,
    };
  } finally {
    await database.close();
  }
}

interface Accepted {
  /** The stored message's id, from the server's "queued as" answer. */
  id: string | null;
  kind: InboundKind;
}

interface Tally {
  accepted: Accepted[];
  latencies: number[];
  attempted: number;
  /** Answered, but not 250 (4xx or 5xx). */
  refused: number;
  /** Connections that could not be opened or broke mid-message. */
  failed: number;
  /** Replies that did not come within REPLY_TIMEOUT_MS. */
  timedOut: number;
}

const newTally = (): Tally => ({
  accepted: [],
  latencies: [],
  attempted: 0,
  refused: 0,
  failed: 0,
  timedOut: 0,
});

export interface MailLoadOptions {
  port: number;
  connections: number;
  durationS: number;
  warmupS: number;
  /** At most this many messages in the measured window, whatever the rate. */
  maxMessages: number;
  mix: MailMix;
  serverPid: number | undefined;
  config: DatabaseConfig;
  /** Longest wait for the processing job to work off what was accepted. */
  processTimeoutS: number;
}

/**
 * `connections` SMTP connections, each sending messages back to back (the next one as soon
 * as the last is answered) until `seconds` are up or `counter` reaches its limit. A broken
 * connection is counted and opened again.
 */
async function send(
  opts: MailLoadOptions,
  seconds: number,
  counter: { next: number; limit: number },
  tally: Tally,
): Promise<void> {
  const deadline = performance.now() + seconds * 1000;
  const worker = async (): Promise<void> => {
    let client: SmtpClient | null = null;
    try {
      while (performance.now() < deadline && counter.next < counter.limit) {
        if (!client) {
          try {
            client = await SmtpClient.open(
              '127.0.0.1',
              opts.port,
              'mx.patient.example',
              REPLY_TIMEOUT_MS,
            );
          } catch {
            tally.failed++;
            await new Promise((r) => setTimeout(r, 100));
            continue;
          }
        }
        const message = inboundMessage(opts.mix, counter.next++, new Date());
        tally.attempted++;
        try {
          const reply = await client.send(message.envelope, message.raw);
          if (reply.code !== 250) {
            tally.refused++;
            continue;
          }
          tally.latencies.push(reply.ms);
          tally.accepted.push({
            id: /queued as (\S+)/.exec(reply.text)?.[1] ?? null,
            kind: message.kind,
          });
        } catch (e) {
          if (e instanceof SmtpTimeout) tally.timedOut++;
          else tally.failed++;
          client.close();
          client = null;
        }
      }
    } finally {
      await client?.quit();
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, worker));
}

/**
 * Waits until no stored message is still 'received' (its job not yet done), at most
 * `timeoutS`. The bench database receives no other mail, so the backlog is this workload's.
 */
async function waitProcessed(db: Kysely<Schema>, timeoutS: number): Promise<boolean> {
  const deadline = performance.now() + timeoutS * 1000;
  for (;;) {
    const row = await db
      .selectFrom('inbound_mail')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'received')
      .executeTakeFirstOrThrow();
    if (Number(row.n) === 0) return true;
    if (performance.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface StoredState {
  status: string;
  reason: string | null;
  processed_at: string | null;
}

async function storedStates(
  db: Kysely<Schema>,
  ids: readonly string[],
): Promise<Map<string, StoredState>> {
  const out = new Map<string, StoredState>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('inbound_mail')
      .select(['id', 'status', 'reason', 'processed_at'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

const round1 = (ms: number): number => Math.round(ms * 10) / 10;

/**
 * The inbound e-mail workload (issue #5 point 11): a warm-up (its messages processed before
 * the window starts), then a measured window of real SMTP on 127.0.0.1, then a bounded wait
 * until the processing job has threaded every accepted message. Accepted means answered 250,
 * which the server sends only after the message and its job committed; lost counts accepted
 * messages (warm-up included) that are not in inbound_mail at the end.
 */
export async function runMailLoad(opts: MailLoadOptions): Promise<MailFigures> {
  const database = await openDatabase(opts.config);
  try {
    const db = database.db;
    const counter = { next: 0, limit: Number.MAX_SAFE_INTEGER };
    const warm = newTally();
    if (opts.warmupS > 0) {
      await send(opts, opts.warmupS, counter, warm);
      await waitProcessed(db, opts.processTimeoutS);
    }
    counter.limit = counter.next + opts.maxMessages;
    const tally = newTally();
    const serverCpu0 = processCpuSeconds(opts.serverPid);
    const ownCpu0 = process.cpuUsage();
    const startedAt = Date.now();
    const started = performance.now();
    await send(opts, opts.durationS, counter, tally);
    const wall = (performance.now() - started) / 1000;
    const endedAt = Date.now();
    const serverCpu1 = processCpuSeconds(opts.serverPid);
    const own = process.cpuUsage(ownCpu0);
    const allDone = await waitProcessed(db, opts.processTimeoutS);
    const waitedS = (Date.now() - startedAt) / 1000;

    const ids = [...warm.accepted, ...tally.accepted].flatMap((a) => (a.id ? [a.id] : []));
    const stored = await storedStates(db, ids);
    // An accepted message without an id in its answer cannot be shown to be stored.
    const lost = [...warm.accepted, ...tally.accepted].filter(
      (a) => !a.id || !stored.has(a.id),
    ).length;
    const window = tally.accepted.flatMap((a) => {
      const s = a.id ? stored.get(a.id) : undefined;
      return s ? [s] : [];
    });
    const done = window.filter((s) => s.status !== 'received');
    const lastMs = done.reduce(
      (m, s) => Math.max(m, Date.parse(s.processed_at ?? '') || 0),
      endedAt,
    );
    const processSeconds = (lastMs - startedAt) / 1000;
    const count = (status: string) => window.filter((s) => s.status === status).length;
    const accepted = tally.accepted.length;
    return {
      load: {
        name: `inbound e-mail over SMTP (${opts.connections} connections)`,
        connections: opts.connections,
        seconds: wall,
        requests: tally.attempted,
        rps: accepted / wall,
        p50: round1(percentile(tally.latencies, 50) || 0),
        p90: round1(percentile(tally.latencies, 90) || 0),
        p99: round1(percentile(tally.latencies, 99) || 0),
        max: round1(Math.max(0, ...tally.latencies)),
        errors: tally.failed + warm.failed,
        timeouts: tally.timedOut + warm.timedOut,
        non2xx: tally.refused + warm.refused,
        serverCores:
          serverCpu0 !== null && serverCpu1 !== null ? (serverCpu1 - serverCpu0) / wall : null,
        generatorCores: (own.user + own.system) / 1e6 / wall,
        drainS: (lastMs - endedAt) / 1000,
      },
      accepted,
      replies: tally.accepted.filter((a) => a.kind === 'reply').length,
      warmup: warm.accepted.length,
      processed: done.length,
      processedRps: allDone ? accepted / processSeconds : done.length / waitedS,
      processSeconds: allDone ? processSeconds : waitedS,
      allProcessed: allDone && done.length === accepted,
      lost,
      threaded: count('threaded'),
      newCases: count('new-case'),
      quarantined: count('quarantined'),
      flagged: window.filter((s) => s.reason !== null).length,
    };
  } finally {
    await database.close();
  }
}
