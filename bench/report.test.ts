import { describe, expect, it } from 'vitest';
import {
  formatConsoleTable,
  formatMarkdown,
  formatNumber,
  missEvidence,
  targetsTable,
} from './report';
import type { BenchRun, EngineResult } from './results';
import { emptyEngineResult, TARGETS, verdict } from './results';
import type { LoadResult } from './workloads';

function load(name: string, over: Partial<LoadResult> = {}): LoadResult {
  return {
    name,
    connections: 10,
    seconds: 10,
    requests: 60_000,
    rps: 6_000,
    p50: 1,
    p90: 2,
    p99: 4,
    max: 20,
    errors: 0,
    timeouts: 0,
    non2xx: 0,
    serverCores: 0.98,
    generatorCores: 0.6,
    drainS: 0.1,
    ...over,
  };
}

function sqliteResult(over: Partial<EngineResult> = {}): EngineResult {
  return {
    ...emptyEngineResult('sqlite', 'sqlite:/tmp/x/caredesk.db'),
    read: load('patient read'),
    typeahead: load('typeahead (mixed)', {
      rps: 1_200,
      p99: 40,
      serverCores: 1.01,
      generatorCores: 0.1,
    }),
    typeaheadByKind: [
      load('typeahead: birth date', { rps: 300, p99: 60 }),
      load('typeahead: MRN', { rps: 2_500, p99: 8 }),
    ],
    memory: { afterStartMB: 150, afterLoadMB: 180.04, peakMB: 190 },
    coldStartMs: [700, 650, 900],
    importFresh: {
      bundles: 25,
      resources: 5_784,
      records: 2_552,
      seconds: 0.5,
      resourcesPerSecond: 11_568,
      recordsPerSecond: 5_104,
      patientsBefore: 0,
    },
    login: {
      logins: 200,
      p50Ms: 45,
      p99Ms: 52,
      maxMs: 60,
      hashVerifyMedianMs: 40,
      p99ExcludingHashMs: 12,
      non200: 0,
    },
    auditVerify: {
      entries: 1_000_000,
      buildSeconds: 40,
      verifySeconds: 6.5,
      entriesPerSecond: 153_846,
    },
    groupCommit: {
      callers: 10,
      records: 30_000,
      seconds: 10,
      perSecond: 3_000,
      flushes: 3_000,
      meanBatch: 10,
    },
    ...over,
  };
}

function run(engines: EngineResult[], quick = false): BenchRun {
  return {
    machine: {
      cpuModel: 'Test CPU @ 2.0GHz',
      cores: 2,
      ramGiB: 24,
      os: 'Debian GNU/Linux 12 (bookworm) (kernel 6.1, x64)',
      node: 'v20.20.2',
      date: '2026-03-01T12:00:00.000Z',
      hostSpeed: {
        start: { javascriptMs: 121.6, sqliteMs: 208.8, commitMs: 0.214 },
        end: { javascriptMs: 240.2, sqliteMs: 401.1, commitMs: 0.5 },
      },
    },
    settings: {
      quick,
      patients: 100_000,
      chunkSize: 1_000,
      durationS: 10,
      warmupS: 2,
      connections: 10,
      coldStartRuns: 3,
      auditEntries: 1_000_000,
    },
    engines,
    totalSeconds: 600,
  };
}

const target = (id: string) => TARGETS.find((t) => t.id === id)!;

describe('verdicts', () => {
  it('passes at the goal itself and misses just past it', () => {
    const r = sqliteResult({ read: load('patient read', { rps: 5_000, p99: 5 }) });
    expect(verdict(target('read-rps'), r)).toBe('PASS');
    expect(verdict(target('read-p99'), r)).toBe('PASS');
    const worse = sqliteResult({ read: load('patient read', { rps: 4_999.9, p99: 6 }) });
    expect(verdict(target('read-rps'), worse)).toBe('MISS');
    expect(verdict(target('read-p99'), worse)).toBe('MISS');
  });

  it('counts errors, timeouts and non-2xx of both HTTP workloads against the zero goal', () => {
    const r = sqliteResult({ typeahead: load('typeahead (mixed)', { non2xx: 1 }) });
    expect(verdict(target('load-errors'), r)).toBe('MISS');
    expect(missEvidence(target('load-errors'), r)).toContain(
      'typeahead (mixed): 0 errors, 0 timeouts, 1 non-2xx.',
    );
  });

  it('judges audit verify only at the size the goal names, and login net of the hash cost', () => {
    const quick = sqliteResult({
      auditVerify: { entries: 100_000, buildSeconds: 4, verifySeconds: 0.7, entriesPerSecond: 1 },
    });
    expect(verdict(target('audit-verify'), quick)).toBe('n/a');
    expect(targetsTable(run([quick]))).toContain('| 0.70 s (100,000 entries) |');
    const slow = sqliteResult({
      auditVerify: {
        entries: 1_000_000,
        buildSeconds: 40,
        verifySeconds: 10.01,
        entriesPerSecond: 1,
      },
    });
    expect(verdict(target('audit-verify'), slow)).toBe('MISS');
    const login = sqliteResult().login!;
    const late = sqliteResult({ login: { ...login, p99Ms: 150, p99ExcludingHashMs: 110 } });
    expect(verdict(target('login-p99'), late)).toBe('MISS');
    expect(missEvidence(target('login-p99'), late).join(' ')).toContain(
      'the argon2id verification alone takes 40.0 ms',
    );
  });

  it('uses the median cold start and reports n/a for a workload that did not run', () => {
    expect(target('cold-start').value(sqliteResult())).toBe(700);
    expect(verdict(target('import-rate'), sqliteResult({ importFresh: null }))).toBe('n/a');
  });
});

describe('formatting', () => {
  it('formats numbers with separators and a dash for missing figures', () => {
    expect(formatNumber(12_345.6)).toBe('12,346');
    expect(formatNumber(1.234, 2)).toBe('1.23');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(NaN)).toBe('—');
  });

  it('puts each figure beside its verdict, PostgreSQL beside the embedded database', () => {
    const pg = {
      ...sqliteResult(),
      engine: 'postgres' as const,
      memory: { afterStartMB: 150, afterLoadMB: 230, peakMB: 240 },
    };
    const md = targetsTable(run([sqliteResult(), pg]));
    expect(md).toContain(
      '| #2, #3 | Patient read (authenticated, audited), 10 connections | ≥ 5,000 req/s | 6,000 req/s **PASS** | 6,000 req/s **PASS** |',
    );
    expect(md).toContain('| #2 | Typeahead search p99 | ≤ 15 ms | 40 ms **MISS** |');
    expect(md).toContain(
      '| #2 | Server RSS after load | ≤ 200 MB | 180.0 MB **PASS** | 230.0 MB **MISS** |',
    );
    expect(md).toContain('| #2 | Cold start to first 200 (median) | ≤ 2 s | 0.70 s **PASS** |');
    expect(md).toContain(
      '| #3 | Audit verify over 1,000,000 entries | ≤ 10 s | 6.50 s **PASS** | embedded only |',
    );
    expect(md).toContain(
      '| #3 | Login p99, excluding the deliberate hashing cost | ≤ 100 ms | 12.0 ms **PASS** | 12.0 ms **PASS** |',
    );
  });

  it('explains a miss from measured figures: CPU split and the slowest query kinds', () => {
    const md = formatMarkdown(run([sqliteResult()]));
    const misses = md.slice(md.indexOf('## Misses'), md.indexOf('## Details'));
    expect(misses).toContain(
      '**sqlite: Typeahead search, 10 connections** (≥ 3,000 req/s; measured 1,200 req/s).',
    );
    expect(misses).toContain(
      'The server process used 1.01 cores and the load generator 0.10 cores',
    );
    expect(misses).toContain('typeahead: birth date p99 60 ms at 300 req/s');
    expect(misses).toContain('By query kind (run alone, before ANALYZE)');
    expect(misses).not.toContain('Patient read');
  });

  it('states machine, Node version and date, and marks a quick run as no target measurement', () => {
    const md = formatMarkdown(run([sqliteResult()], true), ['a method note']);
    expect(md).toContain('- CPU: Test CPU @ 2.0GHz, 2 cores');
    expect(md).toContain('- RAM: 24.0 GiB');
    expect(md).toContain('- Node: v20.20.2');
    expect(md).toContain('- Date: 2026-03-01T12:00:00.000Z');
    // A host that slowed during the run shows it: start → end.
    expect(md).toContain(
      'JavaScript 122 → 240 ms, SQLite in memory 209 → 401 ms, durable commit 0.21 → 0.50 ms',
    );
    expect(md).toContain('Quick smoke run');
    expect(md).toContain('- a method note');
  });

  it('shows a skipped engine as skipped, with the reason, never as a pass', () => {
    const skipped = {
      ...emptyEngineResult('postgres', 'postgres'),
      skipped: 'PostgreSQL unreachable (ECONNREFUSED)',
    };
    const r = run([sqliteResult(), skipped]);
    expect(targetsTable(r)).toContain('| 6,000 req/s **PASS** | skipped |');
    expect(formatMarkdown(r)).toContain(
      '- postgres skipped: PostgreSQL unreachable (ECONNREFUSED)',
    );
    const table = formatConsoleTable(r);
    expect(table.split('\n')[0]).toMatch(/^Issue\s+Target\s+Goal\s+sqlite\s+postgres/);
    expect(table).toContain('6,000 req/s PASS');
  });
});
