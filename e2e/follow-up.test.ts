import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, openBrowser, PHONE } from './support/browser';
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

/** An admit and a discharge home (PV1-36 01) as a hospital's interface engine sends them. */
function adt(trigger: 'A01' | 'A03', mrn: string, family: string): string {
  const pv1 = Array.from({ length: 45 }, () => '');
  pv1[0] = '1';
  pv1[1] = 'I';
  pv1[18] = `V-${mrn}`;
  pv1[43] = '20261124080000';
  if (trigger === 'A03') {
    pv1[35] = '01';
    pv1[44] = '20261124100000';
  }
  return [
    `MSH|^~\\&|E2E-ADT|E2E-HOSPITAL|CAREDESK|CLINIC|20261124101500||ADT^${trigger}^ADT_${trigger}|${mrn}-${trigger}|P|2.5.1`,
    `EVN|${trigger}|20261124101500`,
    `PID|1||${mrn}^^^E2E-HOSPITAL^MR||${family}^Ilse||19480312|F`,
    `PV1|${pv1.join('|')}`,
  ].join('\r');
}

/** The metrics page's "contacted within 2 business days" tile (e2e/follow-up-metrics.test.ts). */
const contactTile = (page: Page) =>
  page.locator('.fum-totals > div').filter({
    has: page.getByRole('term').filter({ hasText: 'Contacted within 2 business days' }),
  });

/**
 * Issue #6 point 7 in the browser: a discharge sent over MLLP is on the open worklist
 * within a second; the agent records an unanswered call, then a reached one.
 */
describe('follow-up in the console', () => {
  it('shows a discharge as a due call within a second, records the calls, and the metric moves', async () => {
    const { page, close } = await openBrowser(DESKTOP);
    const supervisor = await openBrowser(DESKTOP);
    try {
      await firstStaffSignIn(page, server.baseUrl, server.staff);
      await page.getByRole('link', { name: 'Follow-up worklist' }).click();
      await page.getByRole('heading', { level: 1, name: 'Follow-up worklist' }).waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: /task|No open/ })
        .waitFor();

      const mrn = `E2E-FU-${Date.now()}`;
      const family = `Kalnina${Date.now().toString(36)}`;
      expect(ackCodeOf(await sendMllp(server.mllpPort, adt('A01', mrn, family)))).toBe('AA');
      expect(ackCodeOf(await sendMllp(server.mllpPort, adt('A03', mrn, family)))).toBe('AA');
      const acknowledged = Date.now();
      const call = page
        .getByRole('row')
        .filter({ hasText: family })
        .filter({ hasText: 'Call the patient' });
      await call.waitFor({ timeout: 5_000 });
      expect(Date.now() - acknowledged, 'A03 acknowledged → on the worklist').toBeLessThan(1_000);
      await accessibleEverywhere(page, 'follow-up-worklist');

      // The supervisor's metric before anyone has called: this discharge is not counted yet.
      const s = supervisor.page;
      await firstStaffSignIn(s, server.baseUrl, server.supervisor);
      await s.getByRole('navigation').getByRole('link', { name: 'Follow-up metrics' }).click();
      const contacted = contactTile(s);
      await contacted.waitFor();
      expect(await contacted.locator('dd').innerText()).not.toMatch(/1 of 1/);

      await call.getByRole('link').click();
      const plan = page.getByRole('region', { name: /Follow-up plan: Discharge follow-up/ });
      await plan.waitFor();
      const firstCall = plan.getByTestId('task-first-call');
      await firstCall.getByLabel('Outcome').selectOption('no-answer');
      await firstCall.getByRole('button', { name: 'Record the call' }).click();
      await firstCall.getByText('1 unanswered call').waitFor();
      expect(await firstCall.getByText('In progress').count()).toBe(1);

      await firstCall.getByLabel('Outcome').selectOption('reached');
      await firstCall
        .getByLabel('Note (optional)')
        .fill('Home, feeling better; appointment on Friday.');
      await firstCall.getByRole('button', { name: 'Record the call' }).click();
      await firstCall.getByText('Done', { exact: true }).waitFor();
      const calls = plan.getByTestId('follow-up-calls').locator('li');
      await expect.poll(() => calls.count()).toBe(2);
      expect(await calls.nth(0).innerText()).toContain('No answer');
      expect(await calls.nth(1).innerText()).toContain('Reached');
      await page.getByText('Follow-up call: Reached').waitFor();
      await accessibleEverywhere(page, 'follow-up-plan');

      // Reached within 2 business days: the supervisor's figure says so.
      await s.reload();
      await contactTile(s).waitFor();
      expect(await contactTile(s).locator('dd').innerText()).toMatch(/^100%\s+1 of 1$/);
    } finally {
      await close();
      await supervisor.close();
    }
  });

  it('shows the patient their plan in their language in the portal', async () => {
    const supervisor = await openBrowser(DESKTOP);
    const patient = await openBrowser(PHONE);
    try {
      const p = patient.page;
      await p.goto(`${server.baseUrl}/portal/sign-in`);
      await p.getByLabel('E-mail').fill(server.patient.email);
      await p.getByLabel('Password').fill(server.patient.password);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.getByRole('heading', { name: /Hola/ }).waitFor();
      const me = await pageApiOk<{ account: { patientId: string } }>(p, 'GET', '/api/auth/me');
      const patientId = me.account.patientId;
      const record = await pageApiOk<Record<string, unknown>>(
        p,
        'GET',
        `/api/patients/${patientId}`,
      );
      await pageApiOk(p, 'PUT', `/api/patients/${patientId}/contact-preferences`, {
        telecom: record.telecom,
        preferredLanguage: 'es',
        preferredChannel: record.preferredChannel,
        quietHours: record.quietHours,
        version: record.version,
      });

      // A nurse enrols her in diabetes care (a chronic program: no discharge starts it).
      await firstStaffSignIn(supervisor.page, server.baseUrl, server.nurse);
      const plan = await pageApiOk<{ caseId: string }>(
        supervisor.page,
        'POST',
        `/api/patients/${patientId}/follow-up-plans`,
        { programCode: 'diabetes-care' },
      );

      await p.goto(`${server.baseUrl}/portal/requests/${plan.caseId}`);
      await p.getByRole('heading', { level: 1, name: 'Cuidado de la diabetes' }).waitFor();
      const mine = p.getByTestId('my-plan');
      await mine
        .getByRole('heading', { name: 'Su plan de seguimiento: Cuidado de la diabetes' })
        .waitFor();
      await mine.getByRole('heading', { name: 'Lo que viene' }).waitFor();
      expect(await mine.getByRole('listitem').count()).toBe(4);
      expect(await mine.innerText()).toContain('9 pasos más, más adelante en el plan.');
      expect(await mine.innerText()).toContain(
        'Nos pondremos en contacto con usted sobre «Contacto de control»',
      );
      // Staff words stay with staff: no scripts or checklists in the portal.
      expect(await mine.innerText()).not.toContain('hipoglucemias');
      await accessibleEverywhere(p, 'follow-up-portal');
    } finally {
      await supervisor.close();
      await patient.close();
    }
  });
});
