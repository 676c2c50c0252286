import { formatNumber } from './format';
import { LOAD_HEADER, loadRow, table as markdownTable } from './report';
import { deskLoads, type MailFigures } from './desk-results';
import type { BenchRun, EngineResult, Target } from './results';
import type { LoadResult } from './workloads';

/**
 * The CPU split of a window, and the server's CPU per request: on a machine shared with
 * other work the latency percentiles follow the neighbours, the CPU cost much less so.
 */
function cpu(l: LoadResult | null | undefined): string[] {
  if (!l || l.serverCores === null) return [];
  const perRequest = l.rps > 0 ? (1000 * l.serverCores) / l.rps : null;
  return [
    `The server process used ${formatNumber(l.serverCores, 2)} cores and the load generator ` +
      `${formatNumber(l.generatorCores, 2)} cores during the window (${formatNumber(l.rps)} req/s, ` +
      `p50 ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms, max ${l.max} ms): ` +
      `${formatNumber(perRequest, 2)} ms of server CPU per request.`,
  ];
}

/** "12,345 cases created …; routing assigned 4,000 (32.4 %) …", or null when none were. */
export function routingLine(r: EngineResult): string | null {
  const c = r.desk?.created;
  if (!c) return null;
  const share = c.created > 0 ? (100 * c.assigned) / c.created : 0;
  const rest =
    c.assigned < c.created
      ? "; the rest wait in their queue (every eligible agent at capacity, or nobody available speaks the patient's language)"
      : '';
  return (
    `${formatNumber(c.created)} cases created (warm-up included); routing assigned ` +
    `${formatNumber(c.assigned)} (${formatNumber(share, 1)} %) to an agent${rest}.`
  );
}

/** What became of the accepted mail: processing rate, backlog and outcomes. */
export function mailLine(m: MailFigures): string {
  const done = m.allProcessed
    ? `all ${formatNumber(m.accepted)} accepted messages processed`
    : `${formatNumber(m.processed)} of ${formatNumber(m.accepted)} accepted messages processed (the wait ended)`;
  return (
    `${done} ${formatNumber(m.processSeconds, 1)} s after the window started ` +
    `(${formatNumber(m.processedRps)}/s end to end): ${formatNumber(m.threaded)} into their case, ` +
    `${formatNumber(m.newCases)} new cases, ${formatNumber(m.quarantined)} held; ` +
    `${formatNumber(m.lost)} lost.`
  );
}

/** Why a service-desk target was missed, from this run's figures. */
export function deskMissEvidence(target: Target, r: EngineResult): string[] {
  const d = r.desk;
  if (!d) return [];
  switch (target.id) {
    case 'desk-inbox-p99':
      return cpu(d.inbox);
    case 'desk-case-p99':
      return cpu(d.casePage);
    case 'desk-create-rps': {
      const line = routingLine(r);
      return [...cpu(d.create), ...(line ? [line] : [])];
    }
    case 'desk-mail-rps':
      return d.mail ? [...cpu(d.mail.load), mailLine(d.mail)] : [];
    case 'desk-errors':
      return [
        ...deskLoads(r).map(
          (l) => `${l.name}: ${l.errors} errors, ${l.timeouts} timeouts, ${l.non2xx} non-2xx.`,
        ),
        ...(d.mail && d.mail.lost > 0
          ? [`inbound e-mail: ${formatNumber(d.mail.lost)} messages answered 250 but not stored.`]
          : []),
      ];
    default:
      return [];
  }
}

/** The service desk's detail sections of docs/benchmarks.md (empty when it did not run). */
export function deskSection(run: BenchRun): string[] {
  const engines = run.engines.filter((e) => e.desk);
  if (engines.length === 0) return [];
  const out = ['## Service desk (issue #5 point 11)', ''];
  const seeded = engines.filter((e) => e.desk!.seed);
  if (seeded.length > 0) {
    out.push(
      '### Case seeding',
      '',
      markdownTable(
        [
          'Engine',
          'Cases',
          'Messages',
          'Timeline entries',
          'Active (assigned)',
          'Agents',
          'Queues',
          'Patients',
          'Seconds',
          'Index rebuild s',
          'Benchmark CPU s',
          'Cases/s',
        ],
        seeded.map((e) => {
          const s = e.desk!.seed!;
          return [
            e.engine,
            formatNumber(s.cases),
            formatNumber(s.messages),
            formatNumber(s.events),
            `${formatNumber(s.active)} (${formatNumber(s.activeAssigned)})`,
            formatNumber(s.agents),
            formatNumber(s.queues),
            formatNumber(s.patients),
            formatNumber(s.seconds, 1),
            formatNumber(s.indexSeconds, 1),
            formatNumber(s.cpuSeconds, 1),
            formatNumber(s.cases / s.seconds),
          ];
        }),
      ),
      '',
    );
  }
  const loads = engines.flatMap((e) => deskLoads(e).map((l) => loadRow(e.engine, l)));
  if (loads.length > 0) {
    out.push(
      '### Desk workloads (signed-in agents; inbound e-mail over SMTP)',
      '',
      markdownTable(LOAD_HEADER, loads),
      '',
    );
  }
  const mail = engines.filter((e) => e.desk!.mail);
  if (mail.length > 0) {
    out.push(
      '### Inbound e-mail: accepted, then processed',
      '',
      markdownTable(
        [
          'Engine',
          'Accepted',
          'Replies / new',
          'Messages/s',
          'p99 ms',
          'Refused or failed',
          'Lost',
          'Processed',
          'Processed/s end to end',
          'Into a case',
          'New cases',
          'Held',
          'Flagged',
        ],
        mail.map((e) => {
          const m = e.desk!.mail!;
          return [
            e.engine,
            formatNumber(m.accepted),
            `${formatNumber(m.replies)} / ${formatNumber(m.accepted - m.replies)}`,
            formatNumber(m.load.rps, 1),
            String(m.load.p99),
            formatNumber(m.load.errors + m.load.timeouts + m.load.non2xx),
            formatNumber(m.lost),
            `${formatNumber(m.processed)}${m.allProcessed ? '' : ' (wait ended)'}`,
            formatNumber(m.processedRps, 1),
            formatNumber(m.threaded),
            formatNumber(m.newCases),
            formatNumber(m.quarantined),
            formatNumber(m.flagged),
          ];
        }),
      ),
      '',
    );
  }
  const routed = engines
    .map((e) => ({ engine: e.engine, line: routingLine(e) }))
    .filter((x) => x.line !== null)
    .map((x) => `- ${x.engine}: ${x.line!}`);
  if (routed.length > 0) out.push('### Routing of the created cases', '', ...routed, '');
  return out;
}
