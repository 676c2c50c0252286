import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, openBrowser, PHONE, screenshot, seriousViolations } from './support/browser';
import { startE2eServer, type E2eServer } from './support/e2e-server';

let server: E2eServer;
beforeAll(async () => {
  server = await startE2eServer();
});
afterAll(async () => {
  await server?.stop();
});

async function signInPatient(page: Page) {
  await page.goto(`${server.baseUrl}/portal/sign-in`);
  await page.getByLabel('E-mail').fill(server.patient.email);
  await page.getByLabel('Password').fill(server.patient.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The account prefers Spanish.
  await page.getByRole('heading', { name: /Hola/ }).waitFor();
}

describe('who opened my record', () => {
  it('is empty until someone else opens the record', async () => {
    const { page, close } = await openBrowser(PHONE);
    try {
      await signInPatient(page);
      await page
        .getByRole('navigation')
        .getByRole('link', { name: 'Quién abrió mi historia' })
        .click();
      await page.getByText('Nadie más ha abierto su historia todavía.').waitFor();
    } finally {
      await close();
    }
  });

  it('lists a connected system that opened the record, with when, what and why', async () => {
    await server.readPatientAsIntegration();
    for (const [size, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
      const { page, close } = await openBrowser(viewport);
      try {
        await signInPatient(page);
        await page.getByRole('link', { name: 'Quién abrió mi historia' }).click();
        const log = page.getByTestId('access-log');
        await log.waitFor();
        const first = log.getByRole('listitem').first();
        expect(await first.innerText()).toMatch(/Sistema conectado|test /);
        expect(await first.innerText()).toContain('Abrió su historia');
        expect(await first.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
        // The patient's own visits to the page are not in it.
        expect(await log.getByRole('listitem').count()).toBe(1);
        // The current page is marked for assistive technology.
        expect(
          await page
            .getByRole('link', { name: 'Quién abrió mi historia' })
            .getAttribute('aria-current'),
        ).toBe('page');
        expect(await seriousViolations(page), size).toEqual([]);
        await screenshot(page, `portal-access-log-${size}`);
      } finally {
        await close();
      }
    }
  });
});

describe('my caregivers', () => {
  it('shows what a caregiver may see and stops sharing at once, after asking', async () => {
    await server.addCaregiver();
    const { page, close } = await openBrowser(PHONE);
    try {
      await signInPatient(page);
      // Consents answer slowly here: the page must not say "sees nothing" meanwhile.
      await page.route('**/consents', async (route) => {
        await new Promise((r) => setTimeout(r, 700));
        await route.continue();
      });
      await page.getByRole('link', { name: 'Mis cuidadores' }).click();
      const list = page.getByTestId('caregivers');
      const liv = list.getByRole('listitem').filter({ hasText: 'Liv' });
      await liv.waitFor();
      expect(await liv.innerText()).toContain('Hija');
      expect(await liv.innerText()).toContain('Puede ver: citas y medicamentos.');
      expect(await seriousViolations(page)).toEqual([]);

      await liv.getByRole('button', { name: /Dejar de compartir con Liv/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'portal-stop-sharing-phone');
      // Cancel changes nothing.
      await dialog.getByRole('button', { name: 'Cancelar' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await liv.innerText()).toContain('Puede ver: citas y medicamentos.');

      await liv.getByRole('button', { name: /Dejar de compartir con Liv/ }).click();
      await dialog.getByRole('button', { name: 'Dejar de compartir' }).click();
      await page
        .getByRole('status')
        .getByText(/ya no ve nada sobre usted/)
        .waitFor();
      await expect
        .poll(() => liv.innerText())
        .toContain('No tiene un consentimiento vigente: no ve nada.');
      expect(await liv.getByRole('button').count()).toBe(0);
    } finally {
      await close();
    }
  });
});

describe('several tabs, one session', () => {
  it('counts activity in any tab, and signing out in one signs out all', async () => {
    const { context, page: first, close } = await openBrowser(DESKTOP);
    try {
      await context.clock.install();
      await first.goto(`${server.baseUrl}/portal/sign-in`);
      await first.getByLabel('E-mail').fill(server.patient.email);
      await first.getByLabel('Password').fill(server.patient.password);
      await first.getByRole('button', { name: 'Sign in' }).click();
      await first.getByRole('heading', { name: /Hola/ }).waitFor();
      const second = await context.newPage();
      await second.goto(`${server.baseUrl}/portal`);
      await second.getByRole('heading', { name: /Hola/ }).waitFor();

      // Twenty quiet minutes, then the patient works in the second tab...
      await context.clock.fastForward('20:00');
      await second.getByRole('link', { name: 'Quién abrió mi historia' }).click();
      await second.getByRole('heading', { name: 'Quién abrió mi historia' }).waitFor();
      // The activity reaches the first tab as a message between tabs, in real time: let
      // it arrive before the clocks jump (on a busy machine it can take a moment).
      await first.waitForTimeout(1_000);
      // ...so at 29½ minutes the first tab, idle on its own, neither warns nor signs out.
      await context.clock.fastForward('09:30');
      // Let the tabs' timers run (real time: the page clocks only move when told to).
      await context.clock.runFor(2_000);
      await first.waitForTimeout(500);
      expect(await first.getByRole('dialog').isVisible()).toBe(false);
      expect(new URL(first.url()).pathname).toBe('/portal');

      await second.getByRole('button', { name: 'Cerrar sesión' }).click();
      await second.waitForURL('**/portal/sign-in');
      await first.waitForURL('**/portal/sign-in');
    } finally {
      await close();
    }
  });
});
