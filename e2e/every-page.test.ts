import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, openBrowser, PHONE, screenshot, seriousViolations } from './support/browser';
import { startE2eServer, type E2eAccount, type E2eServer } from './support/e2e-server';
import { pageApiOk } from './support/page-api';
import { firstStaffSignIn } from './support/staff-sign-in';

/**
 * Issue #4 point 6 across the whole app: every signed-in page, in every language, at
 * phone and desktop size and at 200 % zoom, has no serious or critical axe violation and
 * never scrolls sideways. Each person chooses the language once with the picker; every
 * later page is a full load, so the pages also prove the choice is remembered (point 3).
 * The caregiver's pages are swept the same way in caregiver.test.ts.
 */

let server: E2eServer;
beforeAll(async () => {
  server = await startE2eServer();
});
afterAll(async () => {
  await server?.stop();
});

const LANGUAGES = ['en', 'es', 'lv', 'nb'] as const;
/** 1440×900 at 200 % zoom lays out like a 720×450 window (WCAG 1.4.4 and 1.4.10). */
const ZOOMED = { width: 720, height: 450 };

async function chooseLanguage(page: Page, lang: string): Promise<void> {
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/auth/me/language'));
  await page.locator('.language-picker select').selectOption(lang);
  await page.locator(`html[lang="${lang}"]`).waitFor();
  // Unchanged languages are not sent: nothing to wait for then.
  await Promise.race([saved, page.waitForTimeout(1_000)]);
}

/** Opens each path in each language and checks it at every size. */
async function sweep(page: Page, who: string, paths: string[]): Promise<void> {
  for (const lang of LANGUAGES) {
    await chooseLanguage(page, lang);
    for (const path of paths) {
      const name = `${who} ${path} ${lang}`;
      await page.setViewportSize(DESKTOP);
      await page.goto(`${server.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.locator('html').getAttribute('lang'), `${name}: remembered`).toBe(lang);
      expect(await seriousViolations(page), `${name} desktop`).toEqual([]);
      const file = `every-${who}${path.replace(/[0-9a-f-]{36}/, 'record').replaceAll('/', '-')}-${lang}`;
      if (lang === 'en' || lang === 'lv') await screenshot(page, `${file}-desktop`);

      await page.setViewportSize(PHONE);
      expect(await seriousViolations(page), `${name} phone`).toEqual([]);
      if (lang === 'en' || lang === 'lv') await screenshot(page, `${file}-phone`);

      await page.setViewportSize(ZOOMED);
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(sideways, `${name} at 200 %: sideways scroll in px`).toBeLessThanOrEqual(0);
    }
  }
}

async function staffSweep(
  who: E2eAccount,
  label: string,
  paths: string[],
  /** Sets up what more pages need once signed in, and names them. */
  more?: (page: Page) => Promise<string[]>,
): Promise<void> {
  const { page, close } = await openBrowser(DESKTOP);
  try {
    await firstStaffSignIn(page, server.baseUrl, who);
    await sweep(page, label, [...paths, ...(more ? await more(page) : [])]);
  } finally {
    await close();
  }
}

/** A case with every kind of entry: the patient's words, a reply, a note, a status change. */
async function caseToShow(page: Page): Promise<string[]> {
  const c = await pageApiOk<{ id: string }>(page, 'POST', '/api/cases', {
    channel: 'phone',
    category: 'refill',
    subject: 'Refill of a long-term medicine before a trip abroad',
    message: 'The patient travels on Friday and has five days of tablets left.',
    patientId: server.clinicalPatient.id,
  });
  const say = (body: string, visibility: string, status?: string) =>
    pageApiOk(page, 'POST', `/api/cases/${c.id}/messages`, { body, visibility, status });
  await say('Check the last prescription date first.', 'internal');
  await say('We have sent the request to the doctor.', 'public', 'pending-third-party');
  return ['/console/cases', '/console/cases?view=all', `/console/cases/${c.id}`];
}

describe('every console page, every language, every size', () => {
  it('front desk: search, a patient, the cases inbox and a case', async () => {
    await staffSweep(
      server.staff,
      'agent',
      ['/console', `/console/patients/${server.clinicalPatient.id}`],
      caseToShow,
    );
  });

  it('nurse: a patient with clinical sections', async () => {
    await staffSweep(server.nurse, 'nurse', [`/console/patients/${server.clinicalPatient.id}`]);
  });

  it('privacy officer: audit viewer, break-glass reviews, recent activity', async () => {
    await staffSweep(server.privacyOfficer, 'privacy', [
      '/console/audit',
      '/console/reviews',
      `/console/patients/${server.clinicalPatient.id}`,
    ]);
  });

  it('supervisor: duplicate review and teams', async () => {
    await staffSweep(server.supervisor, 'supervisor', [
      '/console/duplicates',
      '/console/admin/teams',
    ]);
  });

  it('administrator: users and roles', async () => {
    await staffSweep(server.admin, 'admin', ['/console/admin/users']);
  });
});

describe('every portal page, every language, every size', () => {
  it('patient: home, profile, caregivers, inviting one, who opened my record, help and requests', async () => {
    const { page, close } = await openBrowser(PHONE);
    try {
      await page.goto(`${server.baseUrl}/portal/sign-in`);
      await page.getByLabel('E-mail').fill(server.patient.email);
      await page.getByLabel('Password').fill(server.patient.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      // The account prefers Spanish until the picker says otherwise.
      await page.getByRole('heading', { name: /Hola/ }).waitFor();
      const me = await pageApiOk<{ account: { patientId: string } }>(page, 'GET', '/api/auth/me');
      const request = await pageApiOk<{ id: string }>(
        page,
        'POST',
        `/api/patients/${me.account.patientId}/cases`,
        {
          category: 'billing-question',
          subject: 'A bill for a visit I already paid at the desk',
          message: 'I paid by card on the day; the receipt number is on the back of the bill.',
        },
      );
      await sweep(page, 'patient', [
        '/portal',
        '/portal/profile',
        '/portal/caregivers',
        '/portal/caregivers/invite',
        '/portal/access-log',
        '/portal/help',
        '/portal/requests',
        `/portal/requests/${request.id}`,
      ]);
    } finally {
      await close();
    }
  });
});
