import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, openBrowser, PHONE } from './support/browser';
import { accessibleAtBothSizes } from './support/accessible-everywhere';
import { startE2eServer, type E2eServer } from './support/e2e-server';
import { pageApi, pageApiOk } from './support/page-api';
import { firstStaffSignIn } from './support/staff-sign-in';

let server: E2eServer;
beforeAll(async () => {
  server = await startE2eServer();
});
afterAll(async () => {
  await server?.stop();
});

const SUBJECT = 'Mi glucómetro no enciende';
// Markup a patient might type (or paste): shown as the characters they typed, never run.
const MESSAGE = 'Desde ayer el medidor no enciende. <b>¿Qué hago?</b>';
const ANSWER = 'Hola: pruebe a cambiar las pilas. Si sigue sin encender, le enviamos uno nuevo.';
const NOTE = 'Verificar la garantía del medidor antes de reemplazarlo.';

/**
 * The supervisor's set-up, through the API: a Spanish line for device help, worked only
 * by its team, with Ada (a front-desk agent) on the team and Spanish among her languages.
 */
async function spanishLine(page: Page): Promise<string> {
  const staff = await pageApiOk<{ items: Array<{ id: string; email: string }> }>(
    page,
    'GET',
    '/api/admin/staff?limit=200',
  );
  const ada = staff.items.find((s) => s.email === server.staff.email)!.id;
  const team = await pageApiOk<{ id: string }>(page, 'POST', '/api/admin/teams', {
    name: 'Equipo en español',
  });
  await pageApiOk(page, 'PUT', `/api/admin/teams/${team.id}/members/${ada}`);
  await pageApiOk(page, 'POST', '/api/desk/queues', {
    name: 'Línea en español',
    teamId: team.id,
    strategy: 'least-loaded',
    requiredSkills: { languages: ['es'], categories: [] },
    matches: { categories: ['device-help'], priorities: [], channels: [] },
    order: 1,
    active: true,
  });
  await pageApiOk(page, 'PUT', `/api/desk/agents/${ada}`, {
    languages: ['en', 'es'],
    categories: ['device-help'],
    capacity: 5,
  });
  return ada;
}

/** The portal patient says, on their own record, that they speak Spanish. */
async function prefersSpanish(page: Page, patientId: string): Promise<void> {
  const p = await pageApiOk<Record<string, unknown>>(page, 'GET', `/api/patients/${patientId}`);
  await pageApiOk(page, 'PUT', `/api/patients/${patientId}/contact-preferences`, {
    telecom: p.telecom,
    preferredLanguage: 'es',
    preferredChannel: p.preferredChannel,
    quietHours: p.quietHours,
    version: p.version,
  });
}

describe('service desk cases, from the portal to an agent and back (issue #5 point 9)', () => {
  it('a Spanish request reaches the Spanish-speaking agent; the patient reads the answer, never the note', async () => {
    const supervisor = await openBrowser(DESKTOP);
    const agent = await openBrowser(DESKTOP);
    const patient = await openBrowser(PHONE);
    try {
      await firstStaffSignIn(supervisor.page, server.baseUrl, server.supervisor);
      await spanishLine(supervisor.page);

      // The patient signs in (the account reads Spanish) and asks for help with a device.
      const p = patient.page;
      await p.goto(`${server.baseUrl}/portal/sign-in`);
      await p.getByLabel('E-mail').fill(server.patient.email);
      await p.getByLabel('Password').fill(server.patient.password);
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p.getByRole('heading', { name: /Hola/ }).waitFor();
      const me = await pageApiOk<{ account: { patientId: string } }>(p, 'GET', '/api/auth/me');
      await prefersSpanish(p, me.account.patientId);

      await p.getByRole('navigation').getByRole('link', { name: 'Pedir ayuda' }).click();
      await p.getByRole('heading', { level: 1, name: 'Pedir ayuda' }).waitFor();
      // Sending nothing says what is missing, in Spanish, and goes to the first question.
      await p.getByRole('button', { name: 'Enviar mi solicitud' }).click();
      await p.getByText('Elija con qué necesita ayuda.').waitFor();
      // Focus moves in the animation frame after the message renders (get-help-page.tsx).
      await expect
        .poll(() => p.evaluate(() => (document.activeElement as HTMLInputElement).value))
        .toBe('refill');
      await accessibleAtBothSizes(p, 'help-get-help');
      await p.getByLabel('Ayuda con un dispositivo').check();
      await p.getByLabel('En pocas palabras, ¿de qué se trata?').fill(SUBJECT);
      await p.getByLabel('Cuéntenos más').fill(MESSAGE);
      await p.getByRole('button', { name: 'Enviar mi solicitud' }).click();
      await p.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
      const caseId = new URL(p.url()).pathname.split('/').at(-1)!;
      const notice = p.getByRole('status').filter({ hasText: 'Su solicitud se ha enviado' });
      expect(await notice.innerText()).toMatch(/Su número es C-\d{6}\./);
      expect(await p.getByText('Recibida').count()).toBeGreaterThan(0);

      // Ada finds it among her own cases: routed to her, the Spanish speaker on the line.
      const a = agent.page;
      await firstStaffSignIn(a, server.baseUrl, server.staff);
      await a.getByRole('navigation').getByRole('link', { name: 'Cases' }).click();
      await a.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
      expect(await a.getByRole('link', { name: 'My cases' }).getAttribute('aria-current')).toBe(
        'page',
      );
      const row = a.getByTestId('inbox').getByRole('row').filter({ hasText: SUBJECT });
      await row.waitFor();
      expect(await row.innerText()).toContain('Device help');
      expect(await row.getByRole('cell').last().innerText()).toBe('Me');
      await accessibleAtBothSizes(a, 'cases-inbox');

      await row.getByRole('link').click();
      await a.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
      expect(a.url()).toContain(`/console/cases/${caseId}`);
      const side = a.getByRole('complementary', { name: 'About this case' });
      expect(await side.innerText()).toContain('Case language\nSpanish');
      // The patient's markup is shown as the characters they typed.
      await a.getByText(MESSAGE).waitFor();
      expect(await a.locator('.case-message-body b').count()).toBe(0);
      expect(await a.locator('[data-slot="macro-picker"]').count()).toBe(1);
      expect(await a.locator('[data-slot="kb-suggestions"]').count()).toBe(1);

      // A public answer that leaves the case waiting on the patient…
      await a.getByLabel('Your reply to the patient').fill(ANSWER);
      await a.getByRole('button', { name: 'Reply and wait on patient' }).click();
      await a.getByRole('status').filter({ hasText: 'Reply sent.' }).waitFor();
      await a.getByText(ANSWER).waitFor();
      // …and a note for colleagues, marked as such and drawn apart.
      await a.getByLabel('Internal note (staff only)').check();
      await a.getByLabel('Your note for colleagues').fill(NOTE);
      await a.getByRole('button', { name: 'Add internal note' }).click();
      await a.getByRole('status').filter({ hasText: 'Internal note added.' }).waitFor();
      const note = a.getByTestId('internal-note').filter({ hasText: NOTE });
      expect(await note.innerText()).toContain('Internal note');
      expect(await note.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
        'rgb(255, 244, 214)',
      );
      const facts = await a.locator('.case-facts').innerText();
      expect(facts).toContain('Waiting on patient');
      await a.getByLabel('Public reply (the patient sees it)').check();
      await accessibleAtBothSizes(a, 'cases-case');

      // A colleague changes the case meanwhile: Ada's stale save is refused, plainly.
      await a.getByRole('complementary').getByLabel('Priority').selectOption('urgent');
      const read = await pageApiOk<{ case: { version: number } }>(
        supervisor.page,
        'GET',
        `/api/cases/${caseId}`,
      );
      await pageApiOk(supervisor.page, 'PATCH', `/api/cases/${caseId}`, {
        version: read.case.version,
        tags: ['garantia'],
      });
      await a.getByRole('button', { name: 'Save changes' }).click();
      await a.getByRole('alert').filter({ hasText: 'Someone else changed this case' }).waitFor();
      await a.locator('.case-tags').getByText('garantia').waitFor();
      expect(await a.locator('.case-facts').innerText()).toContain('Routine');

      // The patient reads the answer in Spanish; the note never reaches their browser.
      await p.reload();
      await p.getByText(ANSWER).waitFor();
      expect(await p.locator('html').getAttribute('lang')).toBe('es');
      const page = await p.locator('main').innerText();
      expect(page).toContain('Esperando su respuesta');
      expect(page).not.toContain(NOTE);
      expect(page).not.toContain('Nota interna');
      expect(page).not.toContain('Ada Front');
      const raw = await pageApi<{ messages: Array<{ body: string }> }>(
        p,
        'GET',
        `/api/cases/${caseId}`,
      );
      expect(raw.body.messages.map((m) => m.body)).toEqual([MESSAGE, ANSWER]);
      await accessibleAtBothSizes(p, 'help-request');

      // Their reply wakes the case, and their list says where it stands.
      await p.getByLabel('Escriba una respuesta').fill('Gracias, ya enciende.');
      await p.getByRole('button', { name: 'Enviar respuesta' }).click();
      await p.getByRole('status').filter({ hasText: 'Su respuesta se ha enviado.' }).waitFor();
      await p.getByText('Estamos trabajando en ella').first().waitFor();
      await p.getByRole('link', { name: 'Todas mis solicitudes' }).click();
      const mine = p.getByTestId('requests').getByRole('listitem').filter({ hasText: SUBJECT });
      expect(await mine.innerText()).toContain('Estamos trabajando en ella');
      await accessibleAtBothSizes(p, 'help-requests');

      // A supervisor opens a case for a caller nobody has identified yet.
      const s = supervisor.page;
      await s.getByRole('navigation').getByRole('link', { name: 'Cases' }).click();
      await s.getByRole('button', { name: 'New case' }).click();
      const dialog = s.getByRole('dialog', { name: 'New case' });
      await dialog.getByLabel('A caller not identified yet').check();
      await dialog.getByRole('button', { name: 'Open case' }).click();
      await dialog.getByText("Give the caller's name or phone number.").waitFor();
      await dialog.getByLabel('Name').fill('Jonas Berg');
      await dialog.getByLabel('Phone').fill('+47 912 34 567');
      await dialog.getByLabel('Category').selectOption('billing-question');
      await dialog.getByLabel('Subject').fill('Asks why his bill doubled');
      await accessibleAtBothSizes(s, 'cases-new-caller');
      await dialog.getByRole('button', { name: 'Open case' }).click();
      await s.getByRole('heading', { level: 1, name: 'Asks why his bill doubled' }).waitFor();
      const header = await s.locator('.case-facts').innerText();
      expect(header).toContain('Jonas Berg (not identified)');
      const panel = s.getByRole('complementary', { name: 'About this case' });
      expect(await panel.innerText()).toContain('This caller has not been identified.');

      // He turns out to be a patient: found, checked on two details, and linked.
      await panel.getByRole('button', { name: 'This is the patient' }).click();
      await panel.getByText('Find and choose the patient first.').waitFor();
      await panel
        .getByRole('combobox', { name: 'Find a patient' })
        .fill(server.familyName.slice(0, 4).toLowerCase());
      await panel.getByRole('listbox').getByRole('option').first().click();
      await panel.getByLabel('Full name').check();
      await panel.getByRole('button', { name: 'This is the patient' }).click();
      await panel.getByText('Tick at least two details.').waitFor();
      await panel.getByLabel('Date of birth').check();
      await accessibleAtBothSizes(s, 'cases-identify-caller');
      await panel.getByRole('button', { name: 'This is the patient' }).click();
      await s.getByRole('status').filter({ hasText: 'The caller is verified.' }).waitFor();
      const named = s.locator('.case-facts').getByRole('link');
      expect((await named.innerText()).toLowerCase()).toContain(server.familyName.toLowerCase());
      await s.getByText('Caller identified as the patient (Full name, Date of birth)').waitFor();
    } finally {
      await supervisor.close();
      await agent.close();
      await patient.close();
    }
  });
});
