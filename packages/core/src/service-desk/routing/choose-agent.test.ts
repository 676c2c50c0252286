import { describe, expect, it } from 'vitest';
import type { AgentProfile } from './agent-profile';
import { defaultAgentProfile, speaksLanguage } from './agent-profile';
import type { AgentChoice, CaseAgentFacts } from './choose-agent';
import { agentsNeedingLoads, chooseAgent } from './choose-agent';
import type { Queue } from './queue';
import { agentOf, queueOf } from './testing-fixtures';

const spanishQueue = queueOf({
  id: 'q-es',
  name: 'Línea en español',
  requiredSkills: { languages: ['es'], categories: [] },
});
const billingQueue = queueOf({
  id: 'q-billing',
  requiredSkills: { languages: [], categories: ['billing-question', 'billing-dispute'] },
});
const roundRobin = queueOf({ strategy: 'round-robin' });

const en = (f: Partial<CaseAgentFacts> = {}): CaseAgentFacts => ({
  language: 'en',
  category: 'general',
  ...f,
});

interface Row {
  what: string;
  queue: Queue;
  agents: AgentProfile[];
  loads?: Record<string, number>;
  facts: CaseAgentFacts;
  expected: AgentChoice;
}

const rows: Row[] = [
  {
    what: 'least-loaded picks the agent with the fewest active cases',
    queue: queueOf(),
    agents: [agentOf('a'), agentOf('b'), agentOf('c')],
    loads: { a: 3, b: 1, c: 2 },
    facts: en(),
    expected: { accountId: 'b' },
  },
  {
    what: 'least-loaded ties go to whoever was given a case longest ago',
    queue: queueOf(),
    agents: [
      agentOf('a', { lastAssignedAt: '2026-03-02T09:05:00.000Z' }),
      agentOf('b', { lastAssignedAt: '2026-03-02T09:01:00.000Z' }),
    ],
    loads: { a: 1, b: 1 },
    facts: en(),
    expected: { accountId: 'b' },
  },
  {
    what: 'someone never given a case goes before anyone who was',
    queue: queueOf(),
    agents: [agentOf('a', { lastAssignedAt: '2026-03-02T09:05:00.000Z' }), agentOf('z')],
    facts: en(),
    expected: { accountId: 'z' },
  },
  {
    what: 'full ties go to the lowest account id',
    queue: queueOf(),
    agents: [agentOf('c'), agentOf('a'), agentOf('b')],
    facts: en(),
    expected: { accountId: 'a' },
  },
  {
    what: 'round-robin ignores load and picks the least recently assigned',
    queue: roundRobin,
    agents: [
      agentOf('a', { lastAssignedAt: '2026-03-02T09:05:00.000Z' }),
      agentOf('b', { lastAssignedAt: '2026-03-02T08:00:00.000Z' }),
    ],
    loads: { a: 0, b: 4 },
    facts: en(),
    expected: { accountId: 'b' },
  },
  {
    what: 'a Spanish-speaking patient goes to the agent who speaks Spanish, though busier',
    queue: queueOf(),
    agents: [agentOf('a'), agentOf('b', { languages: ['en', 'es'] })],
    loads: { a: 0, b: 4 },
    facts: en({ language: 'es-MX' }),
    expected: { accountId: 'b' },
  },
  {
    what: 'Norwegian written as no-NO reaches an agent who speaks nb',
    queue: queueOf(),
    agents: [agentOf('a'), agentOf('b', { languages: ['nb'] })],
    facts: en({ language: 'no-NO' }),
    expected: { accountId: 'b' },
  },
  {
    what: 'nobody available speaks Latvian: the case waits in the queue',
    queue: queueOf(),
    agents: [agentOf('a'), agentOf('b', { languages: ['lv'], availability: 'away' })],
    facts: en({ language: 'lv' }),
    expected: { unassigned: 'no-agent-speaks-language' },
  },
  {
    what: 'an unknown language asks for no particular language',
    queue: queueOf(),
    agents: [agentOf('a')],
    facts: en({ language: '' }),
    expected: { accountId: 'a' },
  },
  {
    what: 'a Spanish queue takes only Spanish speakers, even for an English case',
    queue: spanishQueue,
    agents: [agentOf('a'), agentOf('b', { languages: ['en', 'es'] })],
    loads: { b: 2 },
    facts: en(),
    expected: { accountId: 'b' },
  },
  {
    what: 'a Spanish queue with no Spanish speaker: nobody has the skills',
    queue: spanishQueue,
    agents: [agentOf('a')],
    facts: en({ language: 'es' }),
    expected: { unassigned: 'no-agent-has-skills' },
  },
  {
    what: 'a billing dispute needs the dispute skill in a billing queue',
    queue: billingQueue,
    agents: [
      agentOf('a', { categories: ['billing-question'] }),
      agentOf('b', { categories: ['billing-dispute'] }),
    ],
    loads: { a: 0, b: 3 },
    facts: en({ category: 'billing-dispute' }),
    expected: { accountId: 'b' },
  },
  {
    what: 'another category in a billing queue needs one of its billing skills',
    queue: billingQueue,
    agents: [agentOf('a'), agentOf('b', { categories: ['billing-question'] })],
    loads: { b: 3 },
    facts: en({ category: 'general' }),
    expected: { accountId: 'b' },
  },
  {
    what: 'everyone away or offline',
    queue: queueOf(),
    agents: [agentOf('a', { availability: 'away' }), agentOf('b', { availability: 'offline' })],
    facts: en(),
    expected: { unassigned: 'no-agent-available' },
  },
  {
    what: 'everyone who qualifies is at capacity',
    queue: queueOf(),
    agents: [agentOf('a', { capacity: 2 }), agentOf('b', { capacity: 0 })],
    loads: { a: 2 },
    facts: en(),
    expected: { unassigned: 'all-agents-at-capacity' },
  },
  {
    what: 'an agent one below capacity still takes a case',
    queue: queueOf(),
    agents: [agentOf('a', { capacity: 2 })],
    loads: { a: 1 },
    facts: en(),
    expected: { accountId: 'a' },
  },
  {
    what: 'no agents at all',
    queue: queueOf(),
    agents: [],
    facts: en(),
    expected: { unassigned: 'no-agents' },
  },
  {
    what: 'an agent of another organization is never considered',
    queue: queueOf(),
    agents: [agentOf('x', { organizationId: 'org-2' })],
    facts: en(),
    expected: { unassigned: 'no-agents' },
  },
];

describe('chooseAgent', () => {
  it.each(rows)('$what', ({ queue, agents, loads, facts, expected }) => {
    expect(chooseAgent(queue, agents, new Map(Object.entries(loads ?? {})), facts)).toEqual(
      expected,
    );
  });

  it('gives the same answer whatever order the agents are listed in', () => {
    const agents = [agentOf('a'), agentOf('b'), agentOf('c')];
    const loads = new Map([['c', 1]]);
    const answers = [agents, [...agents].reverse(), [agents[1]!, agents[2]!, agents[0]!]].map(
      (list) => chooseAgent(queueOf(), list, loads, en()),
    );
    expect(answers).toEqual([{ accountId: 'a' }, { accountId: 'a' }, { accountId: 'a' }]);
  });
});

describe('agentsNeedingLoads', () => {
  it('names only the agents who pass every check before capacity', () => {
    const agents = [
      agentOf('speaks-es', { languages: ['es-MX'] }),
      agentOf('away', { languages: ['es'], availability: 'away' }),
      agentOf('english-only', { languages: ['en'] }),
      agentOf('other-org', { languages: ['es'], organizationId: 'org-2' }),
      agentOf('norwegian', { languages: ['no'] }),
    ];
    const ids = (q: Queue, f: CaseAgentFacts) =>
      agentsNeedingLoads(q, agents, f).map((a) => a.accountId);
    expect(ids(spanishQueue, en({ language: 'es' }))).toEqual(['speaks-es']);
    expect(ids(queueOf(), en({ language: 'nb-NO' }))).toEqual(['norwegian']);
    // An unknown language asks for nothing: everyone available of the organization.
    expect(ids(queueOf(), en({ language: '' }))).toEqual([
      'speaks-es',
      'english-only',
      'norwegian',
    ]);
  });
});

describe('agent profiles', () => {
  it('an agent nobody has configured speaks their account language, holds 10 and takes cases', () => {
    expect(
      defaultAgentProfile({ accountId: 'a', organizationId: 'o', preferredLanguage: 'nb-NO' }),
    ).toEqual({
      accountId: 'a',
      organizationId: 'o',
      languages: ['nb'],
      categories: [],
      capacity: 10,
      availability: 'available',
      lastAssignedAt: null,
    });
  });

  it.each([
    [['es'], 'es-419', true],
    [['en'], 'EN_us', true],
    [['nb'], 'no', true],
    [['pt-br'], 'pt-PT', true],
    [['es'], 'en', false],
    [['es'], 'not a tag', false],
  ] as const)('%j speaks %s: %s', (languages, tag, expected) => {
    expect(speaksLanguage(languages, tag)).toBe(expected);
  });
});
