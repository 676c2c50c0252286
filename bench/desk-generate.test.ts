import { describe, expect, it } from 'vitest';
import {
  ACTIVE_CASE_STATUSES,
  CASE_CHANNELS,
  isReplyToken,
  type AgentProfile,
  type CaseStatus,
  type Queue,
} from '@caredesk/core';
import { NO_DUE } from '@caredesk/server/storage/cases/case-store';
import {
  ACTIVE_SHARE,
  CaseGenerator,
  planCases,
  SEEDED_ACTIVE_PER_AGENT,
  type DeskWorld,
  type GeneratedCase,
} from './desk-generate';
import { isoInstant } from './desk-iso';
import { slaColumns } from './desk-sla';

const NOW = Date.parse('2026-11-24T12:00:00.000Z');
const HOUR = 3_600_000;

function agent(i: number, languages: string[]): DeskWorld['agents'][number] {
  const profile: AgentProfile = {
    accountId: `agent-${String(i).padStart(2, '0')}`,
    organizationId: 'org',
    languages,
    categories: ['refill', 'billing-question', 'general'],
    capacity: 200,
    availability: 'available',
    lastAssignedAt: null,
  };
  return { accountId: profile.accountId, displayName: `Agent ${i}`, profile };
}

const general: Queue = {
  id: 'q-general',
  organizationId: 'org',
  name: 'General',
  teamId: null,
  strategy: 'least-loaded',
  requiredSkills: { languages: [], categories: [] },
  matches: { categories: [], priorities: [], channels: [] },
  order: 100,
  active: true,
};

const world: DeskWorld = {
  organizationId: 'org',
  patients: Array.from({ length: 400 }, (_, i) => ({
    id: `patient-${i}`,
    language: (['en', 'en', 'es', 'lv', 'nb'] as const)[i % 5]!,
  })),
  agents: Array.from({ length: 6 }, (_, i) => agent(i, i % 2 ? ['en', 'es'] : ['en'])),
  queues: [general],
};

function generate(count: number): GeneratedCase[] {
  const keys = planCases(count, 7, NOW);
  const g = new CaseGenerator(world, 7, NOW);
  return Array.from(keys, (k, i) => g.generate(k, i + 1));
}

describe('seeded cases', () => {
  const cases = generate(10_000);

  it('carry distinct reply tokens of the shape inbound mail is threaded by', () => {
    const tokens = cases.map((c) => c.row.reply_token);
    expect(tokens.every(isReplyToken)).toBe(true);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('are numbered in the order they were opened, all in the past', () => {
    for (let i = 1; i < cases.length; i++)
      expect(cases[i]!.row.created_at >= cases[i - 1]!.row.created_at).toBe(true);
    expect(cases.at(-1)!.row.number).toBe(cases.length);
    expect(cases.every((c) => c.row.updated_at <= isoInstant(NOW))).toBe(true);
  });

  it('are about 5 % active, and every channel appears', () => {
    const active = cases.filter((c) => c.row.is_active === 1);
    expect(active.length / cases.length).toBeGreaterThan(ACTIVE_SHARE * 0.85);
    expect(active.length / cases.length).toBeLessThan(ACTIVE_SHARE * 1.15);
    expect(active.every((c) => ACTIVE_CASE_STATUSES.includes(c.row.status as CaseStatus))).toBe(
      true,
    );
    expect(new Set(cases.map((c) => c.row.channel))).toEqual(new Set(CASE_CHANNELS));
  });

  it('have 2–4 messages in order and a 2–5 entry timeline that ends in their status', () => {
    for (const { row, messages, events } of cases) {
      expect(messages.length).toBeGreaterThanOrEqual(2);
      expect(messages.length).toBeLessThanOrEqual(4);
      expect(messages.map((m) => m.position)).toEqual(messages.map((_, i) => i + 1));
      expect(events.length).toBeGreaterThanOrEqual(2);
      expect(events.length).toBeLessThanOrEqual(5);
      const moves = events.filter((e) => e.kind === 'status');
      const last = moves.at(-1);
      expect(last ? (JSON.parse(last.data) as { to: string }).to : 'new').toBe(row.status);
    }
  });

  it('give nobody more active cases than the seeding cap, and only to agents who speak the language', () => {
    const loads = new Map<string, number>();
    for (const { row } of cases) {
      if (row.is_active !== 1 || !row.assignee_id) continue;
      loads.set(row.assignee_id, (loads.get(row.assignee_id) ?? 0) + 1);
      const a = world.agents.find((x) => x.accountId === row.assignee_id)!;
      if (row.language !== 'lv' && row.language !== 'nb')
        expect(a.profile.languages).toContain(row.language);
    }
    expect(Math.max(...loads.values())).toBeLessThanOrEqual(SEEDED_ACTIVE_PER_AGENT);
    // Nobody speaks Latvian or Norwegian here: those active cases wait in the queue.
    const waiting = cases.filter(
      (c) => c.row.is_active === 1 && (c.row.language === 'lv' || c.row.language === 'nb'),
    );
    expect(waiting.every((c) => c.row.assignee_id === null)).toBe(true);
  });

  it('sort finished and paused cases after every running clock', () => {
    for (const { row } of cases) {
      if (row.is_active === 0 || row.status === 'pending-patient')
        expect(row.sla_sort).toBe(NO_DUE);
      else expect(row.sla_sort < NO_DUE).toBe(true);
    }
  });
});

describe('seeded SLA clocks', () => {
  const base = { priority: 'urgent' as const, createdMs: NOW - 10 * HOUR, nowMs: NOW };

  it('run on the first response until it is given, then on the resolution', () => {
    const waiting = slaColumns({ ...base, status: 'new', firstResponseMs: null, resolvedMs: null });
    // Urgent: first response within 4 h, so opened 10 h ago it is breached.
    expect(waiting.sla_state).toBe('breached');
    expect(waiting.sla_sort).toBe(isoInstant(NOW - 6 * HOUR));
    const answered = slaColumns({
      ...base,
      status: 'open',
      firstResponseMs: NOW - 9 * HOUR,
      resolvedMs: null,
    });
    expect(answered.sla_state).toBe('running');
    expect(answered.sla_sort).toBe(isoInstant(NOW + 38 * HOUR));
    expect(answered.sla_next_check_at).toBe(isoInstant(NOW + 26 * HOUR));
  });

  it('pause while pending on the patient and stop once resolved', () => {
    const paused = slaColumns({
      ...base,
      status: 'pending-patient',
      firstResponseMs: NOW - 9 * HOUR,
      resolvedMs: null,
    });
    expect([paused.sla_state, paused.sla_sort, paused.sla_next_check_at]).toEqual([
      'paused',
      NO_DUE,
      null,
    ]);
    const late = slaColumns({
      ...base,
      createdMs: NOW - 100 * HOUR,
      status: 'closed',
      firstResponseMs: NOW - 99 * HOUR,
      resolvedMs: NOW - 2 * HOUR,
    });
    expect([late.sla_state, late.sla_sort]).toEqual(['breached', NO_DUE]);
  });

  it('formats instants exactly as Date#toISOString does', () => {
    for (const ms of [0, 1, 999, 86_399_999, 86_400_000, NOW, NOW + 123_456_789, 253402300799999])
      expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
  });
});
