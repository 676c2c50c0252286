import { describe, expect, it } from 'vitest';
import { deskSection } from './desk-report';
import type { DeskFigures, MailFigures } from './desk-results';
import type { CaseSeedFigures } from './desk-seed';
import { parseOptions } from './options';
import { formatConsoleTable, formatMarkdown, missEvidence, targetsTable } from './report';
import type { BenchRun, EngineName, EngineResult } from './results';
import { emptyEngineResult, TARGETS, verdict } from './results';
import type { LoadResult } from './workloads';

function load(name: string, over: Partial<LoadResult> = {}): LoadResult {
  return {
    name,
    connections: 10,
    seconds: 10,
    requests: 20_000,
    rps: 2_000,
    p50: 3,
    p90: 6,
    p99: 12,
    max: 30,
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    serverCores: 1.02,
    generatorCores: 0.2,
    drainS: 0.1,
    ...over,
  };
}

function seed(cases = 1_000_000): CaseSeedFigures {
  return {
    cases,
    lastNumber: cases,
    messages: 2_990_000,
    events: 4_900_000,
    active: 50_123,
    activeAssigned: 4_000,
    agents: 50,
    queues: 5,
    patients: 99_000,
    seconds: 200,
    indexSeconds: 30.25,
    cpuSeconds: 150.5,
  };
}

function mail(over: Partial<MailFigures> = {}, loadOver: Partial<LoadResult> = {}): MailFigures {
  return {
    load: load('inbound e-mail over SMTP (8 connections)', {
      connections: 8,
      requests: 2_121,
      rps: 212.1,
      p50: 30.2,
      p90: 40.1,
      p99: 48.5,
      max: 61.3,
      serverCores: 0.95,
      generatorCores: 0.12,
      drainS: 1.5,
      ...loadOver,
    }),
    accepted: 2_121,
    replies: 1_050,
    warmup: 400,
    processed: 2_121,
    processedRps: 180.4,
    processSeconds: 11.76,
    allProcessed: true,
    lost: 0,
    threaded: 1_050,
    newCases: 1_071,
    quarantined: 0,
    flagged: 12,
    ...over,
  };
}

function desk(over: Partial<DeskFigures> = {}): DeskFigures {
  return {
    seed: seed(),
    agents: 50,
    inbox: load('agent inbox, first page (50 agents in turn)', { p99: 9 }),
    casePage: load('case page (50 agents in turn)', { p99: 14 }),
    create: load('case creation, audited and routed (50 agents in turn)', {
      rps: 1_250.4,
      p99: 35,
    }),
    created: { created: 15_000, assigned: 6_000 },
    mail: mail(),
    ...over,
  };
}

function result(engine: EngineName, d: DeskFigures | null): EngineResult {
  return { ...emptyEngineResult(engine, engine), desk: d };
}

function run(engines: EngineResult[], suite: 'all' | 'desk' = 'all'): BenchRun {
  return {
    machine: {
      cpuModel: 'Test CPU',
      cores: 2,
      ramGiB: 24,
      os: 'Debian',
      node: 'v20.20.2',
      date: '2026-03-01T12:00:00.000Z',
    },
    settings: {
      quick: false,
      patients: 100_000,
      chunkSize: 1_000,
      durationS: 10,
      warmupS: 2,
      connections: 10,
      coldStartRuns: 3,
      auditEntries: 1_000_000,
      suite,
    },
    engines,
    totalSeconds: 600,
  };
}

const target = (id: string) => TARGETS.find((t) => t.id === id)!;

describe('service desk targets (issue #5 point 11)', () => {
  it('passes at the goals themselves and misses just past them', () => {
    const at = result(
      'sqlite',
      desk({
        inbox: load('inbox', { p99: 20 }),
        casePage: load('case', { p99: 20 }),
        create: load('create', { rps: 1_000 }),
        mail: mail({}, { rps: 50 }),
      }),
    );
    for (const id of [
      'desk-inbox-p99',
      'desk-case-p99',
      'desk-create-rps',
      'desk-mail-rps',
      'desk-errors',
    ])
      expect(verdict(target(id), at), id).toBe('PASS');
    const past = result(
      'sqlite',
      desk({
        inbox: load('inbox', { p99: 21 }),
        casePage: load('case', { p99: 21 }),
        create: load('create', { rps: 999.9, non2xx: 1 }),
        mail: mail({}, { rps: 49.9 }),
      }),
    );
    for (const id of [
      'desk-inbox-p99',
      'desk-case-p99',
      'desk-create-rps',
      'desk-mail-rps',
      'desk-errors',
    ])
      expect(verdict(target(id), past), id).toBe('MISS');
  });

  it('judges the figures only with a million cases seeded, and says at what size they were taken', () => {
    const small = result('sqlite', desk({ seed: seed(50_000), inbox: load('inbox', { p99: 3 }) }));
    expect(verdict(target('desk-inbox-p99'), small)).toBe('n/a');
    expect(verdict(target('desk-create-rps'), small)).toBe('n/a');
    const md = targetsTable(run([small]));
    expect(md).toContain(
      '| #5 | Agent inbox, first page (GET /api/cases?view=mine), 1M cases, p99 | ≤ 20 ms | 3 ms (50,000 cases) |',
    );
    // Errors are errors at any size.
    expect(verdict(target('desk-errors'), small)).toBe('PASS');
  });

  it('shows SQLite and PostgreSQL side by side, with creation rate and its p99 together', () => {
    const pg = result('postgres', desk({ create: load('create', { rps: 640.2, p99: 80 }) }));
    const md = targetsTable(run([result('sqlite', desk()), pg]));
    expect(md).toContain(
      '| #5 | Case creation (POST /api/cases, audited, routed), sustained | ≥ 1,000 cases/s | 1,250 cases/s (p99 35 ms) **PASS** | 640 cases/s (p99 80 ms) **MISS** |',
    );
    expect(md).toContain(
      '| #5 | Case page (GET /api/cases/:id), 1M cases, p99 | ≤ 20 ms | 14 ms **PASS** | 14 ms **PASS** |',
    );
    expect(formatConsoleTable(run([result('sqlite', desk())]))).toContain('9 ms PASS');
  });

  it('explains a missed creation rate with the CPU split and what routing did', () => {
    const slow = result('sqlite', desk({ create: load('create', { rps: 400, p99: 60 }) }));
    const why = missEvidence(target('desk-create-rps'), slow).join(' ');
    expect(why).toContain('The server process used 1.02 cores');
    expect(why).toContain('2.55 ms of server CPU per request.');
    expect(why).toContain(
      '15,000 cases created (warm-up included); routing assigned 6,000 (40.0 %)',
    );
    const md = formatMarkdown(run([slow]));
    expect(md.slice(md.indexOf('## Misses'), md.indexOf('## Details'))).toContain(
      '**sqlite: Case creation (POST /api/cases, audited, routed), sustained** (≥ 1,000 cases/s; measured 400 cases/s (p99 60 ms)).',
    );
  });

  it('shows inbound e-mail beside the other desk targets, with p99, processing and loss', () => {
    const pg = result(
      'postgres',
      desk({ mail: mail({ processedRps: 35.2 }, { rps: 41.6, p99: 190 }) }),
    );
    const md = targetsTable(run([result('sqlite', desk()), pg]));
    expect(md).toContain(
      '| #5 | Inbound e-mail over SMTP (answered 250, stored with its job), sustained | ≥ 50 messages/s | ' +
        '212 messages/s (p99 48.5 ms; processed 180/s end to end; lost 0) **PASS** | ' +
        '42 messages/s (p99 190 ms; processed 35/s end to end; lost 0) **MISS** |',
    );
    const small = result('sqlite', desk({ seed: seed(5_000) }));
    expect(verdict(target('desk-mail-rps'), small)).toBe('n/a');
    expect(targetsTable(run([small]))).toContain(
      '212 messages/s (p99 48.5 ms; processed 180/s end to end; lost 0) (5,000 cases)',
    );
    expect(verdict(target('desk-mail-rps'), result('sqlite', desk({ mail: null })))).toBe('n/a');
  });

  it('explains a missed e-mail rate with the CPU split and what became of the mail', () => {
    const slow = result(
      'postgres',
      desk({
        mail: mail(
          { processed: 300, allProcessed: false, processedRps: 2.4, processSeconds: 125 },
          { rps: 30 },
        ),
      }),
    );
    const why = missEvidence(target('desk-mail-rps'), slow).join(' ');
    expect(why).toContain('The server process used 0.95 cores');
    expect(why).toContain('31.67 ms of server CPU per request.');
    expect(why).toContain(
      '300 of 2,121 accepted messages processed (the wait ended) 125.0 s after the window started (2/s end to end): ' +
        '1,050 into their case, 1,071 new cases, 0 held; 0 lost.',
    );
  });

  it('counts refused and lost e-mail as desk errors, and says which', () => {
    const refused = result('sqlite', desk({ mail: mail({}, { non2xx: 3 }) }));
    expect(verdict(target('desk-errors'), refused)).toBe('MISS');
    expect(missEvidence(target('desk-errors'), refused)).toContain(
      'inbound e-mail over SMTP (8 connections): 0 errors, 0 timeouts, 3 non-2xx.',
    );
    const lost = result('sqlite', desk({ mail: mail({ lost: 2 }) }));
    expect(verdict(target('desk-errors'), lost)).toBe('MISS');
    expect(missEvidence(target('desk-errors'), lost)).toContain(
      'inbound e-mail: 2 messages answered 250 but not stored.',
    );
  });

  it('names every desk workload with errors when the error goal is missed', () => {
    const bad = result('postgres', desk({ casePage: load('case page', { timeouts: 2 }) }));
    expect(missEvidence(target('desk-errors'), bad)).toContain(
      'case page: 0 errors, 2 timeouts, 0 non-2xx.',
    );
  });
});

describe('service desk details', () => {
  it('reports the seeding with its time, index rebuild and CPU, and each workload as a row', () => {
    const text = deskSection(run([result('sqlite', desk()), result('postgres', null)])).join('\n');
    expect(text).toContain('## Service desk (issue #5 point 11)');
    expect(text).toContain(
      '| sqlite | 1,000,000 | 2,990,000 | 4,900,000 | 50,123 (4,000) | 50 | 5 | 99,000 | 200.0 | 30.3 | 150.5 | 5,000 |',
    );
    expect(text).toContain(
      '| sqlite | case page (50 agents in turn) | 10 | 2,000 | 20,000 | 3 | 6 | 14 | 30 | 0 | 0 | 1.02 | 0.20 | 0.1 |',
    );
    expect(text).toContain(
      '- sqlite: 15,000 cases created (warm-up included); routing assigned 6,000 (40.0 %) to an agent; the rest wait',
    );
    expect(text).not.toContain('| postgres |');
  });

  it('puts inbound e-mail in the desk workload table and details its processing per engine', () => {
    const pg = result(
      'postgres',
      desk({ mail: mail({ lost: 1, allProcessed: false, processed: 2_000 }) }),
    );
    const text = deskSection(run([result('sqlite', desk()), pg])).join('\n');
    expect(text).toContain(
      '| sqlite | inbound e-mail over SMTP (8 connections) | 8 | 212 | 2,121 | 30.2 | 40.1 | 48.5 | 61.3 | 0 | 0 | 0.95 | 0.12 | 1.5 |',
    );
    expect(text).toContain('### Inbound e-mail: accepted, then processed');
    expect(text).toContain(
      '| sqlite | 2,121 | 1,050 / 1,071 | 212.1 | 48.5 | 0 | 0 | 2,121 | 180.4 | 1,050 | 1,071 | 0 | 12 |',
    );
    expect(text).toContain(
      '| postgres | 2,121 | 1,050 / 1,071 | 212.1 | 48.5 | 0 | 1 | 2,000 (wait ended) | 180.4 | 1,050 | 1,071 | 0 | 12 |',
    );
    const without = deskSection(run([result('sqlite', desk({ mail: null }))])).join('\n');
    expect(without).not.toContain('Inbound e-mail');
  });

  it('leaves the section out when the desk did not run', () => {
    expect(deskSection(run([result('sqlite', null)]))).toEqual([]);
  });

  it('marks a desk-only run as partial in the report', () => {
    expect(formatMarkdown(run([result('sqlite', desk())], 'desk'))).toContain(
      '**Partial run** (`--suite desk`)',
    );
    expect(formatMarkdown(run([result('sqlite', desk())]))).not.toContain('Partial run');
  });
});

describe('desk options', () => {
  it('runs everything by default with a million cases, and the desk alone on request', () => {
    const all = parseOptions([]);
    expect([all.suite, all.cases, all.out]).toEqual(['all', 1_000_000, 'docs/benchmarks.md']);
    const desk = parseOptions(['--suite', 'desk', '--cases', '100000', '--duration', '3']);
    expect([desk.suite, desk.cases, desk.durationS]).toEqual(['desk', 100_000, 3]);
  });

  it('never lets a desk-only run overwrite docs/benchmarks.md unless told where to write', () => {
    expect(parseOptions(['--suite', 'desk']).out).toBeNull();
    expect(parseOptions(['--suite=desk', '--out', '/tmp/desk.md']).out).toBe('/tmp/desk.md');
    expect(() => parseOptions(['--suite', 'kb-and-more'])).toThrow(
      /--suite must be all, desk or hl7/,
    );
    expect(() => parseOptions(['--cases', '0'])).toThrow(/--cases needs a positive integer/);
  });
});
