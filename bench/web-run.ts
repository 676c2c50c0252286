import { execFileSync } from 'node:child_process';
import type { EngineResult } from './results';
import type { TypeaheadSample } from './samples';
import { step, type Log } from './step';
import {
  CHROMIUM_PATH,
  chromiumMissing,
  DESKTOP,
  PHONE,
  signInToConsole,
  withBrowser,
  type StaffAccount,
} from './web-browser';
import { coldLoad, signInThroughApi, type ColdLoad, type ColdLoadOptions } from './web-load';
import { emptyWebFigures, type LcpPage, type WebArea } from './web-results';
import { measureTyping, typingQueries } from './web-typing';

/** Cold loads per page; the report takes their median, since one load on a shared machine is noisy. */
export const LCP_RUNS = 3;

export interface WebRunOptions {
  baseUrl: string;
  /** A staff account on the bench server; MFA is not required there (LOGIN_SERVER_ENV). */
  staff: StaffAccount;
  /** The typeahead samples the HTTP workloads use. */
  samples: TypeaheadSample[];
  /** Patients in the database. */
  patients: number;
}

function browserVersion(): string {
  try {
    // Debian's wrapper script complains on stderr about its own checks: not ours to show.
    return execFileSync(CHROMIUM_PATH, ['--version'], {
      encoding: 'utf8',
      timeout: 10_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return `Chromium at ${CHROMIUM_PATH}`;
  }
}

/** Each sign-in page's first load in a fresh browser: the JavaScript it needed, and its LCP. */
const SIGN_IN_PAGES: Array<{ area: WebArea; name: string; path: string; phone: boolean }> = [
  // The portal is built for phones first (issue #4), the console for a desk.
  { area: 'portal', name: 'portal sign-in', path: '/portal/sign-in', phone: true },
  { area: 'console', name: 'console sign-in', path: '/console/sign-in', phone: false },
];

/** LCP_RUNS cold loads of one page; the first one's scripts are the initial JavaScript. */
async function coldLoads(
  name: string,
  opts: ColdLoadOptions,
  log: Log,
): Promise<{ page: LcpPage; first: ColdLoad }> {
  const page: LcpPage = { name, path: opts.path, runs: [] };
  let first: ColdLoad | null = null;
  for (let i = 0; i < LCP_RUNS; i++) {
    const load = await coldLoad(opts);
    first ??= load;
    page.runs.push(load.lcp);
    log(`  ${name}: LCP ${load.lcp.ms.toFixed(0)} ms (${load.lcp.element})`);
  }
  return { page, first: first! };
}

/**
 * Issue #4 point 9 in Chromium against the running bench server: initial JavaScript per
 * area, Largest Contentful Paint on three pages, and search as you type. Each part that
 * fails is recorded and the others still run; without Chromium the whole step says so.
 */
export async function measureWeb(
  result: EngineResult,
  opts: WebRunOptions,
  log: Log,
): Promise<void> {
  const web = emptyWebFigures();
  result.web = web;
  const missing = chromiumMissing();
  if (missing) {
    web.skipped = missing;
    log(`[${result.engine}] web app figures SKIPPED: ${missing}`);
    return;
  }
  web.browser = browserVersion();
  const detail: Log = (line) => log(`[${result.engine}] ${line}`);
  for (const p of SIGN_IN_PAGES) {
    await step(result, log, `web: ${p.name}, cold (initial JavaScript, LCP)`, async () => {
      const { page, first } = await coldLoads(
        p.name,
        {
          baseUrl: opts.baseUrl,
          path: p.path,
          viewport: p.phone ? PHONE : DESKTOP,
          ready: 'input[type="password"]',
        },
        detail,
      );
      const bytes = first.scripts.reduce((sum, s) => sum + s.bytes, 0);
      const gzipBytes = first.scripts.reduce((sum, s) => sum + s.gzipBytes, 0);
      web.initialJs.push({
        area: p.area,
        path: p.path,
        scripts: first.scripts,
        bytes,
        gzipBytes,
        encodings: first.encodings,
      });
      web.lcp.push(page);
      detail(
        `  ${p.area}: ${first.scripts.length} scripts, ` +
          `${(gzipBytes / 1000).toFixed(1)} KB gzipped (${(bytes / 1000).toFixed(1)} KB served)`,
      );
    });
  }
  await step(result, log, 'web: signed-in console home, cold (LCP)', async () => {
    const home: ColdLoadOptions = {
      baseUrl: opts.baseUrl,
      path: '/console',
      viewport: DESKTOP,
      ready: 'input[role="combobox"]',
      before: signInThroughApi(opts.baseUrl, opts.staff),
    };
    web.lcp.push((await coldLoads('console home, signed in', home, detail)).page);
  });
  await step(result, log, 'web: search as you type in the console', async () => {
    const queries = typingQueries(opts.samples);
    web.typing = await withBrowser(DESKTOP, async ({ page }) => {
      await signInToConsole(page, opts.baseUrl, opts.staff);
      return measureTyping(page, queries, opts.patients);
    });
    const shown = web.typing.keystrokes.filter((k) => k.ms !== null).length;
    detail(
      `  ${web.typing.keystrokes.length} keystrokes over ${queries.length} queries, ` +
        `${shown} with results on screen`,
    );
  });
}

/** How the web figures are measured, for the report's method notes. */
export const WEB_METHOD_NOTES = [
  "Web app (issue #4 point 9): measured once, against the embedded database's bench server after the sign-in measurement and before the informational ANALYZE run, in Debian's Chromium through playwright-core, headless " +
    '(--no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run). ' +
    'Every page load below is cold: a fresh browser profile, nothing cached, no cookies. Chromium, the server and the benchmark process share the same cores.',
  'Initial JavaScript is what the browser fetched, not what the build lists: every same-origin .js response from navigation until the sign-in form is visible ' +
    '(React has rendered it, so it works), on the first cold load of /portal/sign-in (390×844, the portal is phone-first) and /console/sign-in (1280×800), ' +
    "with the browser's language English (the catalog chunk fetched is the reader's language). Each file's bytes go through gzip -9 (zlib level 9) and are summed. " +
    'The server sends them uncompressed (the Content-Encoding column), so the bytes on the wire today are the "Served" column. KB = 1,000 bytes.',
  "Search as you type: the staff account of the sign-in measurement signs in on the console's sign-in page; then 36 queries from the typeahead samples " +
    '(12 surname prefixes, 6 given + surname, 6 birth dates, 6 phone fragments, 6 MRN prefixes) are typed into the patient search one character at a time, ' +
    "each a real key event. For every keystroke the page itself measures from the key event's time stamp to the first frame painted after the status line " +
    "shows that exact text's answer (requestAnimationFrame, then a message posted from it, which runs once the frame is painted). " +
    'The search waits 60 ms after a keystroke before it asks (DEBOUNCE_MS in use-typeahead.ts); that wait is in the figure, because the person waits through it. ' +
    'The next key follows 250 ms after the last (about 48 words a minute), or once its results are on screen if that is later, so every keystroke gets a search and a figure of its own; ' +
    "a keystroke whose results never appear counts as 10 s. The split into key → request sent, the request, and response → on screen comes from the request's Resource Timing entry. " +
    'p50, p95 and max are nearest-rank over all keystrokes; the target compares the p95. A quick run searches 10,000 patients, not the 100,000 the goal names: shown, not judged.',
  "Largest Contentful Paint: PerformanceObserver('largest-contentful-paint', buffered) read 0.5 s after the page is usable (the sign-in form; on the console home, the search box) " +
    `and before any input, on ${LCP_RUNS} cold loads per page; each page's median is reported and the target compares the slowest page's median. ` +
    'The signed-in console home opens in a fresh profile that first signed in through POST /api/auth/login (no page loaded before it, nothing cached). ' +
    '"First byte" and "Scripts in" are the Navigation and Resource Timing of the same loads, from navigation start.',
];
