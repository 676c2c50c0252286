import { formatNumber } from './format';
import type { BenchRun, EngineResult, Target } from './results';
import {
  initialJsOf,
  keystrokeMs,
  lcpMedian,
  percentile,
  typingPercentile,
  worstLcp,
  type InitialJs,
  type Keystroke,
  type TypingFigures,
  type WebArea,
} from './web-results';

const kb = (bytes: number): string => `${formatNumber(bytes / 1000, 1)} KB`;
const ms = (v: number | null | undefined): string => formatNumber(v ?? null);

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Median of the figures that exist, or null. */
function medianPart(keys: Keystroke[], part: (k: Keystroke) => number | null): number | null {
  const values = keys.map(part).filter((v): v is number => v !== null);
  return values.length === 0 ? null : percentile(values, 50);
}

/** "key → request 158 ms, request 6 ms, request → on screen 21 ms" (medians). */
export function typingBreakdown(t: TypingFigures): string {
  const k = t.keystrokes;
  return (
    `key → request sent ${ms(medianPart(k, (x) => x.toRequestMs))} ms, ` +
    `request ${ms(medianPart(k, (x) => x.requestMs))} ms, ` +
    `response → on screen ${ms(medianPart(k, (x) => x.renderMs))} ms (medians)`
  );
}

function jsFiles(js: InitialJs): string {
  return [...js.scripts]
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
    .map((s) => `\`${s.path}\` ${kb(s.gzipBytes)}`)
    .join(', ');
}

function typingSection(t: TypingFigures): string[] {
  const all = keystrokeMs(t);
  const notShown = t.keystrokes.filter((k) => k.ms === null);
  const kinds = [...new Set(t.keystrokes.map((k) => k.kind))];
  return [
    `#### Search as you type (console patient search, ${formatNumber(t.patients)} patients)`,
    '',
    table(
      ['Queries', 'Keystrokes', 'No results on screen', 'p50 ms', 'p95 ms', 'max ms'],
      [
        [
          formatNumber(t.queries),
          formatNumber(t.keystrokes.length),
          formatNumber(notShown.length),
          ms(percentile(all, 50)),
          ms(percentile(all, 95)),
          ms(Math.max(...all)),
        ],
      ],
    ),
    '',
    `Where the time goes: ${typingBreakdown(t)}.`,
    '',
    table(
      ['Query kind', 'Keystrokes', 'p50 ms', 'p95 ms', 'max ms'],
      kinds.map((kind) => {
        const of = keystrokeMs({
          ...t,
          keystrokes: t.keystrokes.filter((k) => k.kind === kind),
        });
        return [
          kind,
          formatNumber(of.length),
          ms(percentile(of, 50)),
          ms(percentile(of, 95)),
          ms(Math.max(...of)),
        ];
      }),
    ),
    '',
    ...notShown
      .slice(0, 5)
      .map((k) => `- "${k.text}" (${k.kind}): ${k.problem ?? 'no results on screen'}`),
    ...(notShown.length > 5 ? [`- … and ${notShown.length - 5} more`, ''] : []),
    ...(notShown.length > 0 && notShown.length <= 5 ? [''] : []),
  ];
}

/** The web app's details (issue #4 point 9): files per area, keystrokes, paints. */
export function webSection(run: BenchRun): string[] {
  const out: string[] = [];
  for (const r of run.engines) {
    const w = r.web;
    if (!w || w.skipped) continue;
    out.push(
      `### Web app in Chromium (${w.browser ?? 'Chromium'}, headless, ${r.engine} server)`,
      '',
    );
    if (w.initialJs.length > 0) {
      out.push(
        table(
          ['Area', 'Page', 'Scripts', 'Served', 'gzip -9', 'Content-Encoding'],
          w.initialJs.map((j) => [
            j.area,
            `\`${j.path}\``,
            formatNumber(j.scripts.length),
            kb(j.bytes),
            kb(j.gzipBytes),
            j.encodings.join(', '),
          ]),
        ),
        '',
        ...w.initialJs.map((j) => `- ${j.area}: ${jsFiles(j)}`),
        '',
      );
    }
    if (w.lcp.length > 0) {
      out.push(
        table(
          [
            'Page',
            'Cold loads, LCP ms',
            'Median ms',
            'Largest element',
            'First byte ms',
            'Scripts in ms',
          ],
          w.lcp.map((p) => {
            const last = p.runs[p.runs.length - 1];
            return [
              `${p.name} (\`${p.path}\`)`,
              p.runs.map((x) => ms(x.ms)).join(', '),
              ms(lcpMedian(p)),
              last?.element ?? '—',
              p.runs.map((x) => ms(x.firstByteMs)).join(', '),
              p.runs.map((x) => ms(x.scriptsDoneMs)).join(', '),
            ];
          }),
        ),
        '',
      );
    }
    if (w.typing) out.push(...typingSection(w.typing));
  }
  return out;
}

/** "web skipped: why", for the report's "Not measured" list. */
export function webSkipped(run: BenchRun): string[] {
  return run.engines
    .filter((e) => e.web?.skipped)
    .map((e) => `- ${e.engine}: web app figures skipped: ${e.web!.skipped}`);
}

function jsEvidence(js: InitialJs | null): string[] {
  return js ? [`${js.scripts.length} scripts before the page was ready: ${jsFiles(js)}.`] : [];
}

/** Why a web target was missed, from this run's own figures. */
export function webMissEvidence(target: Target, r: EngineResult): string[] {
  const w = r.web;
  if (!w) return [];
  const area: Record<string, WebArea> = { 'web-portal-js': 'portal', 'web-console-js': 'console' };
  switch (target.id) {
    case 'web-portal-js':
    case 'web-console-js':
      return jsEvidence(initialJsOf(w, area[target.id]!));
    case 'web-search-p95': {
      const t = w.typing;
      if (!t) return [];
      const p95 = typingPercentile(t, 95);
      const slow = t.keystrokes.filter((k) => (k.ms ?? t.timeoutMs) >= (p95 ?? 0));
      return [
        `${formatNumber(t.keystrokes.length)} keystrokes: p50 ${ms(typingPercentile(t, 50))} ms, ` +
          `p95 ${ms(p95)} ms. ${typingBreakdown(t)}; the search waits 150 ms after each keystroke ` +
          '(DEBOUNCE_MS in use-typeahead.ts) before it asks.',
        `At or above the p95: ${typingBreakdown({ ...t, keystrokes: slow })}.`,
      ];
    }
    case 'web-lcp': {
      const worst = worstLcp(w.lcp);
      if (!worst) return [];
      const runs = worst.page.runs;
      return [
        `${worst.page.name}: LCP ${runs.map((x) => ms(x.ms)).join(', ')} ms over ${runs.length} cold loads; ` +
          `first byte at ${runs.map((x) => ms(x.firstByteMs)).join(', ')} ms, the last script in at ` +
          `${runs.map((x) => ms(x.scriptsDoneMs)).join(', ')} ms; largest element ${runs[0]?.element ?? '—'}.`,
      ];
    }
    default:
      return [];
  }
}
