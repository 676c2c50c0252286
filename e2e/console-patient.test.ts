import { translate, type FirstClassLanguage } from '@caredesk/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, openBrowser, PHONE, screenshot, seriousViolations } from './support/browser';
import { startE2eServer, type E2eServer } from './support/e2e-server';
import { firstStaffSignIn } from './support/staff-sign-in';

let server: E2eServer;
beforeAll(async () => {
  server = await startE2eServer();
});
afterAll(async () => {
  await server?.stop();
});

const LANGUAGES: FirstClassLanguage[] = ['en', 'es', 'lv', 'nb'];
const CLINICAL_LISTS = /\/api\/patients\/[^/]+\/(encounters|conditions|medications|care-plans)/;
/** 200 % zoom of a 1440×900 screen (WCAG 1.4.10 reflow). */
const ZOOMED = { width: 720, height: 450 };

interface Listed {
  items: Array<Record<string, unknown>>;
}

/** The first item of a list as the API gives it to the signed-in nurse. */
async function firstOf(page: Page, list: string): Promise<Record<string, unknown>> {
  const res = await page.request.get(
    `${server.baseUrl}/api/patients/${server.clinicalPatient.id}/${list}`,
  );
  expect(res.status(), list).toBe(200);
  const first = ((await res.json()) as Listed).items[0];
  if (!first) throw new Error(`the demo patient has no ${list}`);
  return first;
}

/** What the locale makes of a date, asked of the browser's own Intl, independently of the app. */
function localeDate(
  page: Page,
  lang: string,
  value: { start: string; end?: string | null; utc?: boolean },
) {
  return page.evaluate(
    ([l, v]) => {
      const f = new Intl.DateTimeFormat(l, {
        dateStyle: 'medium',
        ...(v.utc ? { timeZone: 'UTC' } : {}),
      });
      const start = new Date(v.utc ? `${v.start}T00:00:00Z` : v.start);
      return v.end ? f.formatRange(start, new Date(v.end)) : f.format(start);
    },
    [lang, value] as const,
  );
}

const firstCell = (page: Page, testId: string, column: number) =>
  page.getByTestId(testId).locator('tbody tr').first().locator('td').nth(column).innerText();

describe('the patient page, for a nurse (clinical.read)', () => {
  it('shows encounters, conditions and medications with dates in each language, and passes axe', async () => {
    const { page, close } = await openBrowser(DESKTOP);
    try {
      await firstStaffSignIn(page, server.baseUrl, server.nurse);
      await page.goto(`${server.baseUrl}/console/patients/${server.clinicalPatient.id}`);
      await page.getByTestId('encounters').waitFor();
      const encounter = await firstOf(page, 'encounters');
      const condition = await firstOf(page, 'conditions');
      const medication = await firstOf(page, 'medications');
      const seen = new Set<string>();
      for (const lang of LANGUAGES) {
        await page.locator('.language-picker select').selectOption(lang);
        await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
        for (const key of [
          'web.clinical.encounters',
          'web.clinical.conditions',
          'web.clinical.medications',
        ] as const) {
          await page.getByRole('heading', { level: 2, name: translate(lang, key) }).waitFor();
        }
        const visit = await localeDate(page, lang, {
          start: String(encounter.periodStart),
          end: encounter.periodEnd as string | null,
        });
        expect(await firstCell(page, 'encounters', 0), `${lang} encounter`).toBe(visit);
        const onset = await localeDate(page, lang, { start: String(condition.onset), utc: true });
        expect(await firstCell(page, 'conditions', 2), `${lang} onset`).toBe(onset);
        const prescribed = await localeDate(page, lang, { start: String(medication.authoredOn) });
        expect(await firstCell(page, 'medications', 3), `${lang} prescribed`).toBe(prescribed);
        seen.add(onset);
        // Display text of the codes comes from the data, untranslated, in every language.
        const code = condition.code as { display: string | null; code: string };
        expect(await firstCell(page, 'conditions', 0)).toBe(code.display ?? code.code);

        for (const [size, viewport] of Object.entries({ desktop: DESKTOP, phone: PHONE })) {
          await page.setViewportSize(viewport);
          expect(await seriousViolations(page), `${lang} ${size}`).toEqual([]);
          await screenshot(page, `console-patient-${lang}-${size}`);
        }
        // At 200 % zoom the page itself never scrolls sideways; wide tables scroll inside.
        await page.setViewportSize(ZOOMED);
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
          `${lang} at 200 %`,
        ).toBe(true);
        await page.setViewportSize(DESKTOP);
      }
      // Four languages, four ways of writing the same day.
      expect(seen.size).toBe(4);
    } finally {
      await close();
    }
  });
});

describe('staff without clinical.read', () => {
  it('see no clinical sections, and their browser never asks for them', async () => {
    const { page, close } = await openBrowser(DESKTOP);
    try {
      const asked: string[] = [];
      page.on('request', (r) => {
        if (CLINICAL_LISTS.test(r.url())) asked.push(r.url());
      });
      // Front desk: patient.read and billing.read, no clinical.read.
      await firstStaffSignIn(page, server.baseUrl, server.staff);
      await page.goto(`${server.baseUrl}/console/patients/${server.clinicalPatient.id}`);
      await page.getByRole('heading', { level: 2, name: 'Insurance' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Family and caregivers' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Encounters' }).count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Recent activity' }).count()).toBe(0);
      expect(asked).toEqual([]);
      // The server refuses them too, whatever the page shows.
      const res = await page.request.get(
        `${server.baseUrl}/api/patients/${server.clinicalPatient.id}/medications`,
      );
      expect(res.status()).toBe(403);
    } finally {
      await close();
    }
  });
});

describe('recent activity, for a privacy officer (audit.read)', () => {
  it('lists who opened the record, newest first, with older entries on request', async () => {
    const { page, close } = await openBrowser(DESKTOP);
    try {
      await firstStaffSignIn(page, server.baseUrl, server.privacyOfficer);
      await page.goto(`${server.baseUrl}/console/patients/${server.clinicalPatient.id}`);
      const rows = page.getByTestId('recent-activity').locator('tbody tr');
      await rows.first().waitFor();
      // Her own opening of the page is the newest; the nurse's reads are among the rest.
      expect(await rows.first().innerText()).toContain(server.privacyOfficer.displayName);
      expect(await page.getByTestId('recent-activity').innerText()).toContain(
        server.nurse.displayName,
      );
      // A privacy officer does not browse charts: no clinical sections for her.
      expect(await page.getByRole('heading', { name: 'Encounters' }).count()).toBe(0);
      expect(await rows.count()).toBe(10);
      // Older pages by keyboard, until there are none: focus then moves to the list itself
      // instead of being lost with the button.
      const more = page.getByRole('button', { name: 'Show older activity' });
      await more.focus();
      for (let i = 0; i < 10 && (await more.count()) > 0; i++) {
        const shown = await rows.count();
        await page.keyboard.press('Enter');
        await expect.poll(() => rows.count()).toBeGreaterThan(shown);
      }
      expect(await more.count()).toBe(0);
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
        .toBe('Recent activity');
      for (const lang of LANGUAGES) {
        await page.locator('.language-picker select').selectOption(lang);
        await page
          .getByRole('heading', { level: 2, name: translate(lang, 'web.clinical.activity') })
          .waitFor();
        for (const [size, viewport] of Object.entries({ desktop: DESKTOP, phone: PHONE })) {
          await page.setViewportSize(viewport);
          expect(await seriousViolations(page), `${lang} ${size}`).toEqual([]);
          await screenshot(page, `console-patient-activity-${lang}-${size}`);
        }
        await page.setViewportSize(DESKTOP);
      }
    } finally {
      await close();
    }
  });
});
