import type { BenchRun, EngineResult, Target } from './results';
import { TARGETS, verdict } from './results';
import type { LoadResult } from './workloads';

import { formatNumber } from './format';
import { formatFigure } from './report';
import { webMissEvidence } from './report-web';
import { deskMissEvidence } from './desk-report';
import { hl7MissEvidence } from './hl7-report';

/** Why a target was missed, from figures this run measured (never from assumptions). */
export function missEvidence(target: Target, r: EngineResult): string[] {
  const cpu = (l: LoadResult | null): string[] =>
    l && l.serverCores !== null
      ? [
          `The server process used ${formatNumber(l.serverCores, 2)} cores and the load generator ` +
            `${formatNumber(l.generatorCores, 2)} cores of the machine's total during the window ` +
            `(${formatNumber(l.rps)} req/s, p50 ${l.p50} ms, p99 ${l.p99} ms).`,
        ]
      : [];
  switch (target.id) {
    case 'read-rps':
    case 'read-p99':
      return cpu(r.read);
    case 'typeahead-rps':
    case 'typeahead-p99': {
      const slowest = [...r.typeaheadByKind].sort((a, b) => b.p99 - a.p99).slice(0, 3);
      const a = r.typeaheadAnalyzed;
      return [
        ...cpu(r.typeahead),
        ...(r.plannerStats ? [`Planner statistics: ${r.plannerStats}.`] : []),
        ...(a
          ? [
              `The same mix after ANALYZE (not a target figure): ${formatNumber(a.rps)} req/s, p99 ${a.p99} ms, ` +
                `server ${formatNumber(a.serverCores, 2)} cores.`,
            ]
          : []),
        ...(slowest.length > 0
          ? [
              `By query kind (run alone, before ANALYZE): ${slowest
                .map((k) => `${k.name} p99 ${k.p99} ms at ${formatNumber(k.rps)} req/s`)
                .join('; ')}.`,
            ]
          : []),
      ];
    }
    case 'load-errors':
      return [r.read, r.typeahead]
        .filter((l): l is LoadResult => l !== null)
        .map((l) => `${l.name}: ${l.errors} errors, ${l.timeouts} timeouts, ${l.non2xx} non-2xx.`);
    case 'import-rate': {
      const f = r.importFresh;
      if (!f) return [];
      const lines = [
        `${formatNumber(f.resources)} resources (${formatNumber(f.records)} stored records) in ` +
          `${formatNumber(f.seconds, 2)} s: ${formatNumber(f.recordsPerSecond)} stored records/s.`,
      ];
      const s = r.importSeeded;
      if (s) {
        lines.push(
          `into the database already holding ${formatNumber(s.patientsBefore)} patients: ` +
            `${formatNumber(s.resourcesPerSecond)} resources/s.`,
        );
      }
      return lines;
    }
    case 'rss': {
      const m = r.memory;
      return m
        ? [
            `VmRSS ${formatNumber(m.afterStartMB, 1)} MB after start-up, ${formatNumber(m.afterLoadMB, 1)} MB ` +
              `after the load, peak (VmHWM) ${formatNumber(m.peakMB, 1)} MB.`,
          ]
        : [];
    }
    case 'cold-start':
      return [`runs: ${r.coldStartMs.map((ms) => `${formatNumber(ms)} ms`).join(', ')}.`];
    case 'audit-verify': {
      const a = r.auditVerify;
      return a
        ? [
            `${formatNumber(a.entries)} entries verified at ${formatNumber(a.entriesPerSecond)} entries/s ` +
              `(building the chain took ${formatNumber(a.buildSeconds, 1)} s).`,
          ]
        : [];
    }
    case 'login-p99': {
      const l = r.login;
      return l
        ? [
            `${formatNumber(l.logins)} sequential logins: p50 ${formatNumber(l.p50Ms, 1)} ms, p99 ` +
              `${formatNumber(l.p99Ms, 1)} ms, max ${formatNumber(l.maxMs, 1)} ms; the argon2id ` +
              `verification alone takes ${formatNumber(l.hashVerifyMedianMs, 1)} ms (median, in-process).`,
          ]
        : [];
    }
    default:
      if (target.id.startsWith('hl7-')) return hl7MissEvidence(target, r);
      return target.id.startsWith('desk-')
        ? deskMissEvidence(target, r)
        : webMissEvidence(target, r);
  }
}

export function missesSection(run: BenchRun): string[] {
  const out: string[] = [];
  for (const r of run.engines) {
    if (r.skipped) continue;
    for (const t of TARGETS) {
      if (verdict(t, r) !== 'MISS') continue;
      const evidence = missEvidence(t, r);
      out.push(
        `- **${r.engine}: ${t.label}** (${t.goal}; measured ${formatFigure(t, r)}). ${evidence.join(' ')}`,
      );
    }
  }
  return out.length > 0 ? out : ['- No target missed in this run.'];
}
