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

let nurseRecoveryCode = '';

describe('break the glass', () => {
  it('opens a restricted record only with a reason, and says for how long', async () => {
    const vip = await server.restrictAnotherPatient();
    const { page, close } = await openBrowser(DESKTOP);
    try {
      nurseRecoveryCode = await firstStaffSignIn(page, server.baseUrl, server.nurse);
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

describe('the privacy officers review queue', () => {
  it('lists the emergency access by name with its reason, and empties once judged', async () => {
    const { page, close } = await openBrowser(DESKTOP);
    try {
      await firstStaffSignIn(page, server.baseUrl, server.privacyOfficer);
      await page
        .getByRole('navigation')
        .getByRole('link', { name: 'Emergency access reviews' })
        .click();
      const item = page.getByTestId('reviews').getByRole('listitem').first();
      await item.waitFor();
      const text = await item.innerText();
      expect(text).toContain(`${server.nurse.displayName} opened the record of`);
      expect(text).toContain('Unconscious in the emergency room; need allergies and contacts');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'console-reviews-desktop');
      await item.getByLabel('Your note (optional)').fill('Confirmed with the ED charge nurse.');
      await item.getByRole('button', { name: 'Appropriate', exact: true }).click();
      await page.getByText('Nothing is waiting for review.').waitFor();

      // The same access in the audit trail, filtered, and in the CSV export of that filter.
      await page.getByRole('navigation').getByRole('link', { name: 'Audit trail' }).click();
      await page.getByLabel('Action').selectOption('break-glass');
      await page.getByRole('button', { name: 'Show entries' }).click();
      const rows = page.getByTestId('audit-entries').locator('tbody tr');
      // The refused attempt (too short a reason) is in the trail too, newest first.
      await expect.poll(() => page.locator('.search-status').innerText()).toBe('2 entries shown');
      const [granted, refused] = [await rows.nth(0).innerText(), await rows.nth(1).innerText()];
      expect(granted).toContain(server.nurse.displayName);
      expect(granted).toContain('Allowed');
      expect(refused).toMatch(/Failed|Refused/);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'console-audit-desktop');
      const href = await page
        .getByRole('link', { name: 'Download these entries (CSV)' })
        .getAttribute('href');
      expect(href).toContain('action=break-glass');
      const csv = await page.request.get(`${server.baseUrl}${href}`);
      expect(csv.status()).toBe(200);
      expect(csv.headers()['content-type']).toContain('text/csv');
      const lines = (await csv.text()).trim().split('\n');
      expect(lines).toHaveLength(3); // the header and the two break-glass entries
      expect(lines.slice(1).every((l) => l.includes('break-glass'))).toBe(true);
    } finally {
      await close();
    }
  });

  it('is neither shown nor served to staff who cannot review', async () => {
    const { page, close } = await openBrowser(DESKTOP);
    try {
      await page.goto(`${server.baseUrl}/console/sign-in`);
      await page.getByLabel('E-mail').fill(server.nurse.email);
      await page.getByLabel('Password').fill(server.nurse.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
      await page.getByLabel('Recovery code').fill(nurseRecoveryCode);
      await page.getByRole('button', { name: 'Continue' }).click();
      const nav = page.getByRole('navigation');
      await nav.getByRole('link', { name: 'Patients' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Emergency access reviews' }).count()).toBe(0);
      // And the server refuses her, whatever the page shows.
      const reviews = await page.request.get(`${server.baseUrl}/api/break-glass/reviews`);
      expect(reviews.status()).toBe(403);
      // Opened by address, the pages say plainly they are not for her.
      for (const path of ['/console/reviews', '/console/audit']) {
        await page.goto(`${server.baseUrl}${path}`);
        await page.getByRole('heading', { level: 1, name: 'Not available to you' }).waitFor();
      }
    } finally {
      await close();
    }
  });
});
