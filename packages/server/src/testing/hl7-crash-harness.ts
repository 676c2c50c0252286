import { parseHl7 } from '@caredesk/interop/hl7v2';
import { connectMllp, type MllpTestClient } from '../channels/mllp/testing/mllp-test-client';
import { databaseConfig, loadConfig } from '../config/config';
import { openDatabase } from '../storage/database';
import { CRASH_TEST_AUDIT_KEY, overridesFromEnv } from './crash-harness';
import { freePort, killHard, startServerProcess, type ServerProcess } from './server-process';

export interface Hl7CrashReport {
  messages: number;
  /** Times the server was killed with SIGKILL during the feed. */
  kills: number;
  /** Attempts that failed (connection cut before the ACK, or refused) and were made again. */
  resent: number;
  /** Messages answered with something other than AA. */
  notAccepted: number;
  /** Acknowledged messages without a processed row in hl7_messages. */
  lost: number;
  /** Control ids stored more than once. */
  duplicates: number;
  /** What the caller counts of the work each message did (e.g. patients per MRN). */
  work: Map<string, number>;
}

/** One message of the feed: its control id, and the bytes as a sender keeps them. */
export interface FeedMessage {
  controlId: string;
  bytes: Buffer;
}

/**
 * Issue #6 point 9, "SIGKILL the server during a feed": `caredesk serve` takes `messages`
 * over one MLLP connection from a sender that behaves as interface engines do (one message
 * at a time; after a broken connection, reconnect and resend the message whose ACK never
 * came), while the harness kills the server with SIGKILL again and again and restarts it
 * on the same ports. Afterwards every message must be stored once, processed, and the
 * caller's `countWork` sees each message's work done exactly once.
 */
export async function runHl7CrashRounds(
  serverEnv: Record<string, string>,
  messages: FeedMessage[],
  countWork: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<Map<string, number>>,
  /**
   * `window` > 1: the sender pipelines, keeping that many messages sent and not yet
   * acknowledged; after a broken connection it resends, in order, every message from the
   * first whose ACK never came (those the server had committed are answered as repeats).
   */
  options: { kills?: number; window?: number } = {},
): Promise<Hl7CrashReport> {
  const wantedKills = options.kills ?? 10;
  const mllpPort = await freePort();
  const env = {
    DATABASE_URL: '',
    CAREDESK_AUDIT_KEY: CRASH_TEST_AUDIT_KEY,
    ...serverEnv,
    MLLP_PORT: String(mllpPort),
  };
  const httpPort = await freePort();
  let server: ServerProcess | null = await startServerProcess(env, httpPort);
  let resent = 0;
  let notAccepted = 0;
  const acked = new Set<string>();

  const feed = async () => {
    let client: MllpTestClient | null = null;
    for (const m of messages) {
      for (;;) {
        try {
          client ??= await connectMllp(mllpPort);
          client.send(m.bytes);
          // Rejects as soon as the connection closes: the server was killed before the ACK.
          const ack = parseHl7(await client.next(30_000));
          if (ack.get('MSA-1') !== 'AA') notAccepted++;
          acked.add(m.controlId);
          break;
        } catch {
          client?.destroy();
          client = null;
          resent++;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    }
    client?.destroy();
  };
  const feedPipelined = async (window: number) => {
    let next = 0; // the first message whose ACK has not come
    while (next < messages.length) {
      let client: MllpTestClient | null = null;
      try {
        client = await connectMllp(mllpPort);
        let sent = next;
        while (next < messages.length) {
          while (sent < messages.length && sent - next < window)
            client.send(messages[sent++]!.bytes);
          const ack = parseHl7(await client.next(30_000));
          // ACKs come in the order the messages went: one for another counts as a failure.
          if (ack.get('MSA-1') !== 'AA' || ack.get('MSA-2') !== messages[next]!.controlId)
            notAccepted++;
          acked.add(messages[next]!.controlId);
          next++;
        }
      } catch {
        resent++;
        await new Promise((r) => setTimeout(r, 50));
      } finally {
        client?.destroy();
      }
    }
  };
  let done = false;
  const window = options.window ?? 1;
  const feeding = (window > 1 ? feedPipelined(window) : feed()).finally(() => (done = true));
  // Kills spread over the feed by progress, not by time, so that a fast machine cannot
  // finish the feed before the kills are done; a short random delay lands each one at
  // some point of a message's handling rather than always between two.
  const step = Math.max(1, Math.floor(messages.length / (wantedKills + 1)));
  let kills = 0;
  while (!done && kills < wantedKills) {
    if (acked.size < (kills + 1) * step) {
      await new Promise((r) => setTimeout(r, 5));
      continue;
    }
    await new Promise((r) => setTimeout(r, Math.random() * 20));
    await killHard(server);
    kills++;
    server = await startServerProcess(env, httpPort);
  }
  await feeding;
  await killHard(server);
  server = null;

  const config = loadConfig({}, { logLevel: 'silent', ...overridesFromEnv(env) });
  const database = await openDatabase(databaseConfig(config));
  try {
    const rows = await database.db
      .selectFrom('hl7_messages')
      .select(['control_id', 'status'])
      .execute();
    const perControl = new Map<string, number>();
    for (const r of rows)
      if (r.control_id) perControl.set(r.control_id, (perControl.get(r.control_id) ?? 0) + 1);
    const processed = new Set(
      rows.filter((r) => r.status === 'processed').map((r) => r.control_id),
    );
    return {
      messages: messages.length,
      kills,
      resent,
      notAccepted,
      lost: [...acked].filter((c) => !processed.has(c)).length,
      duplicates: [...perControl.values()].filter((n) => n > 1).length,
      work: await countWork(database),
    };
  } finally {
    await database.close();
  }
}
