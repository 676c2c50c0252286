import { createHash } from 'node:crypto';
import { sendRaw } from '../channels/email/inbound/testing/send-raw';
import { databaseConfig, loadConfig } from '../config/config';
import { openDatabase } from '../storage/database';
import { CRASH_TEST_AUDIT_KEY, overridesFromEnv } from './crash-harness';
import { freePort, killHard, startServerProcess, type ServerProcess } from './server-process';

export interface MailCrashReport {
  messages: number;
  /** Times the server was killed with SIGKILL while messages were being delivered. */
  kills: number;
  /** Delivery attempts that failed (connection cut, refused, 4xx) and were retried. */
  retries: number;
  /** Acknowledged (250) messages missing from inbound_mail after the last restart. */
  lost: number;
  /** Messages stored more than once. */
  duplicates: number;
  /** Stored messages without exactly one processing job. */
  withoutJob: number;
  stored: number;
}

/** A distinct message of some size, so that delivery takes long enough to be cut. */
function message(n: number): Buffer {
  const body = `Message ${n} of the crash test.\r\n${'Lorem ipsum dolor sit amet. '.repeat(4000)}`;
  return Buffer.from(
    [
      `From: sender${n}@example.org`,
      'To: help@caredesk.localhost',
      `Subject: crash test ${n}`,
      `Message-ID: <crash-${n}@example.org>`,
      'Date: Mon, 02 Mar 2026 09:00:00 +0000',
      '',
      body,
      '',
    ].join('\r\n'),
  );
}

/**
 * Issue #5 point 4, "the server killed mid-delivery": `caredesk serve` receives `count`
 * messages over SMTP from senders that retry like a mail server does (same bytes, until a
 * 250), while the harness kills it with SIGKILL again and again and restarts it on the same
 * ports. Afterwards every acknowledged message must be stored exactly once, each with one
 * processing job.
 */
export async function runMailCrashRounds(
  serverEnv: Record<string, string>,
  options: { count?: number; kills?: number; senders?: number } = {},
): Promise<MailCrashReport> {
  const count = options.count ?? 50;
  const wantedKills = options.kills ?? 4;
  const mailPort = await freePort();
  const env = {
    DATABASE_URL: '',
    CAREDESK_AUDIT_KEY: CRASH_TEST_AUDIT_KEY,
    ...serverEnv,
    INBOUND_MAIL_PORT: String(mailPort),
  };
  const httpPort = await freePort();
  const messages = Array.from({ length: count }, (_, n) => message(n));
  const acked = new Set<number>();
  let retries = 0;
  let kills = 0;
  let server: ServerProcess | null = await startServerProcess(env, httpPort);

  const queue = [...messages.keys()];
  const sender = async () => {
    for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
      for (;;) {
        const answer = await sendRaw(mailPort, messages[n]!, {
          from: `sender${n}@example.org`,
          to: ['help@caredesk.localhost'],
        });
        if (answer.code === 250) break;
        retries++;
        await new Promise((r) => setTimeout(r, 100));
      }
      acked.add(n);
      await new Promise((r) => setTimeout(r, 40));
    }
  };
  const sending = Promise.all(Array.from({ length: options.senders ?? 4 }, sender));
  let done = false;
  void sending.finally(() => (done = true));
  while (!done && kills < wantedKills) {
    await new Promise((r) => setTimeout(r, 150 + Math.random() * 350));
    if (done) break;
    await killHard(server);
    kills++;
    server = await startServerProcess(env, httpPort);
  }
  await sending;
  await killHard(server);
  server = null;

  const config = loadConfig({}, { logLevel: 'silent', ...overridesFromEnv(env) });
  const database = await openDatabase(databaseConfig(config));
  try {
    const rows = await database.db.selectFrom('inbound_mail').select(['id', 'sha256']).execute();
    const jobs = await database.db
      .selectFrom('jobs')
      .select('dedupe_key')
      .where('kind', '=', 'mail.inbound.process')
      .execute();
    const perDigest = new Map<string, number>();
    for (const r of rows) perDigest.set(r.sha256, (perDigest.get(r.sha256) ?? 0) + 1);
    const jobKeys = jobs.map((j) => j.dedupe_key);
    return {
      messages: count,
      kills,
      retries,
      lost: [...acked].filter((n) => {
        const digest = createHash('sha256').update(messages[n]!).digest('hex');
        return !perDigest.has(digest);
      }).length,
      duplicates: [...perDigest.values()].filter((c) => c > 1).length,
      withoutJob: rows.filter(
        (r) => jobKeys.filter((k) => k === `mail.inbound.process:${r.id}`).length !== 1,
      ).length,
      stored: rows.length,
    };
  } finally {
    await database.close();
  }
}
