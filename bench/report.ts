import type { BenchRun, EngineResult, Target } from './results';
import { AUDIT_VERIFY_TARGET_ENTRIES, medianOf, TARGETS, verdict } from './results';
import { formatNumber } from './format';
import { hostSpeedLines } from './machine';
import type { LoadResult } from './workloads';

import { missesSection } from './report-misses';
import { webSection, webSkipped } from './report-web';
import { deskSection } from './desk-report';
import { hl7Section } from './hl7-report';

export { missEvidence } from './report-misses';

export { formatNumber } from './format';

/** A target's measured figure with its unit, e.g. "5,230 req/s", "4 ms", "1.23 s". */
export function formatFigure(target: Target, r: EngineResult): string {
  if (r.skipped) return 'skipped';
  if (target.embeddedOnly && r.engine !== 'sqlite') return 'embedded only';
  const v = target.value(r);
  if (v === null) return 'not measured';
  if (target.format) return target.format(v, r);
  if (target.id === 'cold-start') return `${formatNumber(v / 1000, 2)} s`;
  if (target.id === 'rss') return `${formatNumber(v, 1)} MB`;
  if (target.id === 'audit-verify') {
    const entries = r.auditVerify?.entries ?? 0;
    const size =
      entries === AUDIT_VERIFY_TARGET_ENTRIES ? '' : ` (${formatNumber(entries)} entries)`;
    return `${formatNumber(v, 2)} s${size}`;
  }
  if (target.id === 'login-p99') return `${formatNumber(v, 1)} ms`;
  return target.unit ? `${formatNumber(v)} ${target.unit}` : formatNumber(v);
}

function cell(target: Target, r: EngineResult | undefined): string {
  if (!r) return 'not run';
  const figure = formatFigure(target, r);
  const v = r.skipped ? 'n/a' : verdict(target, r);
  return v === 'n/a' ? figure : `${figure} **${v}**`;
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Issue | target | goal | SQLite | PostgreSQL, with PASS/MISS beside each figure. */
export function targetsTable(run: BenchRun): string {
  const sqlite = run.engines.find((e) => e.engine === 'sqlite');
  const postgres = run.engines.find((e) => e.engine === 'postgres');
  return table(
    ['Issue', 'Target', 'Goal', 'Embedded (SQLite)', 'PostgreSQL (beside it)'],
    TARGETS.map((t) => [t.issue, t.label, t.goal, cell(t, sqlite), cell(t, postgres)]),
  );
}

export function loadRow(engine: string, l: LoadResult): string[] {
  return [
    engine,
    l.name,
    String(l.connections),
    formatNumber(l.rps),
    formatNumber(l.requests),
    String(l.p50),
    String(l.p90),
    String(l.p99),
    String(l.max),
    String(l.errors + l.timeouts),
    String(l.non2xx),
    formatNumber(l.serverCores, 2),
    formatNumber(l.generatorCores, 2),
    formatNumber(l.drainS, 1),
  ];
}

export const LOAD_HEADER = [
  'Engine',
  'Workload',
  'Conns',
  'req/s',
  'Requests',
  'p50 ms',
  'p90 ms',
  'p99 ms',
  'max ms',
  'Errors',
  'Non-2xx',
  'Server cores',
  'Generator cores',
  'Drain s',
];

function engineSections(run: BenchRun): string[] {
  const out: string[] = [];
  const seeded = run.engines.filter((e) => e.seed);
  if (seeded.length > 0) {
    out.push('### Seeding', '');
    out.push(
      table(
        ['Engine', 'Patients', 'Records', 'Seconds', 'Patients/s', 'Records/s'],
        seeded.map((e) => {
          const s = e.seed!;
          return [
            e.engine,
            formatNumber(s.patients),
            formatNumber(s.records),
            formatNumber(s.seconds, 1),
            formatNumber(s.patients / s.seconds),
            formatNumber(s.records / s.seconds),
          ];
        }),
      ),
      '',
    );
  }
  const loads = run.engines.flatMap((e) =>
    [e.read, e.typeahead, e.typeaheadAnalyzed, e.kbSearch?.load ?? null]
      .filter((l): l is LoadResult => l !== null)
      .map((l) => loadRow(e.engine, l)),
  );
  if (loads.length > 0) out.push('### HTTP workloads', '', table(LOAD_HEADER, loads), '');
  const kinds = run.engines.flatMap((e) => e.typeaheadByKind.map((l) => loadRow(e.engine, l)));
  if (kinds.length > 0) {
    out.push(
      '### Typeahead by query kind (each run alone, shorter window)',
      '',
      table(LOAD_HEADER, kinds),
      '',
    );
  }
  const imports = run.engines.flatMap((e) =>
    (
      [
        ['fresh, empty database', e.importFresh],
        ['database holding the seeded patients', e.importSeeded],
      ] as const
    )
      .filter(([, f]) => f !== null)
      .map(([where, f]) => [
        e.engine,
        where,
        formatNumber(f!.bundles),
        formatNumber(f!.resources),
        formatNumber(f!.records),
        formatNumber(f!.seconds, 2),
        formatNumber(f!.resourcesPerSecond),
        formatNumber(f!.recordsPerSecond),
      ]),
  );
  if (imports.length > 0) {
    out.push(
      '### Synthea import (ImportService.importFhir, one bundle per transaction)',
      '',
      table(
        [
          'Engine',
          'Into',
          'Bundles',
          'Resources',
          'Stored records',
          'Seconds',
          'Resources/s',
          'Records/s',
        ],
        imports,
      ),
      '',
    );
  }
  const logins = run.engines.filter((e) => e.login);
  if (logins.length > 0) {
    out.push(
      '### Sign-in (POST /api/auth/login, sequential, one account)',
      '',
      table(
        [
          'Engine',
          'Logins',
          'p50 ms',
          'p99 ms',
          'max ms',
          'argon2id verify (median) ms',
          'p99 − verify ms',
          'Failed',
        ],
        logins.map((e) => {
          const l = e.login!;
          return [
            e.engine,
            formatNumber(l.logins),
            formatNumber(l.p50Ms, 1),
            formatNumber(l.p99Ms, 1),
            formatNumber(l.maxMs, 1),
            formatNumber(l.hashVerifyMedianMs, 1),
            formatNumber(l.p99ExcludingHashMs, 1),
            formatNumber(l.non200),
          ];
        }),
      ),
      '',
    );
  }
  const audits = run.engines.filter((e) => e.auditVerify || e.groupCommit);
  if (audits.length > 0) {
    out.push('### Audit trail (scratch embedded database, WAL, synchronous=FULL)', '');
    const verifies = audits.filter((e) => e.auditVerify);
    if (verifies.length > 0) {
      out.push(
        table(
          ['Engine', 'Entries', 'Build s', 'Verify s', 'Entries/s verified'],
          verifies.map((e) => {
            const a = e.auditVerify!;
            return [
              e.engine,
              formatNumber(a.entries),
              formatNumber(a.buildSeconds, 1),
              formatNumber(a.verifySeconds, 2),
              formatNumber(a.entriesPerSecond),
            ];
          }),
        ),
        '',
      );
    }
    const commits = audits.filter((e) => e.groupCommit);
    if (commits.length > 0) {
      out.push(
        table(
          ['Engine', 'Callers', 'Durable records', 'Seconds', 'Records/s', 'Commits', 'Mean batch'],
          commits.map((e) => {
            const g = e.groupCommit!;
            return [
              e.engine,
              formatNumber(g.callers),
              formatNumber(g.records),
              formatNumber(g.seconds, 1),
              formatNumber(g.perSecond),
              formatNumber(g.flushes),
              formatNumber(g.meanBatch, 1),
            ];
          }),
        ),
        '',
      );
    }
  }
  const stats = run.engines.filter((e) => e.plannerStats);
  if (stats.length > 0) {
    out.push(
      '### Planner statistics when the HTTP workloads started',
      '',
      ...stats.map((e) => `- ${e.engine}: ${e.plannerStats}`),
      '',
    );
  }
  const procs = run.engines.filter((e) => e.memory || e.coldStartMs.length > 0);
  if (procs.length > 0) {
    out.push(
      '### Server process',
      '',
      table(
        ['Engine', 'RSS after start', 'RSS after load', 'Peak RSS', 'Cold start runs', 'Median'],
        procs.map((e) => [
          e.engine,
          `${formatNumber(e.memory?.afterStartMB, 1)} MB`,
          `${formatNumber(e.memory?.afterLoadMB, 1)} MB`,
          `${formatNumber(e.memory?.peakMB, 1)} MB`,
          e.coldStartMs.map((ms) => `${formatNumber(ms)} ms`).join(', ') || '—',
          `${formatNumber(medianOf(e.coldStartMs))} ms`,
        ]),
      ),
      '',
    );
  }
  return out;
}

/** docs/benchmarks.md. Static prose describes method only; every figure comes from `run`. */
export function formatMarkdown(run: BenchRun, methodNotes: string[] = []): string {
  const { machine: m, settings: s } = run;
  const skipped = run.engines
    .filter((e) => e.skipped)
    .map((e) => `- ${e.engine} skipped: ${e.skipped}`);
  const failures = [
    ...webSkipped(run),
    ...run.engines.flatMap((e) => e.failures.map((f) => `- ${e.engine}: ${f}`)),
  ];
  return [
    '# CareDesk benchmarks',
    '',
    '<!-- Generated by `npm run bench` (bench/run.ts). Do not edit by hand: re-run it. -->',
    '',
    s.quick
      ? '> **Quick smoke run** (`--quick`): fewer patients and shorter windows than the targets assume. Not a target measurement.'
      : `> Full run: ${formatNumber(s.patients)} patients per engine.`,
    ...(s.suite && s.suite !== 'all'
      ? [
          '',
          `> **Partial run** (\`--suite ${s.suite}\`): only those workloads; every other target shows "not measured".`,
        ]
      : []),
    '',
    '## Machine',
    '',
    `- CPU: ${m.cpuModel}, ${m.cores} cores`,
    `- RAM: ${formatNumber(m.ramGiB, 1)} GiB`,
    `- OS: ${m.os}`,
    `- Node: ${m.node}`,
    `- Date: ${m.date}`,
    ...hostSpeedLines(m),
    `- Run took ${formatNumber(run.totalSeconds / 60, 1)} min`,
    '',
    '## Settings',
    '',
    `- ${formatNumber(s.patients)} generated patients, written in chunks of ${formatNumber(s.chunkSize)}`,
    `- HTTP workloads: ${s.warmupS} s warm-up (discarded), then ${s.durationS} s measured, ${s.connections} connections, autocannon on 127.0.0.1`,
    `- Cold start: ${s.coldStartRuns} runs, median reported`,
    `- Audit verify over ${formatNumber(s.auditEntries)} generated entries`,
    '',
    '## Targets (issue #2 point 13, issue #3 point 10, issue #4 point 9, issue #5 point 11, issue #6 point 9)',
    '',
    'Targets are set for the embedded database; PostgreSQL runs the same workloads and is shown beside it. ' +
      'Every HTTP request carries an API token and every read and search is audited durably before its response. ' +
      'The web app figures (#4) are measured once, in Chromium against the embedded database.',
    '',
    targetsTable(run),
    '',
    '## Misses: why (measured)',
    '',
    ...missesSection(run),
    '',
    ...(skipped.length + failures.length > 0
      ? ['## Not measured', '', ...skipped, ...failures, '']
      : []),
    '## Details',
    '',
    ...engineSections(run),
    ...webSection(run),
    ...deskSection(run),
    ...hl7Section(run),
    ...(methodNotes.length > 0
      ? ['## Method notes', '', ...methodNotes.map((n) => `- ${n}`), '']
      : []),
  ].join('\n');
}

/** The compact table printed at the end of a run. */
export function formatConsoleTable(run: BenchRun): string {
  const engines = run.engines;
  const rows = TARGETS.map((t) => [
    t.issue,
    t.label,
    t.goal,
    ...engines.map((e) => (e.skipped ? 'skipped' : `${formatFigure(t, e)} ${verdict(t, e)}`)),
  ]);
  const header = ['Issue', 'Target', 'Goal', ...engines.map((e) => e.engine)];
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n');
}
