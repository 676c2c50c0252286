import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, openBrowser, screenshot, seriousViolations } from './support/browser';
import { startE2eServer, type E2eServer } from './support/e2e-server';
import { firstStaffSignIn } from './support/staff-sign-in';

let server: E2eServer;
beforeAll(async () => {
  server = await startE2eServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('break the glass', () => {
  it('opens a restricted record only with a reason, and says for how long', async () => {
    const vip = await server.restrictAnotherPatient();
    const { page, close } = await openBrowser(DESKTOP);
    try {
      await firstStaffSignIn(page, server.baseUrl, server.nurse);
      await page.goto(`${server.baseUrl}/console/patients/${vip.id}`);
      // Outside the nurse's reach: the same page as a record that does not exist.
      await page.getByRole('heading', { name: 'Patient not found' }).waitFor();
      await page.getByRole('button', { name: 'Emergency access' }).click();
      const dialog = page.getByRole('dialog', { name: 'Emergency access to this record' });
      await dialog.waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      // Too short a reason: the server's rule, said in the dialog; nothing opens.
      await dialog.getByLabel('Why do you need this record now?').fill('urgent');
      await dialog.getByRole('button', { name: 'Open the record' }).click();
      await expect.poll(() => dialog.getByRole('alert').innerText()).toMatch(/10 characters/);

      await dialog
        .getByLabel('Why do you need this record now?')
        .fill('Unconscious in the emergency room; need allergies and contacts');
      await screenshot(page, 'console-break-glass-desktop');
      await dialog.getByRole('button', { name: 'Open the record' }).click();
      const heading = page.getByRole('heading', { level: 1 });
      await expect.poll(() => heading.innerText()).toContain(vip.family);
      expect(await page.getByRole('status').first().innerText()).toMatch(
        /^Emergency access until .+\. Every view is recorded and reviewed\.$/,
      );
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await close();
    }
  });
});
