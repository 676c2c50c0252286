import { gzipSync } from 'node:zlib';
import type { BrowserContext, Response } from 'playwright-core';
import { withBrowser } from './web-browser';
import { READ_LCP } from './web-page-scripts';
import type { LcpRun, ScriptFetched } from './web-results';

/** After the page is ready, how long later paints may still become the largest one. */
const SETTLE_MS = 500;

export interface ColdLoad {
  scripts: ScriptFetched[];
  encodings: string[];
  lcp: LcpRun;
}

export interface ColdLoadOptions {
  baseUrl: string;
  path: string;
  viewport: { width: number; height: number };
  /** A selector that is visible once the page can be used (its form or search box). */
  ready: string;
  /** Runs in the fresh context before the page is opened (to sign in through the API). */
  before?: (context: BrowserContext) => Promise<void>;
}

async function scriptFetched(res: Response, origin: string): Promise<ScriptFetched | null> {
  const url = new URL(res.url());
  if (url.origin !== origin || !url.pathname.endsWith('.js')) return null;
  const body = await res.body();
  return {
    path: url.pathname,
    bytes: body.length,
    gzipBytes: gzipSync(body, { level: 9 }).length,
  };
}

/**
 * Opens `path` in a fresh browser (nothing cached), waits until `ready` is visible, and
 * returns every script the browser fetched until then, with their gzip -9 sizes, and
 * the page's Largest Contentful Paint.
 */
export function coldLoad(opts: ColdLoadOptions): Promise<ColdLoad> {
  return withBrowser(opts.viewport, async ({ context, page }) => {
    if (opts.before) await opts.before(context);
    const responses: Response[] = [];
    page.on('response', (r) => responses.push(r));
    await page.goto(`${opts.baseUrl}${opts.path}`);
    await page.locator(opts.ready).waitFor({ state: 'visible', timeout: 30_000 });
    const beforeReady = [...responses];
    await page.waitForTimeout(SETTLE_MS);
    const lcp = await page.evaluate<LcpRun | null>(READ_LCP);
    if (!lcp) throw new Error(`${opts.path}: the browser reported no Largest Contentful Paint`);
    const origin = new URL(opts.baseUrl).origin;
    const scripts: ScriptFetched[] = [];
    const encodings = new Set<string>();
    for (const res of beforeReady) {
      const script = await scriptFetched(res, origin);
      if (!script) continue;
      scripts.push(script);
      encodings.add((await res.allHeaders())['content-encoding'] ?? 'identity');
    }
    if (scripts.length === 0) throw new Error(`${opts.path}: no script was fetched`);
    return { scripts, encodings: [...encodings], lcp };
  });
}

/** A signed-in session in a fresh context, through the API (no page loaded, nothing cached). */
export function signInThroughApi(
  baseUrl: string,
  who: { email: string; password: string },
): (context: BrowserContext) => Promise<void> {
  return async (context) => {
    const res = await context.request.post(`${baseUrl}/api/auth/login`, {
      data: { email: who.email, password: who.password },
    });
    const body = (await res.json()) as { mfaRequired?: boolean };
    if (res.status() !== 200 || body.mfaRequired !== false)
      throw new Error(`sign-in through the API answered ${res.status()} ${JSON.stringify(body)}`);
  };
}
