import type { Page } from 'playwright-core';
import { startSmtpSink, type SmtpSink } from '@caredesk/server/testing/smtp-sink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, openBrowser, PHONE, screenshot, seriousViolations } from './support/browser';
import { accessibleAtBothSizes } from './support/accessible-everywhere';
import { startE2eServer, type E2eServer } from './support/e2e-server';
import { pageApi, pageApiOk } from './support/page-api';
import { firstStaffSignIn } from './support/staff-sign-in';

const MAIL_DOMAIN = 'clinic.example';

type Browser = Awaited<ReturnType<typeof openBrowser>>;
let sink: SmtpSink;
let server: E2eServer;
// One sign-in each for the whole file: a staff member's first sign-in sets up two-step.
let supervisor: Browser;
let agent: Browser;
let patient: Browser;
let patientId = '';
beforeAll(async () => {
  // A real SMTP server process: the clinic's outbound mail goes there, nowhere else.
  sink = await startSmtpSink();
  server = await startE2eServer({
    env: { SMTP_URL: `smtp://127.0.0.1:${sink.port}`, MAIL_DOMAIN },
  });
  supervisor = await openBrowser(DESKTOP);
  agent = await openBrowser(DESKTOP);
  patient = await openBrowser(PHONE);
});
afterAll(async () => {
  await supervisor?.close();
  await agent?.close();
  await patient?.close();
  await server?.stop();
  await sink?.stop();
});

/** 1440×900 at 200 % zoom lays out like a 720×450 window (WCAG 1.4.4 and 1.4.10). */
const ZOOMED = { width: 720, height: 450 };

/**
 * The page in each other language, chosen with the picker: no serious axe violation and
 * no sideways scroll on a phone or at 200 % zoom (long Latvian and Norwegian words).
 */
async function inEveryLanguage(page: Page, name: string, back: string): Promise<void> {
  for (const lang of ['en', 'lv', 'nb', 'es'].filter((l) => l !== back).concat(back)) {
    await page.locator('.language-picker select').selectOption(lang);
    await page.locator(`html[lang="${lang}"]`).waitFor();
    if (lang === back) break;
    for (const viewport of [PHONE, ZOOMED]) {
      await page.setViewportSize(viewport);
      expect(await seriousViolations(page), `${name} ${lang}`).toEqual([]);
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(sideways, `${name} ${lang} ${viewport.width}px: sideways`).toBeLessThanOrEqual(0);
    }
    await screenshot(page, `${name}-${lang}-zoomed`);
  }
}

// A 1×1 PNG: what a phone's photo of an insurance card is, in miniature.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const SUBJECT = 'Mi seguro rechazó la factura de la resonancia';
const MESSAGE = 'La aseguradora dice que falta un documento. ¿Qué necesitan de mí?';
/** From the demo macro "We need your insurance card photo", in Spanish. */
const MACRO_TEXT = 'necesitamos una foto nítida de las dos caras de su tarjeta del seguro';

/** The supervisor's set-up: a Spanish line for claim help, with Ada on it and speaking Spanish. */
async function spanishClaimsLine(page: Page): Promise<void> {
  const staff = await pageApiOk<{ items: Array<{ id: string; email: string }> }>(
    page,
    'GET',
    '/api/admin/staff?limit=200',
  );
  const ada = staff.items.find((s) => s.email === server.staff.email)!.id;
  const team = await pageApiOk<{ id: string }>(page, 'POST', '/api/admin/teams', {
    name: 'Reclamaciones en español',
  });
  await pageApiOk(page, 'PUT', `/api/admin/teams/${team.id}/members/${ada}`);
  await pageApiOk(page, 'POST', '/api/desk/queues', {
    name: 'Reclamaciones',
    teamId: team.id,
    strategy: 'least-loaded',
    requiredSkills: { languages: ['es'], categories: [] },
    matches: { categories: ['claim-help'], priorities: [], channels: [] },
    order: 1,
    active: true,
  });
  await pageApiOk(page, 'PUT', `/api/desk/agents/${ada}`, {
    languages: ['en', 'es'],
    categories: ['claim-help'],
    capacity: 5,
  });
}

/** The patient reads Spanish and wants answers by e-mail, at any hour, at their own address. */
async function spanishByEmail(page: Page, patientId: string, email: string): Promise<void> {
  const p = await pageApiOk<{ telecom: Array<{ system: string }> } & Record<string, unknown>>(
    page,
    'GET',
    `/api/patients/${patientId}`,
  );
  await pageApiOk(page, 'PUT', `/api/patients/${patientId}/contact-preferences`, {
    telecom: [...p.telecom.filter((c) => c.system !== 'email'), { system: 'email', value: email }],
    preferredLanguage: 'es',
    preferredChannel: 'email',
    quietHours: null,
    version: p.version,
  });
}

describe('a Spanish request answered with a macro, by e-mail and in the portal (issue #5 point 9)', () => {
  it('routes, answers in Spanish, mails a copy, takes a photo, is resolved and rated', async () => {
    await firstStaffSignIn(supervisor.page, server.baseUrl, server.supervisor);
    await spanishClaimsLine(supervisor.page);

    // The patient signs in (their account reads Spanish) and asks for help with a claim.
    const p = patient.page;
    await p.goto(`${server.baseUrl}/portal/sign-in`);
    await p.getByLabel('E-mail').fill(server.patient.email);
    await p.getByLabel('Password').fill(server.patient.password);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.getByRole('heading', { name: /Hola/ }).waitFor();
    const me = await pageApiOk<{ account: { patientId: string } }>(p, 'GET', '/api/auth/me');
    patientId = me.account.patientId;
    await spanishByEmail(p, patientId, server.patient.email);
    await p.getByRole('navigation').getByRole('link', { name: 'Pedir ayuda' }).click();
    await p.getByLabel('Ayuda con un reclamo al seguro').check();
    await p.getByLabel('En pocas palabras, ¿de qué se trata?').fill(SUBJECT);
    await p.getByLabel('Cuéntenos más').fill(MESSAGE);
    await p.getByRole('button', { name: 'Enviar mi solicitud' }).click();
    await p.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    const caseId = new URL(p.url()).pathname.split('/').at(-1)!;
    // Nothing to rate yet: the request is not resolved.
    expect(await p.getByRole('heading', { name: '¿Qué tal lo hicimos?' }).count()).toBe(0);

    // It reaches Ada, the Spanish speaker on the claims line.
    const a = agent.page;
    await firstStaffSignIn(a, server.baseUrl, server.staff);
    await a.getByRole('navigation').getByRole('link', { name: 'Cases' }).click();
    const row = a.getByTestId('inbox').getByRole('row').filter({ hasText: SUBJECT });
    await row.getByRole('link').click();
    await a.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    expect(a.url()).toContain(`/console/cases/${caseId}`);

    // She answers with a macro: chosen in English, filled in the patient's Spanish.
    await a.getByLabel('Find a macro').fill('insurance card');
    await a.getByRole('button', { name: 'We need your insurance card photo' }).click();
    await a.getByRole('button', { name: 'Insert into the reply' }).click();
    const reply = a.getByLabel('Your reply to the patient');
    await expect.poll(() => reply.inputValue()).toContain(MACRO_TEXT);
    await a
      .getByText('Sending this reply will also set the status to Waiting on patient.')
      .waitFor();
    await a.getByRole('button', { name: 'Send reply', exact: true }).click();
    await a.getByRole('status').filter({ hasText: 'Reply sent.' }).waitFor();
    // The page says "sent" at once and shows the new status once it has read the case again.
    await expect.poll(() => a.locator('.case-facts').innerText()).toContain('Waiting on patient');

    // The patient reads it in the portal, in Spanish…
    await p.reload();
    await p.getByText(MACRO_TEXT).waitFor();
    expect(await p.locator('main').innerText()).toContain('Esperando su respuesta');

    // …and the e-mail copy reached the SMTP server: Spanish, with the case's reply address.
    const mail = await sink.waitFor((m) => m.envelope.to.includes(server.patient.email), 30_000);
    expect(mail.text).toContain(MACRO_TEXT);
    expect(mail.text).toContain('También puede leer y responder esto en su portal del paciente');
    expect(mail.text).toContain(`/portal/requests/${caseId}`);
    expect(mail.subject).toContain(SUBJECT);
    const replyTo = mail.replyTo?.value[0]?.address ?? '';
    expect(replyTo).toMatch(new RegExp(`^reply\\+[^@]+@${MAIL_DOMAIN.replace('.', '\\.')}$`));

    // The patient sends the photo. A program is turned away at once, by name, in Spanish.
    const files = p.getByLabel('Adjuntar archivos');
    await files.setInputFiles({
      name: 'tarjeta.pdf.exe',
      mimeType: 'application/octet-stream',
      buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 1)]),
    });
    await p
      .getByRole('alert')
      .filter({ hasText: 'tarjeta.pdf.exe es un programa o un script' })
      .waitFor();
    await files.setInputFiles({ name: 'tarjeta.png', mimeType: 'image/png', buffer: PNG });
    const chosen = p.getByRole('list', { name: 'Archivos para enviar' });
    expect(await chosen.innerText()).toContain('tarjeta.png');
    expect(await chosen.innerText()).not.toContain('tarjeta.pdf.exe');
    await p.getByLabel('Escriba una respuesta').fill('Aquí tienen la foto de mi tarjeta.');
    await p.getByRole('button', { name: 'Enviar respuesta' }).click();
    await p.getByRole('status').filter({ hasText: 'Su respuesta se ha enviado.' }).waitFor();
    const mine = p.getByRole('list', { name: 'Archivos adjuntos' });
    await mine.getByRole('link', { name: 'tarjeta.png' }).waitFor();
    expect(await p.getByRole('list', { name: 'Archivos para enviar' }).count()).toBe(0);

    // Ada sees the file on the patient's message and downloads exactly what was sent.
    await a.reload();
    const theirs = a
      .getByTestId('message')
      .filter({ hasText: 'Aquí tienen la foto de mi tarjeta.' })
      .getByRole('link', { name: 'tarjeta.png' });
    await theirs.waitFor();
    const href = (await theirs.getAttribute('href'))!;
    const download = await a.evaluate(async (url) => {
      const res = await fetch(url);
      return {
        disposition: res.headers.get('content-disposition'),
        type: res.headers.get('content-type'),
        bytes: [...new Uint8Array(await res.arrayBuffer())],
      };
    }, href);
    expect(download.disposition).toMatch(/^attachment;/);
    expect(download.type).toBe('image/png');
    expect(Buffer.from(download.bytes).equals(PNG)).toBe(true);
    await accessibleAtBothSizes(a, 'case-attachments');

    // She answers with a file of her own, and resolves the request.
    await reply.fill('Gracias, la hemos recibido. Le enviamos el formulario completado.');
    await a.getByLabel('Attach files').setInputFiles({
      name: 'formulario.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Formulario de reclamación\n'),
    });
    await a.getByRole('button', { name: 'Reply and resolve' }).click();
    await a.getByRole('status').filter({ hasText: 'Reply sent.' }).waitFor();
    await expect.poll(() => a.locator('.case-facts').innerText()).toContain('Resolved');

    // The patient gets her file and is asked how it went, with words for every score.
    await p.reload();
    await p.getByRole('link', { name: 'formulario.txt' }).waitFor();
    const survey = p.getByRole('region', { name: '¿Qué tal lo hicimos?' });
    await survey.waitFor();
    const scores = survey.getByRole('group', {
      name: '¿Qué tan satisfecho está con la ayuda que recibió?',
    });
    expect(await scores.getByRole('radio').count()).toBe(5);
    await accessibleAtBothSizes(p, 'help-request-survey');
    await inEveryLanguage(p, 'help-request-survey', 'es');
    await survey.getByRole('button', { name: 'Enviar mi respuesta' }).click();
    await survey.getByText('Elija su grado de satisfacción, del 1 al 5.').waitFor();
    await scores.getByRole('radio', { name: /Muy satisfecho/ }).check();
    await survey.getByLabel('¿Quiere añadir algo? (opcional)').fill('Rápido y claro.');
    await survey.getByRole('button', { name: 'Enviar mi respuesta' }).click();
    await survey.getByRole('status').filter({ hasText: 'Gracias por su respuesta.' }).waitFor();
    // One answer per request: a second one is refused.
    const again = await pageApi(p, 'POST', `/api/cases/${caseId}/survey`, { score: 1 });
    expect(again.status).toBe(409);
    await p.reload();
    await p.getByText('Usted respondió 5 de 5. Gracias.').waitFor();
    await accessibleAtBothSizes(p, 'help-request-answered');

    // The supervisor reads the result by agent: Ada, one answer, all fives.
    const s = supervisor.page;
    await s.getByRole('navigation').getByRole('link', { name: 'Satisfaction' }).click();
    await s.getByRole('heading', { level: 1, name: 'Patient satisfaction' }).waitFor();
    const ada = s.getByRole('row').filter({ hasText: 'Ada Front' });
    await ada.waitFor();
    expect(await ada.getByRole('cell').allInnerTexts()).toEqual(
      expect.arrayContaining(['1', '5.0']),
    );
    expect(await ada.innerText()).toContain('Score 5: 1 answer');
    await accessibleAtBothSizes(s, 'csat');
    await inEveryLanguage(s, 'csat', 'en');
    await s.getByLabel('Group by').selectOption('category');
    await s.getByRole('button', { name: 'Show' }).click();
    await s.getByRole('row').filter({ hasText: 'Insurance claim help' }).waitFor();
  });

  it('records a disclosure once the caller is verified, and refuses one the consent does not cover', async () => {
    // The patient's daughter may hear about appointments and medications, not bills.
    await server.addCaregiver();
    const a = agent.page;
    const phoned = await pageApiOk<{ id: string }>(a, 'POST', '/api/cases', {
      channel: 'phone',
      category: 'billing-question',
      subject: 'Daughter calls about the MRI appointment',
      patientId,
    });
    await a.goto(`${server.baseUrl}/console/cases/${phoned.id}`);
    await a
      .getByRole('heading', { level: 1, name: 'Daughter calls about the MRI appointment' })
      .waitFor();
    // Nothing may be told before the caller is verified: no disclosure to record either.
    expect(await a.getByRole('button', { name: 'Record a disclosure' }).count()).toBe(0);
    const panel = a.getByRole('complementary', { name: 'About this case' });
    await panel.getByLabel('Full name').check();
    await panel.getByLabel('Date of birth').check();
    await panel.getByRole('button', { name: 'Record the verification' }).click();
    await a.getByRole('status').filter({ hasText: 'The caller is verified.' }).waitFor();

    await a.getByRole('button', { name: 'Record a disclosure' }).click();
    const dialog = a.getByRole('dialog', { name: 'Record a disclosure' });
    await dialog.getByRole('button', { name: 'Record disclosure' }).click();
    await dialog.getByText('Say why it was given.').waitFor();
    expect(await dialog.getByLabel('Person').inputValue()).not.toBe('');
    expect(await dialog.getByLabel('Person').locator('option').first().innerText()).toMatch(
      /^Liv .+ \(Daughter\)$/,
    );
    await dialog.getByLabel('What kind of information').selectOption('billing');
    await dialog.getByLabel('Why it was given').fill('She pays the bill for her mother');
    await dialog.getByLabel('What was given, in a few words').fill('The amount still owed');
    await accessibleAtBothSizes(a, 'case-disclosure');
    await dialog.getByRole('button', { name: 'Record disclosure' }).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: /^Liv .+ has no consent in force from the patient for bills\./ })
      .waitFor();
    // Appointments are covered: recorded, and the timeline says so.
    await dialog.getByLabel('What kind of information').selectOption('appointments');
    await dialog.getByLabel('Why it was given').fill('She drives her mother to the MRI');
    await dialog.getByLabel('What was given, in a few words').fill('Date and time of the MRI');
    await dialog.getByRole('button', { name: 'Record disclosure' }).click();
    await a.getByRole('status').filter({ hasText: 'Disclosure recorded.' }).waitFor();
    expect(await dialog.count()).toBe(0);
    await a
      .getByText('Disclosure recorded: appointments (She drives her mother to the MRI)')
      .waitFor();
  });
});
