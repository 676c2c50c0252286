import { describe, expect, it } from 'vitest';
import { formatConsoleTable, formatMarkdown, missEvidence, targetsTable } from './report';
import type { BenchRun, EngineResult } from './results';
import { emptyEngineResult, TARGETS, verdict } from './results';
import type { Keystroke, LcpPage, WebFigures } from './web-results';
import { percentile, typingPercentile, worstLcp } from './web-results';
import { typingQueries } from './web-typing';

function keystroke(ms: number | null, over: Partial<Keystroke> = {}): Keystroke {
  return {
    kind: 'name',
    text: 'Sm',
    ms,
    toRequestMs: ms === null ? null : 152,
    requestMs: ms === null ? null : 9,
    renderMs: ms === null ? null : ms - 161,
    options: 10,
    problem: ms === null ? 'not on screen within 10000 ms' : null,
    ...over,
  };
}

function lcp(name: string, runs: number[]): LcpPage {
  return {
    name,
    path: `/${name.replace(/ /g, '-')}`,
    runs: runs.map((ms) => ({ ms, element: 'h1 "Sign in"', firstByteMs: 5, scriptsDoneMs: 200 })),
  };
}

function web(over: Partial<WebFigures> = {}): WebFigures {
  return {
    skipped: null,
    browser: 'Chromium 156',
    initialJs: [
      {
        area: 'portal',
        path: '/portal/sign-in',
        scripts: [
          { path: '/static/index-a.js', bytes: 348_000, gzipBytes: 107_000 },
          { path: '/static/portal-routes-b.js', bytes: 32_000, gzipBytes: 8_600 },
        ],
        bytes: 380_000,
        gzipBytes: 115_600,
        encodings: ['identity'],
      },
      {
        area: 'console',
        path: '/console/sign-in',
        scripts: [{ path: '/static/index-a.js', bytes: 348_000, gzipBytes: 107_000 }],
        bytes: 348_000,
        gzipBytes: 107_000,
        encodings: ['identity'],
      },
    ],
    typing: {
      patients: 100_000,
      queries: 2,
      // 20 keystrokes: 19 at 170–188 ms, one slow one at 400 ms.
      keystrokes: [
        ...Array.from({ length: 19 }, (_, i) => keystroke(170 + i)),
        keystroke(400, { kind: 'phone', text: '5550' }),
      ],
      cadenceMs: 250,
      timeoutMs: 10_000,
    },
    lcp: [lcp('portal sign-in', [400, 450, 900]), lcp('console home', [600, 700, 650])],
    ...over,
  };
}

function sqlite(w: WebFigures | null): EngineResult {
  return { ...emptyEngineResult('sqlite', 'sqlite:/tmp/x'), web: w };
}

function run(engines: EngineResult[]): BenchRun {
  return {
    machine: { cpuModel: 'Test CPU', cores: 2, ramGiB: 8, os: 'Debian', node: 'v20', date: 'd' },
    settings: {
      quick: false,
      patients: 100_000,
      chunkSize: 1_000,
      durationS: 10,
      warmupS: 2,
      connections: 10,
      coldStartRuns: 3,
      auditEntries: 1_000_000,
    },
    engines,
    totalSeconds: 60,
  };
}

const target = (id: string) => TARGETS.find((t) => t.id === id)!;

describe('web app figures (issue #4, point 9)', () => {
  it('judges initial JavaScript per area at the goal itself, in KB of 1,000 bytes', () => {
    const at = web();
    at.initialJs[0]!.gzipBytes = 200_000;
    at.initialJs[1]!.gzipBytes = 350_001;
    expect(verdict(target('web-portal-js'), sqlite(at))).toBe('PASS');
    expect(verdict(target('web-console-js'), sqlite(at))).toBe('MISS');
    expect(targetsTable(run([sqlite(web())]))).toContain(
      '| #4 | Portal initial JavaScript, gzipped (/portal/sign-in) | ≤ 200 KB | 115.6 KB **PASS** |',
    );
  });

  it('compares the p95 keystroke with 150 ms, and only at 100,000 patients', () => {
    const r = sqlite(web());
    expect(typingPercentile(r.web!.typing, 95)).toBe(188);
    expect(verdict(target('web-search-p95'), r)).toBe('MISS');
    const fast = web();
    fast.typing!.keystrokes = [keystroke(120), keystroke(150)];
    expect(verdict(target('web-search-p95'), sqlite(fast))).toBe('PASS');
    const quick = web();
    quick.typing!.patients = 10_000;
    expect(verdict(target('web-search-p95'), sqlite(quick))).toBe('n/a');
    expect(targetsTable(run([sqlite(quick)]))).toContain('| 188 ms (10,000 patients) |');
  });

  it('counts a keystroke whose results never showed as the whole wait, never as fast', () => {
    const w = web();
    w.typing!.keystrokes = [keystroke(100), keystroke(null)];
    expect(typingPercentile(w.typing, 95)).toBe(10_000);
    const md = formatMarkdown(run([sqlite(w)]));
    expect(md).toContain('| 2 | 2 | 1 | 100 | 10,000 | 10,000 |');
    expect(md).toContain('- "Sm" (name): not on screen within 10000 ms');
  });

  it('takes the slowest page by its median cold LCP', () => {
    const w = web();
    expect(worstLcp(w.lcp)).toMatchObject({ ms: 650, page: { name: 'console home' } });
    expect(verdict(target('web-lcp'), sqlite(w))).toBe('PASS');
    w.lcp.push(lcp('console sign-in', [1_001, 1_100, 900]));
    expect(verdict(target('web-lcp'), sqlite(w))).toBe('MISS');
    expect(targetsTable(run([sqlite(w)]))).toContain('| 1.00 s (console sign-in) **MISS** |');
  });

  it('shows the web rows as embedded only for PostgreSQL and not measured when nothing ran', () => {
    const pg = { ...emptyEngineResult('postgres', 'postgres'), web: null };
    const table = targetsTable(run([sqlite(null), pg]));
    expect(table).toContain(
      '| #4 | Largest Contentful Paint, slowest page (cold, localhost) | ≤ 1.0 s | not measured | embedded only |',
    );
    expect(verdict(target('web-lcp'), sqlite(null))).toBe('n/a');
  });

  it('says visibly that the browser figures were skipped without Chromium', () => {
    const skipped = web({ skipped: 'Chromium not found at /usr/bin/chromium', initialJs: [] });
    skipped.typing = null;
    skipped.lcp = [];
    const md = formatMarkdown(run([sqlite(skipped)]));
    expect(md).toContain('## Not measured');
    expect(md).toContain(
      '- sqlite: web app figures skipped: Chromium not found at /usr/bin/chromium',
    );
    expect(md).not.toContain('### Web app in Chromium');
    expect(formatConsoleTable(run([sqlite(skipped)]))).toContain('not measured n/a');
  });

  it('details the files per area, the paints and the keystrokes by kind', () => {
    const md = formatMarkdown(run([sqlite(web())]));
    const details = md.slice(md.indexOf('### Web app in Chromium'));
    expect(details).toContain(
      '| portal | `/portal/sign-in` | 2 | 380.0 KB | 115.6 KB | identity |',
    );
    expect(details).toContain(
      '- portal: `/static/index-a.js` 107.0 KB, `/static/portal-routes-b.js` 8.6 KB',
    );
    expect(details).toContain(
      '| portal sign-in (`/portal-sign-in`) | 400, 450, 900 | 450 | h1 "Sign in" | 5, 5, 5 | 200, 200, 200 |',
    );
    expect(details).toContain('| phone | 1 | 400 | 400 | 400 |');
    expect(details).toContain('key → request sent 152 ms, request 9 ms');
  });

  it('explains a search miss by where the time went, the debounce named', () => {
    const evidence = missEvidence(target('web-search-p95'), sqlite(web())).join(' ');
    expect(evidence).toContain('20 keystrokes: p50 179 ms, p95 188 ms.');
    expect(evidence).toContain('the search waits 150 ms after each keystroke');
    expect(evidence).toContain('At or above the p95:');
    const misses = formatMarkdown(run([sqlite(web())]));
    expect(misses.slice(misses.indexOf('## Misses'), misses.indexOf('## Details'))).toContain(
      '**sqlite: Search as you type: keystroke to results on screen, p95** (≤ 150 ms; measured 188 ms).',
    );
  });
});

describe('what is typed', () => {
  it('takes the first distinct queries of each kind, in the mix asked for', () => {
    const samples = [
      { kind: 'name' as const, q: 'Sm' },
      { kind: 'email' as const, q: 'a@' },
      { kind: 'name' as const, q: 'Sm' },
      { kind: 'MRN' as const, q: 'MRN-1' },
      { kind: 'name' as const, q: 'Jo' },
      { kind: 'name' as const, q: 'Al' },
    ];
    expect(
      typingQueries(samples, [
        ['name', 2],
        ['MRN', 3],
      ]),
    ).toEqual([
      { kind: 'name', q: 'Sm' },
      { kind: 'name', q: 'Jo' },
      { kind: 'MRN', q: 'MRN-1' },
    ]);
  });

  it('uses nearest-rank percentiles', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([], 50)).toBeNaN();
  });
});
