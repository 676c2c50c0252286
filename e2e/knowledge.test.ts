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

const TITLE = 'Cómo prepararse para una resonancia magnética';
const BODY = [
  'La resonancia magnética usa un imán potente, así que nada metálico puede entrar en la sala.',
  '',
  '## Antes de venir',
  '- Quítese joyas, relojes y horquillas.',
  '- Díganos si tiene un marcapasos o un implante metálico.',
  '',
  '1. Llegue 15 minutos antes.',
  '2. Traiga su lista de medicamentos.',
  '',
  '<script>alert(1)</script> se muestra como texto.',
].join('\n');

/** Axe finds nothing serious at phone and desktop size; a screenshot of each for a person. */
async function checkBothSizes(page: Page, name: string): Promise<void> {
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    expect(await seriousViolations(page), `${name} ${size}`).toEqual([]);
    await screenshot(page, `${name}-${size}`);
  }
}

describe('knowledge base: written on the console, read in the portal', () => {
  it('a supervisor writes an article in Spanish, previews and publishes it', async () => {
    const { page, close } = await openBrowser(DESKTOP);
    try {
      await firstStaffSignIn(page, server.baseUrl, server.supervisor);
      await page.getByRole('navigation').getByRole('link', { name: 'Knowledge base' }).click();
      await page.getByRole('heading', { level: 1, name: 'Knowledge base' }).waitFor();
      // The demo articles are there, and an accent-free search finds an accented title.
      await page.getByLabel('Search articles').fill('nebulizador');
      await page.getByLabel('Article language').selectOption('es');
      await page
        .getByTestId('kb-results')
        .getByRole('link', { name: 'Cómo usar un nebulizador en casa' })
        .waitFor();
      await checkBothSizes(page, 'kb-console-list');

      await page.getByRole('link', { name: 'New article' }).click();
      await page.getByRole('heading', { level: 1, name: 'New article' }).waitFor();
      await page.getByLabel('Category').selectOption('test-preparation');
      await page.getByRole('radio', { name: 'Patients and staff' }).check();
      const spanish = page.getByRole('tab', { name: /Español/ });
      await spanish.click();
      expect(await spanish.getAttribute('aria-selected')).toBe('true');
      await page.getByLabel('Title').fill(TITLE);
      await page.getByLabel('Text').fill(BODY);
      await page.getByRole('button', { name: 'Preview' }).click();
      const preview = page.locator('.kb-preview');
      await preview.getByRole('heading', { name: TITLE }).waitFor();
      expect(await preview.getByRole('listitem').count()).toBe(4);
      expect(await preview.innerText()).toContain(
        '<script>alert(1)</script> se muestra como texto.',
      );
      await checkBothSizes(page, 'kb-console-editor-preview');
      await page.getByRole('button', { name: 'Preview' }).click();

      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Saved.').waitFor();
      await page.getByRole('button', { name: 'Publish' }).click();
      await page.getByText('Published: its readers can see it now.').waitFor();
      expect(await page.locator('.kb-meta .kb-status').innerText()).toBe('Published');
      await checkBothSizes(page, 'kb-console-editor-published');
    } finally {
      await close();
    }
  });

  it('a Spanish-speaking patient finds it by searching without accents and reads it', async () => {
    const { page, close } = await openBrowser(PHONE);
    try {
      await page.goto(`${server.baseUrl}/portal/sign-in`);
      await page.getByLabel('E-mail').fill(server.patient.email);
      await page.getByLabel('Password').fill(server.patient.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: /Hola/ }).waitFor();
      await page.getByRole('navigation').getByRole('link', { name: 'Artículos de ayuda' }).click();
      await page.getByRole('heading', { level: 1, name: 'Artículos de ayuda' }).waitFor();
      await checkBothSizes(page, 'kb-portal-list');

      await page.getByLabel('Buscar en los artículos de ayuda').fill('resonancia magnetica');
      const results = page.getByTestId('help-results');
      const link = results.getByRole('link', { name: TITLE });
      // The whole list shows first; the search answers once typing pauses.
      await expect.poll(() => results.getByRole('listitem').count()).toBe(1);
      await link.waitFor();
      await checkBothSizes(page, 'kb-portal-search');

      await link.click();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      const article = page.locator('article');
      expect(await article.getByRole('listitem').count()).toBe(4);
      // Markup in an article is shown as typed, never run.
      expect(await article.innerText()).toContain('<script>alert(1)</script>');
      // Written only in Spanish: nothing to say about another language.
      expect(await page.locator('.notice').count()).toBe(0);
      await checkBothSizes(page, 'kb-portal-article');

      // Browsing a topic lists its articles, in the reader's language.
      await page.getByRole('link', { name: 'Todos los artículos de ayuda' }).click();
      await page.getByRole('button', { name: 'Ayuda económica' }).click();
      await results.getByRole('link', { name: 'Cómo acordar un plan de pagos' }).waitFor();
    } finally {
      await close();
    }
  });
});
