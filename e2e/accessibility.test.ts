import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, openBrowser, PHONE, screenshot, seriousViolations } from './support/browser';
import { startE2eServer, type E2eServer } from './support/e2e-server';

let server: E2eServer;
beforeAll(async () => {
  server = await startE2eServer();
});
afterAll(async () => {
  await server?.stop();
});

const LANGUAGES = ['en', 'es', 'lv', 'nb'] as const;
const PAGES = ['/portal/sign-in', '/console/sign-in'] as const;
const VIEWPORTS = { phone: PHONE, desktop: DESKTOP } as const;

describe('sign-in pages pass axe (WCAG 2.1 AA) in every language and size', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}`, async () => {
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        const { page, close } = await openBrowser(viewport, lang);
        try {
          for (const path of PAGES) {
            await page.goto(`${server.baseUrl}${path}`);
            await page.getByRole('heading', { level: 1 }).waitFor();
            // The browser's language picked the page's (no earlier choice on this device).
            expect(await page.locator('html').getAttribute('lang'), `${path} ${size}`).toBe(lang);
            expect(await seriousViolations(page), `${path} ${lang} ${size}`).toEqual([]);
            await screenshot(page, `${path.slice(1).replace('/', '-')}-${lang}-${size}`);
          }
        } finally {
          await close();
        }
      }
    });
  }
});

describe('the accessibility check itself', () => {
  it('fails a page that has an unlabelled field', async () => {
    const { page, close } = await openBrowser(DESKTOP);
    try {
      await page.goto(`${server.baseUrl}/portal/sign-in`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.evaluate(() =>
        document.querySelector('form')?.append(document.createElement('input')),
      );
      expect((await seriousViolations(page)).join('\n')).toMatch(/label/);
    } finally {
      await close();
    }
  });
});

describe('keyboard only', () => {
  it('reaches every control of the sign-in form in order, with focus visible', async () => {
    const { page, close } = await openBrowser(DESKTOP);
    try {
      await page.goto(`${server.baseUrl}/portal/sign-in`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const reached: string[] = [];
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab');
        reached.push(
          await page.evaluate(() => {
            const el = document.activeElement;
            const outline = el ? getComputedStyle(el).outlineStyle : 'none';
            const label = el?.id
              ? document.querySelector(`label[for="${el.id}"]`)?.textContent
              : null;
            return `${el?.tagName.toLowerCase()}:${label ?? el?.textContent ?? ''}:${outline}`;
          }),
        );
      }
      expect(reached).toEqual([
        'select:Language:solid',
        'input:E-mail:solid',
        'input:Password:solid',
        'button:Sign in:solid',
        'a:Forgot your password?:solid',
        'a:Staff member? Sign in to the console:solid',
      ]);
    } finally {
      await close();
    }
  });
});
