import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_PRIORITIES } from '../../cases/case';
import { AGENT_AVAILABILITIES, type AgentProfile } from './agent-profile';
import { agentsNeedingLoads, chooseAgent, isEligible, type CaseAgentFacts } from './choose-agent';
import { QUEUE_STRATEGIES, type Queue } from './queue';

const LANGS = ['en', 'es', 'lv', 'nb', 'es-MX', 'no'];
const CATS = ['refill', 'billing-question', 'billing-dispute', 'general'];

const instant = fc
  .integer({ min: 0, max: 10_000 })
  .map((m) => new Date(Date.UTC(2026, 2, 1) + m * 60_000).toISOString());

const agent = (id: number): fc.Arbitrary<AgentProfile> =>
  fc.record({
    accountId: fc.constant(`agent-${id}`),
    organizationId: fc.constantFrom('org-1', 'org-1', 'org-1', 'org-2'),
    languages: fc.subarray(LANGS),
    categories: fc.subarray(CATS),
    capacity: fc.integer({ min: 0, max: 4 }),
    availability: fc.constantFrom(...AGENT_AVAILABILITIES),
    lastAssignedAt: fc.option(instant),
  });

const agents = fc
  .integer({ min: 0, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => agent(i))));

const queue: fc.Arbitrary<Queue> = fc.record({
  id: fc.constant('q'),
  organizationId: fc.constant('org-1'),
  name: fc.constant('Q'),
  teamId: fc.constant(null),
  strategy: fc.constantFrom(...QUEUE_STRATEGIES),
  requiredSkills: fc.record({
    languages: fc.subarray(['en', 'es'], { maxLength: 1 }),
    categories: fc.subarray(CATS, { maxLength: 2 }),
  }),
  matches: fc.constant({ categories: [], priorities: [...CASE_PRIORITIES], channels: [] }),
  order: fc.constant(0),
  active: fc.constant(true),
});

const facts: fc.Arbitrary<CaseAgentFacts> = fc.record({
  language: fc.constantFrom(...LANGS, ''),
  category: fc.constantFrom(...CATS),
});

const loadsFor = (list: readonly AgentProfile[]) =>
  fc
    .tuple(...list.map(() => fc.integer({ min: 0, max: 5 })))
    .map((ns) => new Map(list.map((a, i) => [a.accountId, ns[i]!])));

const world = fc
  .tuple(queue, agents, facts)
  .chain(([q, list, f]) => loadsFor(list).map((loads) => ({ q, list, f, loads })));

describe('chooseAgent properties', () => {
  it('never picks an ineligible agent, and leaves a case unassigned only when nobody is eligible', () => {
    fc.assert(
      fc.property(world, ({ q, list, f, loads }) => {
        const choice = chooseAgent(q, list, loads, f);
        const eligible = list.filter((a) => isEligible(q, a, loads, f));
        if ('accountId' in choice) {
          const chosen = list.find((a) => a.accountId === choice.accountId)!;
          expect(isEligible(q, chosen, loads, f)).toBe(true);
          expect(chosen.organizationId).toBe(q.organizationId);
          expect(loads.get(chosen.accountId) ?? 0).toBeLessThan(chosen.capacity);
          if (q.strategy === 'least-loaded') {
            const least = Math.min(...eligible.map((a) => loads.get(a.accountId) ?? 0));
            expect(loads.get(chosen.accountId) ?? 0).toBe(least);
          }
        } else {
          expect(eligible).toEqual([]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('routing case after case never takes anyone past their capacity', () => {
    fc.assert(
      fc.property(world, fc.array(facts, { minLength: 1, maxLength: 40 }), ({ q, list }, cases) => {
        const loads = new Map<string, number>();
        const profiles = new Map(list.map((a) => [a.accountId, { ...a }]));
        cases.forEach((f, i) => {
          const choice = chooseAgent(q, [...profiles.values()], loads, f);
          if (!('accountId' in choice)) return;
          loads.set(choice.accountId, (loads.get(choice.accountId) ?? 0) + 1);
          profiles.get(choice.accountId)!.lastAssignedAt = new Date(
            Date.UTC(2027, 0, 1) + i * 1000,
          ).toISOString();
        });
        for (const [id, n] of loads) expect(n).toBeLessThanOrEqual(profiles.get(id)!.capacity);
      }),
      { numRuns: 1000 },
    );
  });

  it('decides the same (agent or reason) with only the loads of agentsNeedingLoads', () => {
    fc.assert(
      fc.property(world, ({ q, list, f, loads }) => {
        const needed = new Set(agentsNeedingLoads(q, list, f).map((a) => a.accountId));
        const some = new Map([...loads].filter(([id]) => needed.has(id)));
        expect(chooseAgent(q, list, some, f)).toEqual(chooseAgent(q, list, loads, f));
        // Nobody whose load could matter is left out: every eligible agent is among them.
        for (const a of list)
          if (isEligible(q, a, loads, f)) expect(needed.has(a.accountId)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic: any order of the same agents gives the same choice', () => {
    fc.assert(
      fc.property(
        world.chain((w) =>
          fc.shuffledSubarray(w.list, { minLength: w.list.length }).map((s) => ({ ...w, s })),
        ),
        ({ q, list, f, loads, s }) => {
          expect(chooseAgent(q, s, loads, f)).toEqual(chooseAgent(q, list, loads, f));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
