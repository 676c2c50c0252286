import { randomBytes, randomUUID } from 'node:crypto';
import {
  chooseAgent,
  isEligible,
  queueFor,
  type AgentProfile,
  type CaseChannel,
  type CasePriority,
  type CaseStatus,
  type Queue,
} from '@caredesk/core';
import { Rng } from '@caredesk/server/demo/random';
import type { CaseRow } from '@caredesk/server/storage/cases/case-store';
import { isoInstant } from './desk-iso';
import { slaColumns } from './desk-sla';
import {
  caseEvents,
  caseMessages,
  type CaseEventInsert,
  type CaseMessageInsert,
} from './desk-timeline';
import { categoryText, type DeskLanguage } from './desk-text';

export type { CaseEventInsert, CaseMessageInsert } from './desk-timeline';

/** A seeded staff member who works cases, with the routing profile the server will use. */
export interface SeedAgent {
  accountId: string;
  displayName: string;
  profile: AgentProfile;
}

/** Who and what the seeded cases are spread over. */
export interface DeskWorld {
  organizationId: string;
  patients: ReadonlyArray<{ id: string; language: DeskLanguage }>;
  agents: readonly SeedAgent[];
  queues: readonly Queue[];
}

export interface GeneratedCase {
  row: CaseRow;
  messages: CaseMessageInsert[];
  events: CaseEventInsert[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Share of all cases still being worked (new, open, pending), and resolved but not closed. */
export const ACTIVE_SHARE = 0.05;
export const RESOLVED_SHARE = 0.02;
/**
 * Active cases one agent holds at most after seeding: a heavy but real inbox. Those routing
 * cannot place under it wait unassigned in their queue (the supervisor's backlog).
 */
export const SEEDED_ACTIVE_PER_AGENT = 80;
/** A resolved case closes this long after resolution unless the patient writes back. */
const CLOSE_AFTER = 7 * DAY;

const enum Life {
  Active = 0,
  Resolved = 1,
  Closed = 2,
}

const PRIORITIES: ReadonlyArray<readonly [CasePriority, number]> = [
  ['routine', 75],
  ['urgent', 17],
  ['asap', 6],
  ['stat', 2],
];
const CHANNELS: ReadonlyArray<readonly [CaseChannel, number]> = [
  ['portal', 30],
  ['email', 24],
  ['phone', 24],
  ['sms', 6],
  ['walk-in', 4],
  ['nurse-line', 6],
  ['hl7', 3],
  ['api', 3],
];
const CATEGORIES: ReadonlyArray<readonly [string, number]> = [
  ['claim-help', 8],
  ['reimbursement-form', 4],
  ['refill', 16],
  ['test-arrangement', 10],
  ['procedure-scheduling', 10],
  ['device-help', 5],
  ['billing-question', 14],
  ['billing-dispute', 5],
  ['financial-assistance', 4],
  ['discharge-follow-up', 6],
  ['complaint', 3],
  ['general', 15],
];
const TAGS = [
  'callback-requested',
  'interpreter-needed',
  'insurance',
  'second-contact',
  'paper-letter',
];
/** Channels where a person at the desk writes the case down (and verifies who calls). */
const STAFF_CHANNELS = new Set<CaseChannel>(['phone', 'walk-in', 'nurse-line']);

/**
 * When every case was opened and whether it is still active, resolved or closed, in
 * creation order (case numbers follow it). Active cases are mostly recent (within 45 days,
 * skewed to the last week), resolved ones 2–14 days old, closed ones 10 days to 3 years.
 * Packed as created-ms × 4 + life so one numeric sort orders them.
 */
export function planCases(count: number, seed: number, nowMs: number): Float64Array {
  const rng = new Rng(seed);
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const u = rng.next();
    const v = rng.next();
    let life: Life;
    let ageMs: number;
    if (u < ACTIVE_SHARE) {
      life = Life.Active;
      ageMs = 45 * DAY * v * v + 10 * 60_000;
    } else if (u < ACTIVE_SHARE + RESOLVED_SHARE) {
      life = Life.Resolved;
      ageMs = 2 * DAY + 12 * DAY * v;
    } else {
      life = Life.Closed;
      ageMs = 10 * DAY + 1085 * DAY * v;
    }
    keys[i] = Math.floor(nowMs - ageMs) * 4 + life;
  }
  return keys.sort();
}

const iso = isoInstant;

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const TOKEN_CHARS = 26;

/**
 * Reply tokens as the service makes them (case-writes newReplyToken: 26 lower-case base32
 * characters, one random byte's low 5 bits each), so that inbound mail to a seeded case's
 * reply address threads into it; drawn from one random buffer at a time: a call into the
 * random source per case costs more than the rest of the case.
 */
class TokenPool {
  private buffer = Buffer.alloc(0);
  private offset = 0;

  next(): string {
    if (this.offset + TOKEN_CHARS > this.buffer.length) {
      this.buffer = randomBytes(TOKEN_CHARS * 4096);
      this.offset = 0;
    }
    let token = '';
    for (let i = 0; i < TOKEN_CHARS; i++) token += BASE32[this.buffer[this.offset + i]! & 31];
    this.offset += TOKEN_CHARS;
    return token;
  }
}

/**
 * Turns planned cases into rows, deterministically from `seed` (ids and reply tokens
 * aside). Active cases go through core routing's own choice (queue, skills, language,
 * least loaded) with a seeding cap per agent; closed ones went to any agent who could
 * have taken them.
 */
export class CaseGenerator {
  private readonly rng: Rng;
  private readonly loads = new Map<string, number>();
  private readonly eligible = new Map<string, SeedAgent[]>();
  private readonly capped: AgentProfile[];
  private readonly tokens = new TokenPool();

  constructor(
    private readonly world: DeskWorld,
    seed: number,
    private readonly nowMs: number,
  ) {
    if (world.patients.length === 0) throw new Error('no patients to open cases for');
    if (world.agents.length === 0) throw new Error('no agents to work cases');
    this.rng = new Rng(seed ^ 0x5eed_ca5e);
    this.capped = world.agents.map((a) => ({ ...a.profile, capacity: SEEDED_ACTIVE_PER_AGENT }));
  }

  /** Active cases held by each agent so far. */
  activeLoads(): ReadonlyMap<string, number> {
    return this.loads;
  }

  generate(key: number, number: number): GeneratedCase {
    const r = this.rng;
    const life = (key % 4) as Life;
    const createdMs = (key - life) / 4;
    const ageMs = this.nowMs - createdMs;
    const patient = this.world.patients[r.int(0, this.world.patients.length - 1)]!;
    const language = patient.language;
    const priority = r.weighted(PRIORITIES);
    const channel = r.weighted(CHANNELS);
    const category = r.weighted(CATEGORIES);
    const queue = queueFor(this.world.queues, { category, priority, channel });
    const status = this.statusOf(life, ageMs);
    const { agent: assignee, reason } = this.assign(queue, { category, language }, status, ageMs);
    const byStaff = STAFF_CHANNELS.has(channel);
    const writer = assignee ?? this.world.agents[r.int(0, this.world.agents.length - 1)]!;
    const unidentified = channel === 'phone' && r.chance(0.005);

    // Life of the case: first answer, waiting, resolution, closing.
    const firstResponseMs =
      status === 'new' ? null : createdMs + Math.min(ageMs / 2, (0.1 + r.next() * 12) * HOUR);
    let resolvedMs: number | null = null;
    let closedMs: number | null = null;
    if (life !== Life.Active) {
      resolvedMs = Math.min(this.nowMs - HOUR, createdMs + (0.3 + r.next() * 5) * DAY);
      if (life === Life.Closed)
        closedMs = Math.min(this.nowMs - HOUR / 2, resolvedMs + CLOSE_AFTER);
    }
    const lastMs = closedMs ?? resolvedMs ?? createdMs + ageMs * (0.6 + 0.3 * r.next());
    const pendingMs =
      status === 'pending-patient' || status === 'pending-third-party'
        ? firstResponseMs! + (lastMs - firstResponseMs!) * 0.5
        : null;
    const statusChangedMs = closedMs ?? resolvedMs ?? pendingMs ?? firstResponseMs ?? createdMs;

    const id = randomUUID();
    const text = categoryText(category, language);
    const row: CaseRow = {
      id,
      organization_id: this.world.organizationId,
      number,
      patient_id: unidentified ? null : patient.id,
      caller: unidentified
        ? JSON.stringify({
            name: 'Unidentified caller',
            phone: `+1555${r.int(1_000_000, 9_999_999)}`,
          })
        : null,
      channel,
      category,
      priority,
      status,
      is_active: life === Life.Active ? 1 : 0,
      subject: text.subject,
      language,
      assignee_id: assignee?.accountId ?? null,
      team_id: queue?.teamId ?? null,
      queue_id: queue?.id ?? null,
      tags: JSON.stringify(this.tags()),
      links: '[]',
      reply_token: this.tokens.next(),
      created_by: byStaff ? writer.accountId : null,
      created_at: iso(createdMs),
      updated_at: iso(Math.max(lastMs, statusChangedMs)),
      status_changed_at: iso(statusChangedMs),
      first_response_at: firstResponseMs === null ? null : iso(firstResponseMs),
      resolved_at: resolvedMs === null ? null : iso(resolvedMs),
      closed_at: closedMs === null ? null : iso(closedMs),
      verified_at: byStaff && !unidentified ? iso(createdMs + 2 * 60_000) : null,
      ...slaColumns({
        priority,
        status,
        createdMs,
        firstResponseMs,
        resolvedMs,
        nowMs: this.nowMs,
      }),
      sla_pauses:
        status === 'pending-patient' ? JSON.stringify([{ from: iso(pendingMs!), to: null }]) : '[]',
      version: 1,
    };
    const messages = caseMessages(this.rng, row, {
      byStaff,
      writer,
      createdMs,
      firstResponseMs,
      lastMs,
      ask: text.ask,
    });
    const events = caseEvents(row, {
      createdMs,
      firstResponseMs,
      pendingMs,
      resolvedMs,
      closedMs,
      writer,
      byStaff,
      reason,
    });
    return { row, messages, events };
  }

  private statusOf(life: Life, ageMs: number): CaseStatus {
    if (life === Life.Resolved) return 'resolved';
    if (life === Life.Closed) return 'closed';
    const r = this.rng;
    if (ageMs < DAY) return r.chance(0.6) ? 'new' : 'open';
    return r.weighted<CaseStatus>([
      ['new', 5],
      ['open', 40],
      ['pending-patient', 35],
      ['pending-third-party', 20],
    ]);
  }

  private assign(
    queue: Queue | null,
    facts: { category: string; language: DeskLanguage },
    status: CaseStatus,
    ageMs: number,
  ): { agent: SeedAgent | null; reason: string } {
    if (!queue) return { agent: null, reason: 'no-queue' };
    const r = this.rng;
    const byId = (id: string) => this.world.agents.find((a) => a.accountId === id)!;
    if (status === 'resolved' || status === 'closed') {
      const key = `${queue.id}|${facts.category}|${facts.language}`;
      let pool = this.eligible.get(key);
      if (!pool) {
        pool = this.world.agents.filter((a) => isEligible(queue, a.profile, new Map(), facts));
        this.eligible.set(key, pool);
      }
      const from = pool.length > 0 ? pool : this.world.agents;
      return { agent: from[r.int(0, from.length - 1)]!, reason: queue.strategy };
    }
    // Half of what came in today arrived while nobody eligible was free.
    if (status === 'new' && ageMs < DAY && r.chance(0.5))
      return { agent: null, reason: 'no-agent-available' };
    const choice = chooseAgent(queue, this.capped, this.loads, facts);
    if (!('accountId' in choice)) return { agent: null, reason: choice.unassigned };
    this.loads.set(choice.accountId, (this.loads.get(choice.accountId) ?? 0) + 1);
    return { agent: byId(choice.accountId), reason: queue.strategy };
  }

  private tags(): string[] {
    const r = this.rng;
    const u = r.next();
    if (u < 0.62) return [];
    const first = r.pick(TAGS);
    if (u < 0.92) return [first];
    const second = r.pick(TAGS);
    return second === first ? [first] : [first, second];
  }
}
