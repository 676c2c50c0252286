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

const NEW_PASSWORD = 'Copper kettles hum in winter 42';

describe('forgotten password, by e-mail link', () => {
  it('asks for the address, then sets a new password once from the link', async () => {
    const { page, close } = await openBrowser(PHONE);
    try {
      await page.goto(`${server.baseUrl}/portal/sign-in`);
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      // The sign-in page stays on screen until this page's code has arrived, and it has an
      // E-mail field too: typing before the heading shows can fill the wrong form.
      await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
      await page.getByLabel('E-mail').fill(server.patient.email);
      await page.getByRole('button', { name: 'Send the link' }).click();
      await page
        .getByRole('status')
        .getByText(/a link is on its way/)
        .waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      const path = await server.latestLinkPath('email.password-reset');
      await page.goto(`${server.baseUrl}${path}`);
      await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
      // The token leaves the address bar (and the history) as soon as it is read.
      expect(new URL(page.url()).hash).toBe('');
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('Type the new password again').fill(`${NEW_PASSWORD}!`);
      await page.getByRole('button', { name: 'Save the password' }).click();
      expect(await page.getByRole('alert').innerText()).toBe('The two passwords are not the same.');

      await page.getByLabel('New password', { exact: true }).fill('short');
      await page.getByLabel('Type the new password again').fill('short');
      await page.getByRole('button', { name: 'Save the password' }).click();
      // The server's password policy, in the page's language.
      await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/12 characters/);
      await screenshot(page, 'reset-password-phone');

      await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('Type the new password again').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Save the password' }).click();
      await page.getByRole('status').getByText('Your password is saved').waitFor();

      // The same link a second time (a fresh page load, as from the e-mail) is refused.
      await page.goto('about:blank');
      await page.goto(`${server.baseUrl}${path}`);
      await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('Type the new password again').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Save the password' }).click();
      await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/expired|already used/);

      await page.goto(`${server.baseUrl}/portal/sign-in`);
      await page.getByLabel('E-mail').fill(server.patient.email);
      await page.getByLabel('Password').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: /Hola/ }).waitFor();
    } finally {
      await close();
    }
  });
});

describe('invitation', () => {
  it('lets the invited person choose a password and then sign in', async () => {
    const { page, close } = await openBrowser(DESKTOP);
    try {
      await page.goto(`${server.baseUrl}${server.invitationPath}`);
      await page
        .getByRole('heading', { name: 'Welcome to CareDesk: choose your password' })
        .waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('Type the new password again').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Save the password' }).click();
      await page.getByRole('status').getByText('Your password is saved').waitFor();
      await page.getByRole('link', { name: 'Sign in to the CareDesk console' }).click();
      await page.getByLabel('E-mail').fill('e2e-invited@clinic.example');
      await page.getByLabel('Password').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      // A new staff member goes straight on to set up two-step sign-in.
      await page.getByRole('heading', { name: 'Set up two-step sign-in' }).waitFor();
    } finally {
      await close();
    }
  });

  it('says plainly when a link has no token', async () => {
    const { page, close } = await openBrowser(PHONE);
    try {
      await page.goto(`${server.baseUrl}/accept-invitation`);
      await page
        .getByRole('alert')
        .getByText(/expired or was already used/)
        .waitFor();
    } finally {
      await close();
    }
  });
});

describe('idle sign-out', () => {
  it('warns a minute ahead, stays when asked, and signs out when nobody answers', async () => {
    const { page, close } = await openBrowser(PHONE);
    try {
      // The page's clock is driven by the test; the server's session is real.
      await page.clock.install();
      // Idle time counts from the last answer from the server, so the clock may only jump
      // once the page's own requests are answered: one answered after a jump restarts the
      // count (the home page's sections load on their own after its heading shows).
      let inFlight = 0;
      let lastChange = Date.now();
      const counted = (delta: number) => (r: { url(): string }) => {
        if (!r.url().includes('/api/')) return;
        inFlight += delta;
        lastChange = Date.now();
      };
      page.on('request', counted(1));
      page.on('requestfinished', counted(-1));
      page.on('requestfailed', counted(-1));
      const serverQuiet = async () => {
        while (inFlight > 0 || Date.now() - lastChange < 500)
          await new Promise((r) => setTimeout(r, 50));
      };
      await page.goto(`${server.baseUrl}/portal/sign-in`);
      await page.getByLabel('E-mail').fill(server.patient.email);
      await page.getByLabel('Password').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: /Hola/ }).waitFor();
      await serverQuiet();
      // Patients are signed out after 30 idle minutes: the warning comes at 28.
      await page.clock.fastForward('27:30');
      const dialog = page.getByRole('dialog');
      expect(await dialog.isVisible()).toBe(false);
      await page.clock.fastForward('01:00');
      await dialog.waitFor();
      expect(await dialog.innerText()).toMatch(/sesión se cerrará/);
      await screenshot(page, 'idle-warning-phone');
      await page.getByRole('button', { name: 'Seguir con la sesión iniciada' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await serverQuiet();

      await page.clock.fastForward('29:30');
      await page.waitForURL('**/portal/sign-in');
      await page
        .getByRole('status')
        .getByText(/Se cerró la sesión/)
        .waitFor();
      const me = await page.request.get(`${server.baseUrl}/api/auth/me`);
      expect(me.status()).toBe(401);
    } finally {
      await close();
    }
  });
});
