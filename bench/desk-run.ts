import {
  freePort,
  killHard,
  startServerProcess,
  type ServerProcess,
} from '@caredesk/server/testing/server-process';
import { agentHeaders, runDeskLoad, signInAgents, type AgentRequest } from './desk-load';
import { BENCH_MAIL_DOMAIN, runMailLoad, sampleMailMix, waitForSmtpPort } from './desk-mail';
import { emptyDeskFigures } from './desk-results';
import { createdSince, newCaseBodies, sampleCaseIds } from './desk-samples';
import { seedCases } from './desk-seed';
import { setUpDesk, type SeededDesk } from './desk-world';
import { LOGIN_SERVER_ENV } from './login-latency';
import type { BenchOptions } from './options';
import type { EngineResult } from './results';
import type { BenchDatabase } from './seed-database';
import { step, type Log } from './step';

const SEED = 42;
/** Cases per seeding transaction. */
const CASE_CHUNK = 2_000;
const CASE_PAGE_ACTIVE_IDS = 3_000;
const CASE_PAGE_OTHER_IDS = 2_000;
const NEW_CASE_BODIES = 2_000;
/** Cases answered and patients writing in, sampled for the inbound e-mail workload. */
const MAIL_REPLY_CASES = 2_000;
const MAIL_PATIENTS = 2_000;
/** Several mail servers delivering at once, each on its own connection. */
const MAIL_CONNECTIONS = 8;
/** Bounds the window's count however fast the server answers. */
const MAIL_MAX_MESSAGES = 20_000;
/** Longest wait for the processing job to work off the accepted mail. */
const MAIL_PROCESS_TIMEOUT_S = 120;

/** Runs `body`, making sure `cleanup` runs after it, and also if the run is interrupted. */
export type Guard = <T>(cleanup: () => Promise<void>, body: () => Promise<T>) => Promise<T>;

export const DESK_METHOD_NOTES = [
  'Service desk (issue #5 point 11): 50 staff who work cases (30 agents, 8 nurses, 6 billing, 3 social workers, 3 supervisors) ' +
    "are provisioned through the identity service and given routing profiles (their own language and English; their role's " +
    "category skills as in the demo clinic; capacity 200; available), with the demo clinic's five queues (General last). " +
    'Cases are then written straight into the tables in creation order, one transaction per 2,000 cases, with multi-row ' +
    "INSERTs, the tables' secondary indexes dropped during the load and rebuilt from their own definitions afterwards " +
    '(included in the seeding time); the SQLite seeding connection uses a 256 MB page cache and synchronous=OFF (the ' +
    "server's own connection keeps synchronous=FULL). Like the patient seeding, no audit entries are written for seeded cases.",
  'Seeded cases: 5 % active (created within the last 45 days, skewed to the last week; new, open, pending on the patient ' +
    'or a third party), 2 % resolved, 93 % closed (10 days to 3 years old), over every unrestricted, unmerged seeded ' +
    'patient in their language; channels, categories (all 12 built-in) and priorities (75 % routine … 2 % stat) weighted as ' +
    'a patient-service desk sees them; 0.5 % of phone cases from unidentified callers. Queues are chosen by core routing ' +
    "(queueFor); active cases go to agents by core routing's least-loaded choice (skills, language) up to 80 active cases " +
    'each, the rest wait in their queue; closed cases went to any agent who could have taken them. Each case has 2–4 ' +
    "messages (the request or the agent's call note, public answers, patient follow-ups, ~20 % of later staff messages " +
    'internal notes; e-mail requests keep a Message-ID) and a 2–5 entry timeline (created, routed, each status move; the ' +
    'seeded timeline leaves out the per-message entries the service also writes). SLA columns are filled as the SLA ' +
    'clock keeps them, with wall-clock targets per priority (first response 8 h / 4 h / 1 h / 15 min, resolution ' +
    '5 d / 2 d / 1 d / 8 h) and no policy row: due instants, state, sla_sort (NO_DUE while paused or done) and the next check.',
  'Desk workloads run against their own server process (same settings as the sign-in measurement: staff MFA not required, ' +
    'login rate limit raised), after the other workloads. All 50 agents sign in through POST /api/auth/login first; every ' +
    "request then carries one agent's session cookie, rotating through the agents (changes also carry that session's " +
    'X-CSRF-Token). Inbox: GET /api/cases?view=mine (first page, 25 cases sorted by SLA due). Case page: GET ' +
    '/api/cases/:id over 5,000 real ids (3,000 active, 2,000 resolved or closed, shuffled): case, messages, timeline, staff ' +
    "names, with the access decision on the case's patient. Creation: POST /api/cases over 2,000 prepared bodies (random " +
    "seeded patients; phone 60 %, walk-in 15 %, nurse line 15 %, e-mail 10 %; the seeding's category and priority mix), " +
    "each routed (per-organization routing lock on PostgreSQL, agents' loads counted, least-loaded choice) and audited in " +
    'its transaction (on SQLite, cases that arrive together share one commit and one WAL sync, each in its own ' +
    "savepoint: storage/group-commit.ts); it runs after the reads, as it adds cases. Each created case gets its SLA clock from the server's " +
    "SLA port (the organization's default policy for its category and priority, put in place on first use, on the " +
    'business calendar) and a scheduled SLA check job for its next threshold, in the same transaction.',
  'Inbound e-mail: the same server process listens for SMTP on 127.0.0.1 (a free port, read from its start-up banner; ' +
    `MAIL_DOMAIN ${BENCH_MAIL_DOMAIN}). ${MAIL_CONNECTIONS} connections each deliver messages back to back, as relaying ` +
    'mail servers do (EHLO once per connection, then MAIL FROM, RCPT TO and DATA pipelined per RFC 2920, the next message ' +
    'as soon as the last is answered), for the same warm-up and window as the HTTP loads and at most ' +
    `${MAIL_MAX_MESSAGES.toLocaleString('en-US')} messages. Half the messages are a patient's reply to a seeded case, from ` +
    "the patient's address on file to the case's reply address (reply+token@domain), with the [ref:] subject tag, " +
    'In-Reply-To/References and the staff answer quoted; the cases are up to 2,000 sampled ones whose patient has an e-mail ' +
    'address, 85 % active and 15 % resolved or closed (those reopen or open a linked follow-up). The other half are new ' +
    "requests to help@domain in a built-in category's words, 90 % from the address on file of one of up to 2,000 " +
    'sampled patients (a case for that patient) and 10 % from addresses on no patient (a case with an unidentified ' +
    'sender). Every message is UTF-8 ' +
    "(8bit body, RFC 2047 subject) in the patient's language, half plain text and half multipart/alternative with an HTML " +
    'part, with a unique Message-ID. The server answers 250 only after the raw message and its mail.inbound.process job ' +
    'have committed in one transaction; messages/s counts those answers over the window, the latency is the whole SMTP ' +
    "transaction (MAIL FROM to the final 250). The server's job runner processes the messages meanwhile (parse, checks, " +
    'threading by reply token, then Message-ID, else a new case; appending runs the case service with its audit entry); ' +
    "the warm-up's messages are processed before the window starts. After the window the benchmark waits (at most " +
    `${MAIL_PROCESS_TIMEOUT_S} s) until no stored message is still unprocessed; processed/s end to end is the window's ` +
    'accepted messages over the time from the window start to the last processed_at. Lost counts messages answered 250 ' +
    '(warm-up included) whose id from the answer is not in inbound_mail at the end; it must be 0 and counts as an error. ' +
    'The loss under SIGKILL itself is tested by the unit suite (smtp-listener contract), not here. It runs last, as it ' +
    'adds cases and messages.',
];

async function deskServer(
  result: EngineResult,
  db: BenchDatabase,
  desk: SeededDesk,
  opts: BenchOptions,
  log: Log,
  guard: Guard,
): Promise<void> {
  const figures = result.desk!;
  const seeded = figures.seed!.lastNumber;
  const caseIds = await sampleCaseIds(db.config, CASE_PAGE_ACTIVE_IDS, CASE_PAGE_OTHER_IDS);
  const bodies = newCaseBodies(desk.world, NEW_CASE_BODIES, SEED);
  let server: ServerProcess | null = null;
  await guard(
    async () => {
      if (server) await killHard(server);
    },
    async () => {
      server = await startServerProcess(
        { ...db.env, ...LOGIN_SERVER_ENV, MAIL_DOMAIN: BENCH_MAIL_DOMAIN },
        await freePort(),
      );
      const started = server;
      const sessions = await signInAgents(server.baseUrl, desk.logins);
      figures.agents = sessions.length;
      const inboxPath = '/api/cases?view=mine';
      const base = {
        baseUrl: server.baseUrl,
        connections: opts.connections,
        durationS: opts.durationS,
        warmupS: opts.warmupS,
        serverPid: server.child.pid,
        probe: { path: inboxPath, headers: agentHeaders(sessions[0]!) },
      };
      const name = (what: string) => `${what} (${sessions.length} agents in turn)`;
      await step(result, log, 'desk: agent inbox', async () => {
        const requests: AgentRequest[] = sessions.map((s) => ({
          method: 'GET',
          path: inboxPath,
          headers: agentHeaders(s),
        }));
        figures.inbox = await runDeskLoad({
          ...base,
          name: name('agent inbox, first page'),
          requests,
        });
      });
      await step(result, log, 'desk: case page', async () => {
        const requests: AgentRequest[] = caseIds.map((id, i) => ({
          method: 'GET',
          path: `/api/cases/${id}`,
          headers: agentHeaders(sessions[i % sessions.length]!),
        }));
        figures.casePage = await runDeskLoad({ ...base, name: name('case page'), requests });
      });
      await step(result, log, 'desk: case creation', async () => {
        const requests: AgentRequest[] = bodies.map((body, i) => ({
          method: 'POST',
          path: '/api/cases',
          headers: agentHeaders(sessions[i % sessions.length]!, true),
          body: JSON.stringify(body),
        }));
        figures.create = await runDeskLoad({
          ...base,
          name: name('case creation, audited and routed'),
          requests,
        });
        figures.created = await createdSince(db.config, seeded);
      });
      await step(result, log, 'desk: inbound e-mail', async () => {
        // Sampled here, not before the server starts: a failure costs this workload only.
        const mix = await sampleMailMix(db.config, desk.world, {
          replies: MAIL_REPLY_CASES,
          patients: MAIL_PATIENTS,
          seed: SEED,
          mailDomain: BENCH_MAIL_DOMAIN,
        });
        figures.mail = await runMailLoad({
          port: await waitForSmtpPort(started.output),
          connections: MAIL_CONNECTIONS,
          durationS: opts.durationS,
          warmupS: opts.warmupS,
          maxMessages: MAIL_MAX_MESSAGES,
          mix,
          serverPid: started.child.pid,
          config: db.config,
          processTimeoutS: MAIL_PROCESS_TIMEOUT_S,
        });
      });
    },
  );
}

/**
 * Issue #5 point 11 on one engine: sets up the desk, seeds the cases (timed), then measures
 * the inbox, the case page, case creation and inbound e-mail against a real server process.
 */
export async function runDesk(
  result: EngineResult,
  db: BenchDatabase,
  opts: BenchOptions,
  log: Log,
  guard: Guard,
): Promise<void> {
  result.desk = emptyDeskFigures();
  const figures = result.desk;
  const made: { desk?: SeededDesk } = {};
  await step(result, log, 'desk: agents, queues and routing profiles', async () => {
    made.desk = await setUpDesk(db.overrides);
  });
  const desk = made.desk;
  if (!desk) return;
  const world = desk.world;
  await step(result, log, `desk: seed ${opts.cases} cases`, async () => {
    let lastLog = 0;
    figures.seed = await seedCases(db.config, world, {
      count: opts.cases,
      seed: SEED,
      // The server stamps new cases with its own clock; seeded ones are relative to it too.
      now: new Date(),
      chunkSize: CASE_CHUNK,
      onProgress: (cases, seconds) => {
        if (seconds - lastLog >= 15) {
          lastLog = seconds;
          log(`[${result.engine}]   ${cases} cases in ${seconds.toFixed(0)} s`);
        }
      },
    });
  });
  if (!figures.seed) return;
  await step(result, log, 'desk: HTTP workloads', () =>
    deskServer(result, db, desk, opts, log, guard),
  );
}
