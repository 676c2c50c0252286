import { formatNumber } from './format';
import type { Hl7FeedFigures } from './hl7-results';
import { table } from './report';
import type { BenchRun, EngineResult, Target } from './results';

const perMessage = (f: Hl7FeedFigures) =>
  f.serverCores === null || f.perSecond <= 0 ? null : (1000 * f.serverCores) / f.perSecond;

function feedRow(engine: string, f: Hl7FeedFigures): string[] {
  return [
    engine,
    f.name,
    formatNumber(f.messages),
    formatNumber(f.perSecond),
    formatNumber(f.p50, 1),
    formatNumber(f.p99, 1),
    formatNumber(f.max, 1),
    formatNumber(f.notAccepted),
    formatNumber(f.serverCores, 2),
    formatNumber(perMessage(f), 2),
  ];
}

/** The HL7 feed's windows, one row each, under "Details". */
export function hl7Section(run: BenchRun): string[] {
  const rows = run.engines.flatMap((e) =>
    e.hl7
      ? [e.hl7.oneAtATime, e.hl7.pipelined, e.hl7.atRate, ...e.hl7.byEvent].map((f) =>
          feedRow(e.engine, f),
        )
      : [],
  );
  if (rows.length === 0) return [];
  return [
    '### HL7 v2 feed over MLLP (one connection, ACK after commit)',
    '',
    table(
      [
        'Engine',
        'Sender',
        'Messages',
        'msg/s',
        'ACK p50 ms',
        'ACK p99 ms',
        'ACK max ms',
        'Not AA',
        'Server cores',
        'Server CPU ms/msg',
      ],
      rows,
    ),
    '',
  ];
}

/** Why an HL7 target was missed: the window's rate, latency and the server's CPU per message. */
export function hl7MissEvidence(target: Target, r: EngineResult): string[] {
  const h = r.hl7;
  if (!h) return [];
  const f =
    target.id === 'hl7-rate-pipelined'
      ? h.pipelined
      : target.id === 'hl7-ack-p99'
        ? h.atRate
        : h.oneAtATime;
  return [
    `${f.name}: ${formatNumber(f.perSecond)} msg/s, ACK p50 ${formatNumber(f.p50, 1)} ms, ` +
      `p99 ${formatNumber(f.p99, 1)} ms; the server used ${formatNumber(f.serverCores, 2)} cores, ` +
      `${formatNumber(perMessage(f), 2)} ms of CPU per message.`,
  ];
}
