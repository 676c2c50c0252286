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

const SAVE = 'Guardar mis datos';

/**
 * Signs in on the portal, in Spanish: the account's own language, unless an earlier test
 * chose another one for the screens (the choice is kept on the account), then put back.
 */
async function signInPatient(page: Page) {
  await page.goto(`${server.baseUrl}/portal/sign-in`);
  await page.getByLabel('E-mail').fill(server.patient.email);
  await page.getByLabel('Password').fill(server.patient.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/portal');
  await page.getByRole('heading', { level: 1 }).waitFor();
  if ((await page.locator('html').getAttribute('lang')) !== 'es') {
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/auth/me/language'));
    await page.locator('.language-picker select').selectOption('es');
    await saved;
  }
  await page.getByRole('heading', { name: /Hola/ }).waitFor();
}

async function openProfile(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Mi perfil' }).click();
  await page.getByRole('button', { name: SAVE }).waitFor();
}

/** The first phone field, added when the record has none yet. */
async function firstPhone(page: Page) {
  const phones = page.getByLabel(/^Número de teléfono/);
  if ((await phones.count()) === 0) {
    await page.getByRole('button', { name: 'Añadir un número de teléfono' }).click();
  }
  return phones.first();
}

const contactLanguage = (page: Page) =>
  page.getByLabel('Idioma en que la clínica se comunica con usted');

describe('my profile', () => {
  it('keeps the phone, channel, quiet hours and language a patient saves on a phone', async () => {
    const { page, close } = await openBrowser(PHONE);
    try {
      await signInPatient(page);
      await openProfile(page);
      expect(new URL(page.url()).pathname).toBe('/portal/profile');

      // Typed the way people type it.
      await (await firstPhone(page)).fill('+1 (555) 010-2030');
      await page.getByLabel('SMS').check();
      // Another language than the one on file (the demo patient's is drawn at random).
      const language = (await contactLanguage(page).inputValue()) === 'nb' ? 'lv' : 'nb';
      await contactLanguage(page).selectOption(language);
      const quiet = page.getByLabel('No contactarme a ciertas horas');
      if (!(await quiet.isChecked())) await quiet.check();
      await page.getByLabel('Sin contacto desde').fill('21:30');
      await page.getByLabel('Sin contacto hasta').fill('07:15');
      await page.getByLabel('Zona horaria').selectOption('Europe/Riga');
      await page.getByRole('button', { name: SAVE }).click();

      // Said, and announced (role=status), once the server has it.
      await page.getByRole('status').getByText('Sus datos se guardaron.').waitFor();
      // Stored in E.164, and shown as stored.
      expect(await (await firstPhone(page)).inputValue()).toBe('+15550102030');
      // How the clinic writes to them changed; these screens did not switch by themselves,
      // but the patient is offered the switch in one tap.
      expect(await page.locator('html').getAttribute('lang')).toBe('es');
      await page.getByRole('button', { name: /^Mostrar también estas pantallas en/ }).waitFor();
      await screenshot(page, 'portal-profile-saved-phone');

      await page.reload();
      await page.getByRole('button', { name: SAVE }).waitFor();
      expect(await (await firstPhone(page)).inputValue()).toBe('+15550102030');
      expect(await page.getByLabel('SMS').isChecked()).toBe(true);
      expect(await contactLanguage(page).inputValue()).toBe(language);
      expect(await page.getByLabel('No contactarme a ciertas horas').isChecked()).toBe(true);
      expect(await page.getByLabel('Sin contacto desde').inputValue()).toBe('21:30');
      expect(await page.getByLabel('Sin contacto hasta').inputValue()).toBe('07:15');
      expect(await page.getByLabel('Zona horaria').inputValue()).toBe('Europe/Riga');
      // What the page does not edit is still there, shown as the clinic keeps it.
      const kept = page.getByRole('region', { name: 'Datos que lleva la clínica' });
      expect(await kept.innerText()).toContain(server.familyName);

      // Taking up the offer switches these screens to the language the clinic now uses.
      const next = language === 'nb' ? 'lv' : 'nb';
      await contactLanguage(page).selectOption(next);
      await page.getByRole('button', { name: SAVE }).click();
      await page.getByRole('button', { name: /^Mostrar también estas pantallas en/ }).click();
      await page
        .getByRole('heading', { level: 1, name: next === 'lv' ? 'Mans profils' : 'Min profil' })
        .waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe(next);
    } finally {
      await close();
    }
  });

  it('points at a bad phone number next to the field, and saves nothing', async () => {
    const { page, close } = await openBrowser(PHONE);
    try {
      await signInPatient(page);
      await openProfile(page);
      const phone = await firstPhone(page);
      const before = await phone.inputValue();
      await phone.fill('555-01');
      await page.getByLabel('Carta').check();
      await page.getByRole('button', { name: SAVE }).click();

      // Beside the field, tied to it for screen readers, and listed at the top.
      const message = 'No es un número de teléfono válido.';
      // The server's answer marks the field; only then does it point at its message.
      await expect.poll(() => phone.getAttribute('aria-invalid')).toBe('true');
      const describedBy = await phone.getAttribute('aria-describedby');
      const errorIdOfField = describedBy?.split(' ').find((id) => id.endsWith('-error'));
      expect(await page.locator(`#${errorIdOfField}`).innerText()).toBe(message);
      const summary = page.getByRole('alert').filter({ hasText: 'Revise 1 campo' });
      await summary.waitFor();
      expect(await summary.innerText()).toContain(message);
      expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await page.locator('.save-status').innerText()).toBe('');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'portal-profile-bad-phone-phone');

      // The link in the summary takes the focus to the field.
      await summary.getByRole('link').click();
      expect(await phone.evaluate((el) => el === document.activeElement)).toBe(true);

      await page.reload();
      await page.getByRole('button', { name: SAVE }).waitFor();
      expect(await (await firstPhone(page)).inputValue()).toBe(before);
      expect(await page.getByLabel('Carta').isChecked()).toBe(false);
    } finally {
      await close();
    }
  });

  it('says plainly when the record changed meanwhile, saves nothing and shows the latest', async () => {
    const { context, page, close } = await openBrowser(DESKTOP);
    try {
      await signInPatient(page);
      await openProfile(page);
      // The same record, changed and saved elsewhere while this page is open.
      const elsewhere = await context.newPage();
      await elsewhere.goto(`${server.baseUrl}/portal/profile`);
      await elsewhere.getByRole('button', { name: SAVE }).waitFor();
      await elsewhere.getByLabel('Carta').check();
      await elsewhere.getByRole('button', { name: SAVE }).click();
      await elsewhere.getByRole('status').getByText('Sus datos se guardaron.').waitFor();

      await page.getByLabel('Llamada telefónica').check();
      await page.getByRole('button', { name: SAVE }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'no se guardó nada' });
      await alert.waitFor();
      expect(await alert.innerText()).toContain('Alguien de la clínica cambió sus datos');
      // The page now shows the record as it is: the other change, not this one.
      await expect.poll(() => page.getByLabel('Carta').isChecked()).toBe(true);
      expect(await page.getByLabel('Llamada telefónica').isChecked()).toBe(false);
      await page.reload();
      await page.getByRole('button', { name: SAVE }).waitFor();
      expect(await page.getByLabel('Carta').isChecked()).toBe(true);
    } finally {
      await close();
    }
  });
});

const HEADINGS = { en: 'My profile', es: 'Mi perfil', lv: 'Mans profils', nb: 'Min profil' };

describe('my profile for everyone', () => {
  for (const [size, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
    it(`passes axe in all four languages (${size})`, async () => {
      const { page, close } = await openBrowser(viewport);
      try {
        await signInPatient(page);
        await openProfile(page);
        for (const [lang, heading] of Object.entries(HEADINGS)) {
          await page.locator('.language-picker select').selectOption(lang);
          await page.getByRole('heading', { level: 1, name: heading }).waitFor();
          expect(await page.locator('html').getAttribute('lang')).toBe(lang);
          expect(await seriousViolations(page), `${lang} ${size}`).toEqual([]);
          await screenshot(page, `portal-profile-${lang}-${size}`);
        }
      } finally {
        await close();
      }
    });
  }

  it('loses nothing at 200% zoom: no sideways scrolling, every control in view', async () => {
    // 1280×800 at 200% is 640×400 CSS pixels.
    const { page, close } = await openBrowser({ width: 640, height: 400 });
    try {
      await signInPatient(page);
      await openProfile(page);
      const quiet = page.getByLabel('No contactarme a ciertas horas');
      if (!(await quiet.isChecked())) await quiet.check();
      const overflow = await page.evaluate(() => {
        const root = document.documentElement;
        const wide = [...document.querySelectorAll('main input, main select, main button')]
          .map((el) => ({ el, box: el.getBoundingClientRect() }))
          .filter(({ box }) => box.left < 0 || box.right > root.clientWidth + 1)
          .map(({ el }) => el.id || el.textContent);
        return { scroll: root.scrollWidth - root.clientWidth, wide };
      });
      expect(overflow).toEqual({ scroll: 0, wide: [] });
      await screenshot(page, 'portal-profile-zoom-200');
    } finally {
      await close();
    }
  });
});
