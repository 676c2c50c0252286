import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, openBrowser, screenshot } from './support/browser';
import { accessibleEverywhere } from './support/accessible-everywhere';
import { startE2eServer, type E2eServer } from './support/e2e-server';
import { ackCodeOf, sendMllp } from './support/mllp-send';
import { pageApiOk } from './support/page-api';
import { firstStaffSignIn } from './support/staff-sign-in';

let server: E2eServer;
beforeAll(async () => {
  server = await startE2eServer();
});
afterAll(async () => {
  await server?.stop();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An HL7 timestamp `ms` from now, in UTC (with its offset, so no zone is guessed). */
const hl7At = (ms: number) =>
  `${new Date(Date.now() + ms).toISOString().replace(/[-:T]/g, '').slice(0, 12)}+0000`;

let control = 0;
async function adt(trigger: string, mrn: string, family: string, pv1: string): Promise<void> {
  const message = [
    `MSH|^~\\&|E2E-ADT|E2E-HOSPITAL|CAREDESK|CLINIC|${hl7At(0)}||ADT^${trigger}^ADT_${trigger}|E2E-FUM-${Date.now()}-${++control}|P|2.5.1`,
    `EVN|${trigger}|${hl7At(0)}`,
    `PID|1||${mrn}^^^E2E-HOSPITAL^MR||${family}^Erika||19700101|F`,
    pv1,
  ].join('\r');
  const ack = await sendMllp(server.mllpPort, message);
  expect(ackCodeOf(ack), ack).toBe('AA');
}

/** PV1 with class (PV1-2), visit number (PV1-19), admit (PV1-44), discharge (PV1-45), disposition (PV1-36). */
function pv1(cls: string, visit: string, admit: string, discharge = ''): string {
  const f: string[] = Array.from({ length: 45 }, () => '');
  f[0] = '1';
  f[1] = cls;
  f[2] = 'WARD-3^301^1';
  f[18] = visit;
  f[35] = discharge ? '01' : '';
  f[43] = admit;
  f[44] = discharge;
  return `PV1|${f.join('|')}`;
}

async function stay(
  mrn: string,
  family: string,
  visit: string,
  admitMs: number,
  outMs: number,
  cls = 'I',
) {
  await adt('A01', mrn, family, pv1(cls, visit, hl7At(admitMs)));
  await adt('A03', mrn, family, pv1(cls, visit, hl7At(admitMs), hl7At(outMs)));
}

interface WorkItem {
  id: string;
  caseId: string;
  stepKey: string;
  version: number;
  patientName: string | null;
}

/** Records a call on a patient's first-call task through the API, as the supervisor. */
async function recordFirstCall(page: Page, family: string, outcome: string): Promise<void> {
  const { items } = await pageApiOk<{ items: WorkItem[] }>(
    page,
    'GET',
    '/api/follow-up/worklist?scope=all&due=all&kind=call&limit=100',
  );
  const task = items.find((i) => i.stepKey === 'first-call' && i.patientName?.includes(family));
  expect(task, `a first call for ${family}`).toBeDefined();
  await pageApiOk(page, 'POST', `/api/cases/${task!.caseId}/follow-up/tasks/${task!.id}/calls`, {
    outcome,
    version: task!.version,
  });
}

/** A tile of the totals: its big number and the line under it. */
const tile = (page: Page, name: string): Locator =>
  page
    .locator('.fum-totals > div')
    .filter({ has: page.getByRole('term').filter({ hasText: name }) });

/**
 * Issue #6 point 6 in the browser: discharges sent over MLLP, a readmission, calls
 * recorded; a supervisor reads the follow-up metrics as charts and as numbers, in every
 * language, on a phone, a desktop and at 200 % zoom.
 */
describe('follow-up metrics in the console', () => {
  it('a supervisor sees contact in time, completion, time to contact and readmissions', async () => {
    // Lind: discharged 10 days ago, back as an inpatient 5 days ago, called only now (late).
    await stay('E2E-FUM-1', 'Lind', 'E2E-FUM-V1', -14 * DAY, -10 * DAY);
    await adt('A01', 'E2E-FUM-1', 'Lind', pv1('I', 'E2E-FUM-V1B', hl7At(-5 * DAY)));
    // Ozola: discharged two hours ago and reached now, well within 2 business days.
    await stay('E2E-FUM-2', 'Ozola', 'E2E-FUM-V2', -3 * DAY, -2 * HOUR);
    // Berg: an outpatient visit 20 days ago (the post-visit program), never called back.
    await stay('E2E-FUM-3', 'Berg', 'E2E-FUM-V3', -20 * DAY, -20 * DAY + 2 * HOUR, 'O');

    const { page, close } = await openBrowser(DESKTOP);
    try {
      await firstStaffSignIn(page, server.baseUrl, server.supervisor);
      await recordFirstCall(page, 'Lind', 'reached');
      await recordFirstCall(page, 'Ozola', 'reached');

      await page.getByRole('navigation').getByRole('link', { name: 'Follow-up metrics' }).click();
      await page.getByRole('heading', { level: 1, name: 'Follow-up metrics' }).waitFor();
      await page.getByRole('heading', { level: 2, name: /^Discharges from / }).waitFor();

      const discharges = tile(page, 'Discharges');
      expect(await discharges.locator('.fum-big').innerText()).toBe('3');
      const contact = tile(page, 'Contacted within 2 business days');
      expect(await contact.locator('dd').innerText()).toMatch(/^33%\s+1 of 3$/);
      const completion = tile(page, 'Plans completed');
      expect(await completion.locator('dd').innerText()).toMatch(/^0%\s+0 of 3$/);
      // Median of ~240 h and ~2 h; the 90th percentile is the longer wait.
      const time = tile(page, 'Time to first contact (median)');
      expect(await time.locator('.fum-big').innerText()).toMatch(/^12\d(\.\d)? hr$/);
      expect(await time.locator('.fum-of').innerText()).toMatch(/^90th percentile: 2\d\d/);
      // Ozola's 30 days are not over and she is not back: not counted yet; Berg's visit was
      // an outpatient one, not a stay.
      const readmitted = tile(page, 'Readmitted within 30 days');
      expect(await readmitted.locator('dd').innerText()).toMatch(/^100%\s+1 of 1$/);

      const byProgram = page.getByRole('region', { name: 'By program' });
      const chart = byProgram.getByRole('img', {
        name: 'Contacted within 2 business days, By program: Discharge follow-up: 50%; Post-visit follow-up: 0%',
      });
      await chart.waitFor();
      const row = byProgram.getByRole('row', { name: /Discharge follow-up/ });
      expect((await row.getByRole('cell').allInnerTexts()).map((s) => s.trim())).toEqual([
        '2',
        '50%\n1 of 2',
        '0%\n0 of 2',
        expect.stringMatching(/^12\d(\.\d)? hr\n90th percentile: 2\d\d/),
        '100%\n1 of 1',
      ]);
      const postVisit = byProgram.getByRole('row', { name: /Post-visit follow-up/ });
      expect((await postVisit.getByRole('cell').allInnerTexts()).map((s) => s.trim())).toEqual([
        '1',
        '0%\n0 of 1',
        '0%\n0 of 1',
        'No data',
        'No data',
      ]);
      const byTeam = page.getByRole('region', { name: 'By team' });
      await byTeam.getByRole('img', { name: /^Readmitted within 30 days, By team: / }).waitFor();
      expect(await byTeam.getByRole('row').count()).toBeGreaterThan(1);
      await screenshot(page, 'follow-up-metrics-desktop');

      // A reversed period is refused in the page, next to the dates.
      await page.getByLabel('From', { exact: true }).fill('2026-03-10');
      await page.getByLabel('To', { exact: true }).fill('2026-03-01');
      await page.getByRole('button', { name: 'Show' }).click();
      await page.getByRole('alert').filter({ hasText: 'Choose both dates' }).waitFor();
      expect(await page.getByLabel('From', { exact: true }).getAttribute('aria-invalid')).toBe(
        'true',
      );
      await page.getByLabel('To', { exact: true }).fill('2026-03-31');
      await page.getByRole('button', { name: 'Show' }).click();
      await page.getByText('No discharges in this period.').waitFor();
      await page.reload();
      await tile(page, 'Discharges').waitFor();

      await accessibleEverywhere(page, 'follow-up-metrics');
    } finally {
      await close();
    }
  });

  it('is not in an agent’s console', async () => {
    const { page, close } = await openBrowser(DESKTOP);
    try {
      await firstStaffSignIn(page, server.baseUrl, server.staff);
      await page.getByRole('navigation').getByRole('link').first().waitFor();
      expect(await page.getByRole('link', { name: 'Follow-up metrics' }).count()).toBe(0);
    } finally {
      await close();
    }
  });
});
