import { describe, expect, it } from 'vitest';
import type { Hl7FeedFigures, Hl7Figures } from './hl7-results';
import { hl7Section } from './hl7-report';
import { parseOptions } from './options';
import { formatConsoleTable, formatMarkdown, missEvidence } from './report';
import type { BenchRun, EngineResult } from './results';
import { emptyEngineResult, TARGETS, verdict } from './results';

function feed(name: string, over: Partial<Hl7FeedFigures> = {}): Hl7FeedFigures {
  return {
    name,
    messages: 4_000,
    seconds: 10,
    perSecond: 400,
    p50: 2.2,
    p99: 8.7,
    max: 20,
    notAccepted: 0,
    serverCores: 0.8,
    ...over,
  };
}

function hl7(over: Partial<Hl7Figures> = {}): Hl7Figures {
  return {
    oneAtATime: feed('one message at a time'),
    pipelined: feed('pipelining, 32 unacknowledged', { perSecond: 2_100, p50: 14, p99: 30 }),
    window: 32,
    atRate: feed('one at a time, 500 msg/s schedule', { perSecond: 499.6, p99: 8.7 }),
    byEvent: [feed('A08 update, nothing changed', { perSecond: 1_800, serverCores: 0.9 })],
    ...over,
  };
}

const result = (h: Hl7Figures | null): EngineResult => ({
  ...emptyEngineResult('sqlite', 'sqlite'),
  hl7: h,
});

function run(engines: EngineResult[]): BenchRun {
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
      suite: 'hl7',
    },
    engines,
    totalSeconds: 60,
  };
}

const target = (id: string) => TARGETS.find((t) => t.id === id)!;

describe('HL7 feed in the benchmark report (issue #6 point 9)', () => {
  it('judges both throughput figures, the ACK p99 at 500 msg/s and the non-AA count', () => {
    const r = result(hl7());
    expect(verdict(target('hl7-rate'), r)).toBe('MISS');
    expect(verdict(target('hl7-rate-pipelined'), r)).toBe('PASS');
    expect(verdict(target('hl7-ack-p99'), r)).toBe('PASS');
    expect(verdict(target('hl7-not-aa'), r)).toBe('PASS');
    const bad = result(hl7({ pipelined: feed('pipelining', { notAccepted: 2 }) }));
    expect(verdict(target('hl7-not-aa'), bad)).toBe('MISS');
    const badEvent = result(hl7({ byEvent: [feed('A03 discharge', { notAccepted: 1 })] }));
    expect(verdict(target('hl7-not-aa'), badEvent)).toBe('MISS');
    expect(verdict(target('hl7-rate'), result(null))).toBe('n/a');
  });

  it('prints the rates with server cores and the p99 with p50 in the console table', () => {
    const text = formatConsoleTable(run([result(hl7())]));
    expect(text).toMatch(
      /one message at a time, ACK after commit\s+≥ 2,000 msg\/s\s+400 msg\/s \(0\.80 server cores\) MISS/,
    );
    expect(text).toMatch(
      /sender pipelining \(32 unacknowledged\).*2,100 msg\/s \(0\.80 server cores\) PASS/,
    );
    expect(text).toMatch(
      /ACK p99, one connection sending 500 msg\/s\s+≤ 20 ms\s+8\.7 ms \(p50 2\.2 ms\) PASS/,
    );
    expect(text).toMatch(/ACKs other than AA.*= 0\s+0 PASS/);
  });

  it('misses the p99 target when the 500 msg/s schedule was not kept up with, and says so', () => {
    const slow = result(
      hl7({ atRate: feed('one at a time, 500 msg/s schedule', { perSecond: 380 }) }),
    );
    expect(formatConsoleTable(run([slow]))).toContain(
      '8.7 ms (p50 2.2 ms; only 380 msg/s reached) MISS',
    );
  });

  it('lists every window in the details, with CPU per message, and explains misses', () => {
    const md = formatMarkdown(run([result(hl7())]), ['method']);
    expect(md).toContain('issue #6 point 9');
    expect(md).toContain('### HL7 v2 feed over MLLP (one connection, ACK after commit)');
    expect(md).toContain(
      '| sqlite | one message at a time | 4,000 | 400 | 2.2 | 8.7 | 20.0 | 0 | 0.80 | 2.00 |',
    );
    expect(md).toContain(
      '| sqlite | pipelining, 32 unacknowledged | 4,000 | 2,100 | 14.0 | 30.0 |',
    );
    // The per-event windows follow, with their CPU per message (0.9 cores / 1,800 msg/s).
    expect(md).toContain(
      '| sqlite | A08 update, nothing changed | 4,000 | 1,800 | 2.2 | 8.7 | 20.0 | 0 | 0.90 | 0.50 |',
    );
    expect(md).toContain('**Partial run** (`--suite hl7`)');
    expect(missEvidence(target('hl7-rate'), result(hl7())).join(' ')).toContain(
      '2.00 ms of CPU per message',
    );
    expect(hl7Section(run([result(null)]))).toEqual([]);
  });

  it('runs the feed alone with --suite hl7, writing no report unless told where', () => {
    const o = parseOptions(['--suite', 'hl7', '--engine', 'sqlite']);
    expect([o.suite, o.engines, o.out]).toEqual(['hl7', ['sqlite'], null]);
    expect(parseOptions(['--suite=hl7', '--out', '/tmp/hl7.md']).out).toBe('/tmp/hl7.md');
  });
});
