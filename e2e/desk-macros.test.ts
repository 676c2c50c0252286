import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, openBrowser, PHONE, screenshot, seriousViolations } from './support/browser';
import { startE2eServer, type E2eServer } from './support/e2e-server';
import { firstStaffSignIn } from './support/staff-sign-in';

let server: E2eServer;
beforeAll(async () => {
  server = await startE2eServer();
});
afterAll(async () => {
  await server?.stop();
});

/** 1440×900 at 200 % zoom lays out like a 720×450 window (WCAG 1.4.10). */
const ZOOMED = { width: 720, height: 450 };

const editor = (page: Page) => page.locator('section.macro-editor');
const preview = (page: Page) => page.locator('section.macro-preview');

describe('macros', () => {
  it('a supervisor writes a macro in English and Latvian and previews it filled, in Latvian', async () => {
    const { page, close } = await openBrowser(DESKTOP);
    try {
      await firstStaffSignIn(page, server.baseUrl, server.supervisor);
      await page.getByRole('navigation').getByRole('link', { name: 'Macros' }).click();
      await page.getByRole('heading', { level: 1, name: 'Macros' }).waitFor();
      // The demo clinic's eight macros are there.
      const list = page.getByTestId('macro-list');
      await list.getByRole('heading', { name: 'Refill received' }).waitFor();
      expect(await list.locator('li').count()).toBe(8);

      await page.getByRole('button', { name: 'New macro' }).click();
      const form = editor(page);
      await form.getByRole('heading', { name: 'New macro' }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('New macro');
      await form.getByLabel('Name (staff see it)').fill('Lab results ready');

      // English: typed, with the first name put in from the placeholder picker.
      await form.getByLabel('Subject (for e-mail)').fill('Your results – case {{case.number}}');
      const body = form.getByLabel('Text', { exact: true });
      await body.fill('Hello ');
      await form.getByLabel('Placeholder').selectOption('patient.firstName');
      await form.getByRole('button', { name: 'Insert placeholder' }).click();
      await expect.poll(() => body.inputValue()).toBe('Hello {{patient.firstName}}');
      await page.keyboard.type(', your lab results are ready in the portal.');
      expect(await body.inputValue()).toBe(
        'Hello {{patient.firstName}}, your lab results are ready in the portal.',
      );

      // Latvian, in its own tab.
      await form.getByRole('tab', { name: /Latviešu/ }).click();
      await form.getByLabel('Subject (for e-mail)').fill('Jūsu rezultāti – lieta {{case.number}}');
      await form
        .getByLabel('Text', { exact: true })
        .fill(
          'Labdien, {{patient.firstName}}! Jūsu analīžu rezultāti ir gatavi. Termiņš: {{case.dueDate}}.',
        );
      await form.getByLabel('Add tags').fill('lab-results');

      // The preview follows the language being written: Latvian text, placeholders filled.
      const shown = preview(page).getByTestId('macro-rendered');
      await expect.poll(() => shown.getAttribute('lang')).toBe('lv');
      await expect
        .poll(() => shown.innerText())
        .toMatch(
          /^Subject: Jūsu rezultāti – lieta C-1042\s+Labdien, Anna! Jūsu analīžu rezultāti ir gatavi\. Termiņš: \d{4}\. gada \d{1,2}\. \S+ 15:00\.$/,
        );
      // A patient who reads Norwegian gets the English text, and the supervisor is told.
      await preview(page).getByLabel('Patient reads').selectOption('nb');
      await expect
        .poll(() => preview(page).innerText())
        .toContain('There is no text in Norsk bokmål: the patient gets the English text.');
      await expect.poll(() => shown.innerText()).toContain('Hello Anna, your lab results');
      await preview(page).getByLabel('Patient reads').selectOption('lv');
      // An unidentified caller: a neutral word, never a hole.
      await preview(page).getByLabel('Caller not identified yet (no name)').check();
      await expect.poll(() => shown.innerText()).toContain('Labdien, cienījamais pacient!');
      await preview(page).getByLabel('Caller not identified yet (no name)').uncheck();

      // A placeholder that does not exist is refused, on the tab of its language.
      await form.getByRole('tab', { name: /Español/ }).click();
      await form.getByLabel('Text', { exact: true }).fill('Hola, {{paciente}}.');
      await form.getByRole('button', { name: 'Create macro' }).click();
      const refusal = form.getByRole('alert');
      await expect
        .poll(() => refusal.first().innerText())
        .toBe('Unknown placeholder {{paciente}}. Choose one from the list.');
      expect(await form.getByRole('tab', { selected: true }).innerText()).toMatch(/Español/);
      expect(await seriousViolations(page)).toEqual([]);
      await form.getByLabel('Text', { exact: true }).fill('');

      await form.getByRole('button', { name: 'Create macro' }).click();
      await expect
        .poll(() => page.locator('.announcement').innerText())
        .toBe('Macro “Lab results ready” created.');
      await form.getByRole('heading', { name: 'Edit: Lab results ready' }).waitFor();
      await form.getByRole('tab', { name: /Latviešu/ }).click();
      await expect.poll(() => shown.innerText()).toContain('Labdien, Anna!');
      await screenshot(page, 'console-macros-editor-desktop');
      expect(await seriousViolations(page)).toEqual([]);

      // The reply composer's picker, as an agent uses it: the server fills the saved macro.
      const tryOut = page.locator('section.macro-try-out');
      await tryOut.getByLabel('Patient reads').selectOption('lv');
      await tryOut.getByLabel('Find a macro').fill('rezultati');
      await tryOut.getByRole('button', { name: 'Lab results ready' }).click();
      const filled = tryOut.getByTestId('macro-rendered');
      await expect
        .poll(() => filled.innerText())
        .toMatch(/Labdien, Anna! Jūsu analīžu rezultāti ir gatavi\. Termiņš: \d{4}\. gada/);
      expect(await tryOut.innerText()).toContain('adds the tags lab-results');
      await tryOut.getByRole('button', { name: 'Insert into the reply' }).click();
      await expect
        .poll(() => tryOut.getByLabel('Sample reply').inputValue())
        .toMatch(/^Labdien, Anna! Jūsu analīžu rezultāti ir gatavi\./);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'console-macros-picker-desktop');

      await page.setViewportSize(PHONE);
      await screenshot(page, 'console-macros-phone');

      // The page with the editor open, in every language and at every size.
      for (const lang of ['en', 'es', 'lv', 'nb'] as const) {
        await page.locator('.language-picker select').selectOption(lang);
        await page.locator(`html[lang="${lang}"]`).waitFor();
        for (const viewport of [PHONE, DESKTOP, ZOOMED]) {
          await page.setViewportSize(viewport);
          expect(await seriousViolations(page), `${lang} ${viewport.width}`).toEqual([]);
          const sideways = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(sideways, `${lang} ${viewport.width}: sideways scroll`).toBeLessThanOrEqual(0);
        }
      }
      await page.locator('.language-picker select').selectOption('en');
    } finally {
      await close();
    }
  });
});
