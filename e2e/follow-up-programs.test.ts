import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, openBrowser, screenshot } from './support/browser';
import { accessibleEverywhere } from './support/accessible-everywhere';
import { startE2eServer, type E2eServer } from './support/e2e-server';
import { firstStaffSignIn } from './support/staff-sign-in';

let server: E2eServer;
beforeAll(async () => {
  server = await startE2eServer();
});
afterAll(async () => {
  await server?.stop();
});

/** The discharge program's versions as the API has them: nothing published behind the page. */
const versionsOnServer = (page: Page) =>
  page.evaluate(async () => {
    const res = await fetch('/api/follow-up/programs');
    const body = (await res.json()) as { items: Array<{ code: string; versions: number }> };
    return body.items.find((p) => p.code === 'discharge-follow-up')?.versions;
  });

/**
 * Issue #6 point 7 in the browser: an administrator changes the discharge program's first
 * call from 2 business days to 1, sees the schedule move in the preview, is stopped with
 * the server's message at the field when a translation is missing, publishes version 2,
 * reads version 1 read-only, and retires the program.
 */
describe('follow-up program editor', () => {
  it('edits, previews, refuses, publishes and retires a program', async () => {
    const { context, page, close } = await openBrowser(DESKTOP);
    try {
      await firstStaffSignIn(page, server.baseUrl, server.admin);
      await page.getByRole('link', { name: 'Follow-up programs' }).click();
      await page.getByRole('heading', { level: 1, name: 'Follow-up programs' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: 'Discharge follow-up' });
      await row.waitFor();
      expect(await row.innerText()).toContain('Version 1');
      expect(await row.innerText()).toContain('1 version');
      expect(await row.innerText()).toContain('Discharge from hospital');
      await accessibleEverywhere(page, 'follow-up-programs');

      await row.getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: 'Discharge follow-up' }).waitFor();
      const due = page.locator('#fup-steps-0-dueBusinessDays');
      expect(await due.inputValue()).toBe('2');

      // A Monday morning start: the first call is due two business days on, then one.
      const firstCall = page
        .getByTestId('program-schedule')
        .getByRole('listitem')
        .filter({ hasText: 'Call the patient' });
      await page.getByLabel('Plan starts').fill('2026-11-23T10:00');
      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      await firstCall.waitFor();
      const before = await firstCall.innerText();
      expect(before).toContain('Wednesday, November 25, 2026');
      await due.fill('1');
      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      await expect.poll(() => firstCall.innerText()).not.toBe(before);
      expect(await firstCall.innerText()).toContain('Tuesday, November 24, 2026');
      await screenshot(page, 'follow-up-program-preview');

      // No Latvian title: the server's message at the field, in the summary, nothing published.
      await page.getByRole('radio', { name: 'Latviešu' }).check();
      const lvTitle = page.locator('#fup-steps-0-title-lv');
      expect(await lvTitle.inputValue()).toBe('Piezvanīt pacientam');
      await lvTitle.fill('');
      await page.getByRole('button', { name: 'Publish as version 2' }).click();
      const fieldError = page.locator('#fup-steps-0-title-lv-error');
      await fieldError.waitFor();
      expect(await fieldError.innerText()).toBe(
        'Write this text in every language: lv is missing.',
      );
      expect(await lvTitle.getAttribute('aria-invalid')).toBe('true');
      const summary = page.locator('.fup-issues');
      expect(await summary.innerText()).toContain(
        '1 problem stops this version from being published',
      );
      expect(await summary.getByRole('link').innerText()).toContain('Step 1 · Title · Latviešu');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.className))
        .toBe('fup-issues');
      await page.getByRole('radio', { name: 'English' }).check();
      await summary.getByRole('link').click();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id))
        .toBe('fup-steps-0-title-lv');
      expect(await versionsOnServer(page)).toBe(1);
      await accessibleEverywhere(page, 'follow-up-program-editor');
      await page.getByRole('radio', { name: /Latviešu/ }).check();

      await lvTitle.fill('Piezvanīt pacientam');
      await page.getByRole('button', { name: 'Publish as version 2' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Published as version 2. New plans start under it.' })
        .waitFor();
      await page.getByRole('button', { name: 'Publish as version 3' }).waitFor();
      expect(await page.getByText('New plans start under version 2.').count()).toBe(1);
      expect(await due.inputValue()).toBe('1');
      expect(await page.locator('.fup-issues').count()).toBe(0);
      expect(await versionsOnServer(page)).toBe(2);

      // Version 1 stays readable, and cannot be changed.
      await page.getByLabel('Version shown').selectOption('1');
      await page.getByText(/^Version 1, published .* is shown read-only/).waitFor();
      expect(await due.inputValue()).toBe('2');
      expect(await due.isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: /Publish as version/ }).count()).toBe(0);
      await screenshot(page, 'follow-up-program-version-1');
      await page.getByLabel('Version shown').selectOption('2');
      await page.getByRole('button', { name: 'Publish as version 3' }).waitFor();

      // Someone else publishes version 3 in another tab: this tab's version 3 is refused.
      const other = await context.newPage();
      await other.goto(page.url());
      await other.locator('#fup-steps-0-dueBusinessDays').fill('3');
      await other.getByRole('button', { name: 'Publish as version 3' }).click();
      await other.getByRole('button', { name: 'Publish as version 4' }).waitFor();
      await other.close();
      await page.getByRole('button', { name: 'Publish as version 3' }).click();
      const conflict = page.getByRole('alert').filter({ hasText: 'published a newer version' });
      await conflict.waitFor();
      await screenshot(page, 'follow-up-program-conflict');
      await conflict.getByRole('button', { name: 'Reload the latest version' }).click();
      await page.getByRole('button', { name: 'Publish as version 4' }).waitFor();
      expect(await due.inputValue()).toBe('3');
      expect(await versionsOnServer(page)).toBe(3);

      await page.getByRole('button', { name: 'Retire the program' }).click();
      const dialog = page.getByRole('dialog', { name: 'Retire Discharge follow-up?' });
      await dialog.getByRole('button', { name: 'Retire', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'The program is retired.' }).waitFor();
      await page.getByText(/^Retired: no new plans start under this program/).waitFor();
      expect(await dialog.count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Retire the program' }).count()).toBe(0);
    } finally {
      await close();
    }
  });

  it('is not in an agent’s console', async () => {
    const { page, close } = await openBrowser(DESKTOP);
    try {
      await firstStaffSignIn(page, server.baseUrl, server.staff);
      await page.getByRole('navigation').getByRole('link').first().waitFor();
      expect(await page.getByRole('link', { name: 'Follow-up programs' }).count()).toBe(0);
    } finally {
      await close();
    }
  });
});
