import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode } from '@caredesk/server/identity/base32';
import { totpAt } from '@caredesk/server/identity/totp';
import { DESKTOP, openBrowser, PHONE, screenshot, seriousViolations } from './support/browser';
import { startE2eServer, type E2eServer } from './support/e2e-server';

let server: E2eServer;
beforeAll(async () => {
  server = await startE2eServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('staff sign-in, first time and after', () => {
  let recoveryCode = '';

  it('sets up two-step sign-in, shows recovery codes once, and opens the console', async () => {
    const { page, close } = await openBrowser(DESKTOP);
    try {
      await page.goto(`${server.baseUrl}/console`);
      // Signed out: the console sends people to its sign-in page.
      await page.waitForURL('**/console/sign-in');
      await page.getByLabel('E-mail').fill(server.staff.email);
      await page.getByLabel('Password').fill(server.staff.password);
      await page.getByRole('button', { name: 'Sign in' }).click();

      await page.getByRole('heading', { name: 'Set up two-step sign-in' }).waitFor();
      const secret = (await page.getByTestId('mfa-secret').innerText()).replace(/\s/g, '');
      await screenshot(page, 'console-enrol-desktop');
      await page.getByLabel('6-digit code').fill(totpAt(base32Decode(secret), new Date()));
      await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();

      const codes = page.getByTestId('recovery-codes').locator('code');
      await codes.first().waitFor();
      expect(await codes.count()).toBeGreaterThanOrEqual(8);
      recoveryCode = await codes.first().innerText();
      await page.getByRole('button', { name: 'I have saved them' }).click();

      await page.getByRole('heading', { name: 'Patients' }).waitFor();
      await expect
        .poll(() => page.getByText(`Signed in as ${server.staff.displayName}`).count())
        .toBe(1);
    } finally {
      await close();
    }
  });

  it('signs in with a recovery code, finds a patient by keyboard, and signs out', async () => {
    const { page, close } = await openBrowser(DESKTOP);
    try {
      await page.goto(`${server.baseUrl}/console/sign-in`);
      await page.getByLabel('E-mail').fill(server.staff.email);
      await page.getByLabel('Password').fill(server.staff.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Two-step sign-in' }).waitFor();
      await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
      await page.getByLabel('Recovery code').fill(recoveryCode);
      await page.getByRole('button', { name: 'Continue' }).click();

      const search = page.getByRole('combobox', { name: 'Find a patient' });
      await server.addCaregiver();
      await search.fill(server.familyName.slice(0, 4).toLowerCase());
      const options = page.getByRole('listbox').getByRole('option');
      await options.first().waitFor();
      await expect
        .poll(() => page.locator('.search-status').innerText())
        .toMatch(/patients? found/);
      await screenshot(page, 'console-search-desktop');
      // Keyboard only: down to the first result, Enter to open it.
      await search.press('ArrowDown');
      await expect.poll(() => options.first().getAttribute('aria-selected')).toBe('true');
      await search.press('Enter');
      // The patient page: demographics, identifiers, insurance, care team, family.
      await page.waitForURL('**/console/patients/*');
      const heading = page.getByRole('heading', { level: 1 });
      await heading.waitFor();
      expect((await heading.innerText()).toLowerCase()).toContain(server.familyName.toLowerCase());
      for (const section of [
        'Contact',
        'Identifiers',
        'Insurance',
        'Care team',
        'Family and caregivers',
      ])
        await page.getByRole('heading', { level: 2, name: section }).waitFor();
      await expect.poll(() => page.getByRole('status').count()).toBe(0);
      // The caregiver and what her consent lets her see, in words.
      const family = page.getByRole('region', { name: 'Family and caregivers' });
      expect(await family.innerText()).toContain(`Liv ${server.familyName}`);
      expect(await family.innerText()).toContain('Daughter');
      expect(await family.innerText()).toContain('May see: appointments and medications.');
      expect(await family.innerText()).toContain('Until Dec 31, 2099.');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'console-patient-desktop');
      await page.setViewportSize(PHONE);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'console-patient-phone');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL('**/console/sign-in');
      // The session is gone on the server, not just in the page.
      const me = await page.request.get(`${server.baseUrl}/api/auth/me`);
      expect(me.status()).toBe(401);
    } finally {
      await close();
    }
  });

  it('says why a wrong password failed, in the language chosen on the page', async () => {
    const { page, close } = await openBrowser(PHONE);
    try {
      await page.goto(`${server.baseUrl}/console/sign-in`);
      await page.getByLabel('Language').selectOption('nb');
      await page.getByRole('heading', { name: 'Logg inn på CareDesk-konsollen' }).waitFor();
      await page.getByLabel('E-post').fill(server.staff.email);
      await page.getByLabel('Passord').fill('not the password at all');
      await page.getByRole('button', { name: 'Logg inn' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toBe('E-postadressen eller passordet er feil.');
      // Remembered on this device: a reload stays in Norwegian.
      await page.reload();
      await page.getByRole('heading', { name: 'Logg inn på CareDesk-konsollen' }).waitFor();
    } finally {
      await close();
    }
  });
});

describe('patient portal', () => {
  it('signs a patient in on a phone and greets them in their own language', async () => {
    const { page, close } = await openBrowser(PHONE);
    try {
      await page.goto(`${server.baseUrl}/portal`);
      await page.waitForURL('**/portal/sign-in');
      await screenshot(page, 'portal-sign-in-phone');
      await page.getByLabel('E-mail').fill(server.patient.email);
      await page.getByLabel('Password').fill(server.patient.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      // The account prefers Spanish: the portal switches to it at sign-in.
      await page.getByRole('heading', { name: `Hola, ${server.patient.displayName}` }).waitFor();
      await screenshot(page, 'portal-home-phone');
      expect(await page.locator('html').getAttribute('lang')).toBe('es');
    } finally {
      await close();
    }
  });

  it('keeps a patient out of the console', async () => {
    const { page, close } = await openBrowser(PHONE);
    try {
      await page.goto(`${server.baseUrl}/portal/sign-in`);
      await page.getByLabel('E-mail').fill(server.patient.email);
      await page.getByLabel('Password').fill(server.patient.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: /Hola/ }).waitFor();
      await page.goto(`${server.baseUrl}/console`);
      await page.waitForURL(/\/portal$/);
    } finally {
      await close();
    }
  });
});
