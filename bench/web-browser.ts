import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, as the browser tests use it (never a downloaded browser). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/** Why the browser figures cannot be measured here, or null when they can. */
export function chromiumMissing(path: string = CHROMIUM_PATH): string | null {
  return existsSync(path)
    ? null
    : `Chromium not found at ${path} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/**
 * Chromium, headless, in a fresh profile: nothing cached, no cookies, no compiled code
 * from an earlier run. The flags keep it from reaching out to the network on its own,
 * which would compete with the page for the machine. (e2e/support/browser.ts does the
 * same for the browser tests; it also loads axe, which the benchmark has no use for.)
 */
export async function openBrowser(
  viewport: { width: number; height: number },
  locale = 'en-US',
): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'caredesk-bench-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      viewport,
      locale,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    return {
      context,
      page,
      close: async () => {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
}

/** Opens a browser, runs `body`, and closes the browser whatever happens. */
export async function withBrowser<T>(
  viewport: { width: number; height: number },
  body: (session: BrowserSession) => Promise<T>,
): Promise<T> {
  const session = await openBrowser(viewport);
  try {
    return await body(session);
  } finally {
    await session.close();
  }
}

export interface StaffAccount {
  email: string;
  password: string;
}

/**
 * Signs a staff member in through the console's own sign-in page, as a person does. The
 * bench server runs without required MFA for staff (login-latency.ts), so the password
 * step completes the sign-in and the console home with its patient search follows.
 */
export async function signInToConsole(
  page: Page,
  baseUrl: string,
  who: StaffAccount,
): Promise<void> {
  await page.goto(`${baseUrl}/console/sign-in`);
  // Selectors by role and type, not by label: they hold in every language.
  await page.locator('input[type="email"]').fill(who.email);
  await page.locator('input[type="password"]').fill(who.password);
  await page.locator('button[type="submit"]').click();
  await page.locator('input[role="combobox"]').waitFor({ timeout: 30_000 });
}
