import type {
  GroupCommitBenchmarkResult,
  VerifyBenchmarkResult,
} from '@caredesk/server/audit/audit-benchmark';
import { HL7_TARGETS, type Hl7Figures } from './hl7-results';
import { KB_TARGETS, type KbSearchFigures } from './kb-results';
import type { LoginFigures } from './login-latency';
import type { MachineInfo } from './machine';
import type { SeedResult } from './seed-database';
import type { ImportFigures } from './synthea-import';
import type { DeskFigures } from './desk-results';
import { DESK_TARGETS } from './desk-results';
import type { WebFigures } from './web-results';
import { WEB_TARGETS } from './web-results';
import type { LoadResult } from './workloads';

export type EngineName = 'sqlite' | 'postgres';

/** Which workloads a run measures: everything, or one issue's alone. */
export type BenchSuite = 'all' | 'desk' | 'hl7';

export interface MemoryFigures {
  /** VmRSS right after start-up, before any load. */
  afterStartMB: number | null;
  /** VmRSS after all HTTP workloads: the figure the target is about. */
  afterLoadMB: number | null;
  /** VmHWM: the peak resident set over the process's life. */
  peakMB: number | null;
}

/** Everything measured on one engine; null where a workload did not run. */
export interface EngineResult {
  engine: EngineName;
  label: string;
  /** Why this engine was not measured at all, or null. */
  skipped: string | null;
  seed: SeedResult | null;
  read: LoadResult | null;
  typeahead: LoadResult | null;
  typeaheadByKind: LoadResult[];
  /** The mixed typeahead again after ANALYZE: evidence for a cause, never the target figure. */
  typeaheadAnalyzed: LoadResult | null;
  memory: MemoryFigures | null;
  coldStartMs: number[];
  /** Synthea corpus into a fresh, empty database (the target). */
  importFresh: ImportFigures | null;
  /** The same corpus into the seeded database (for comparison, no target). */
  importSeeded: ImportFigures | null;
  /** Workloads that failed, with the reason. */
  failures: string[];
  /** Planner statistics when the HTTP workloads started (see plannerStatistics). */
  plannerStats: string | null;
  /** Sequential sign-ins against the bench server, with the in-process hash cost. */
  login: LoginFigures | null;
  /** `caredesk audit verify` over a generated chain (embedded database only). */
  auditVerify: VerifyBenchmarkResult | null;
  /** Durable audit record() calls from concurrent callers (embedded database only). */
  groupCommit: GroupCommitBenchmarkResult | null;
  /** The web app in Chromium against the bench server (embedded database only). */
  web: WebFigures | null;
  /** Knowledge-base search over generated articles, on a database of its own (kb-search.ts). */
  kbSearch: KbSearchFigures | null;
  /** The service desk's workloads (issue #5 point 11). */
  desk: DeskFigures | null;
  /** The HL7 v2 feed over MLLP, on a database of its own (issue #6 point 9; hl7-feed.ts). */
  hl7: Hl7Figures | null;
}

export interface RunSettings {
  quick: boolean;
  patients: number;
  chunkSize: number;
  durationS: number;
  warmupS: number;
  connections: number;
  coldStartRuns: number;
  /** Entries in the audit verify benchmark's chain. */
  auditEntries: number;
  /** Which workloads ran (absent: all). */
  suite?: BenchSuite;
}

export interface BenchRun {
  machine: MachineInfo;
  settings: RunSettings;
  engines: EngineResult[];
  totalSeconds: number;
}

export type Verdict = 'PASS' | 'MISS' | 'n/a';

export interface Target {
  id: string;
  /** Where the target was set: '#2' (registry), '#3' (identity, access, audit), '#4' (web app). */
  issue: string;
  label: string;
  goal: string;
  unit: string;
  /** The measured figure, or null when the workload did not run. */
  value: (r: EngineResult) => number | null;
  meets: (value: number) => boolean;
  /**
   * False when the figure was measured at another size than the goal names (a quick run):
   * it is shown, but judged n/a rather than PASS or MISS.
   */
  comparable?: (r: EngineResult) => boolean;
  /** Measured on the embedded database only; other engines show "embedded only". */
  embeddedOnly?: boolean;
  /** The figure as the report shows it, when the unit alone does not say enough. */
  format?: (value: number, r: EngineResult) => string;
}

/** The audit verify target is about a chain of this many entries. */
export const AUDIT_VERIFY_TARGET_ENTRIES = 1_000_000;

const errorsOf = (l: LoadResult | null): number | null =>
  l ? l.errors + l.timeouts + l.non2xx : null;

export function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Issue #2 point 13 (the embedded database with 100k patients on 2 cores), issue #3
 * point 10 (the same reads authenticated and audited; audit verify; sign-in latency) and
 * issue #4 point 9 (the web app in a browser, web-results.ts). Every request is
 * authenticated and every read audited now, so the read figures answer both #2 and #3.
 */
export const TARGETS: Target[] = [
  {
    id: 'read-rps',
    issue: '#2, #3',
    label: 'Patient read (authenticated, audited), 10 connections',
    goal: '≥ 5,000 req/s',
    unit: 'req/s',
    value: (r) => r.read?.rps ?? null,
    meets: (v) => v >= 5_000,
  },
  {
    id: 'read-p99',
    issue: '#2',
    label: 'Patient read p99',
    goal: '≤ 5 ms',
    unit: 'ms',
    value: (r) => r.read?.p99 ?? null,
    meets: (v) => v <= 5,
  },
  {
    id: 'typeahead-rps',
    issue: '#2',
    label: 'Typeahead search, 10 connections',
    goal: '≥ 3,000 req/s',
    unit: 'req/s',
    value: (r) => r.typeahead?.rps ?? null,
    meets: (v) => v >= 3_000,
  },
  {
    id: 'typeahead-p99',
    issue: '#2',
    label: 'Typeahead search p99',
    goal: '≤ 15 ms',
    unit: 'ms',
    value: (r) => r.typeahead?.p99 ?? null,
    meets: (v) => v <= 15,
  },
  {
    id: 'load-errors',
    issue: '#2',
    label: 'Errors + timeouts + non-2xx (read, typeahead)',
    goal: '= 0',
    unit: '',
    value: (r) => {
      const a = errorsOf(r.read);
      const b = errorsOf(r.typeahead);
      return a === null && b === null ? null : (a ?? 0) + (b ?? 0);
    },
    meets: (v) => v === 0,
  },
  {
    id: 'import-rate',
    issue: '#2',
    label: 'Synthea import (25 bundles, fresh DB)',
    goal: '≥ 2,000 resources/s',
    unit: 'resources/s',
    value: (r) => r.importFresh?.resourcesPerSecond ?? null,
    meets: (v) => v >= 2_000,
  },
  {
    id: 'rss',
    issue: '#2',
    label: 'Server RSS after load',
    goal: '≤ 200 MB',
    unit: 'MB',
    value: (r) => r.memory?.afterLoadMB ?? null,
    meets: (v) => v <= 200,
  },
  {
    id: 'cold-start',
    issue: '#2',
    label: 'Cold start to first 200 (median)',
    goal: '≤ 2 s',
    unit: 'ms',
    value: (r) => medianOf(r.coldStartMs),
    meets: (v) => v <= 2_000,
  },
  {
    id: 'audit-verify',
    issue: '#3',
    label: 'Audit verify over 1,000,000 entries',
    goal: '≤ 10 s',
    unit: 's',
    value: (r) => r.auditVerify?.verifySeconds ?? null,
    meets: (v) => v <= 10,
    comparable: (r) => (r.auditVerify?.entries ?? 0) >= AUDIT_VERIFY_TARGET_ENTRIES,
    embeddedOnly: true,
  },
  {
    id: 'login-p99',
    issue: '#3',
    label: 'Login p99, excluding the deliberate hashing cost',
    goal: '≤ 100 ms',
    unit: 'ms',
    value: (r) => r.login?.p99ExcludingHashMs ?? null,
    meets: (v) => v <= 100,
  },
  ...WEB_TARGETS,
  ...KB_TARGETS,
  ...DESK_TARGETS,
  ...HL7_TARGETS,
];

export function verdict(target: Target, r: EngineResult): Verdict {
  if (target.embeddedOnly && r.engine !== 'sqlite') return 'n/a';
  const v = target.value(r);
  if (v === null || Number.isNaN(v)) return 'n/a';
  if (target.comparable && !target.comparable(r)) return 'n/a';
  return target.meets(v) ? 'PASS' : 'MISS';
}

export function emptyEngineResult(engine: EngineName, label: string): EngineResult {
  return {
    engine,
    label,
    skipped: null,
    seed: null,
    read: null,
    typeahead: null,
    typeaheadByKind: [],
    typeaheadAnalyzed: null,
    memory: null,
    coldStartMs: [],
    importFresh: null,
    importSeeded: null,
    failures: [],
    plannerStats: null,
    login: null,
    auditVerify: null,
    groupCommit: null,
    web: null,
    kbSearch: null,
    desk: null,
    hl7: null,
  };
}
