import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, openBrowser, PHONE, screenshot, seriousViolations } from './support/browser';
import { startE2eServer, type E2eAccount, type E2eServer } from './support/e2e-server';
import { firstStaffSignIn } from './support/staff-sign-in';

let server: E2eServer;
beforeAll(async () => {
  server = await startE2eServer();
});
afterAll(async () => {
  await server?.stop();
});

const CAREGIVER_PASSWORD = 'Lanterns by the quiet river 55';
const LANGUAGES = ['en', 'es', 'lv', 'nb'] as const;
const CATEGORIES = [
  'profile',
  'appointments',
  'medications',
  'billing',
  'messages',
  'clinical-notes',
  'care-plans',
];

/** The invite form's words in the two languages the patients here use. */
const WORDS = {
  es: {
    caregivers: 'Mis cuidadores',
    invite: 'Invitar a un cuidador',
    given: 'Nombre',
    family: 'Apellidos',
    email: 'Correo electrónico',
    relationship: '¿Qué relación tiene con usted?',
    continue: 'Continuar',
    send: 'Enviar la invitación',
    category: {
      profile: 'Datos de contacto',
      'care-plans': 'Equipo de atención y planes de cuidado',
    },
  },
  en: {
    caregivers: 'My caregivers',
    invite: 'Invite a caregiver',
    given: 'First name',
    family: 'Last name',
    email: 'E-mail address',
    relationship: 'How are they related to you?',
    continue: 'Continue',
    send: 'Send the invitation',
    category: { billing: 'Bills and insurance' },
  },
} as const;

async function signInPortal(page: Page, who: E2eAccount, heading: RegExp) {
  await page.goto(`${server.baseUrl}/portal/sign-in`);
  await page.getByLabel('E-mail').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: heading }).waitFor();
}

async function openInviteForm(page: Page, lang: 'es' | 'en') {
  const w = WORDS[lang];
  await page.getByRole('navigation').getByRole('link', { name: w.caregivers }).click();
  await page.getByRole('link', { name: w.invite }).click();
  await page.getByRole('heading', { name: w.invite, level: 1 }).waitFor();
}

/** Fills the invite form and goes on to the summary. */
async function fillInvite(
  page: Page,
  lang: 'es' | 'en',
  who: { given: string; family: string; email: string; relationship: string },
  categories: string[],
) {
  const w = WORDS[lang];
  await page.getByLabel(w.given, { exact: true }).fill(who.given);
  await page.getByLabel(w.family, { exact: true }).fill(who.family);
  await page.getByLabel(w.email, { exact: true }).fill(who.email);
  await page.getByLabel(w.relationship).selectOption(who.relationship);
  for (const c of categories) await page.getByLabel(c, { exact: true }).check();
  await page.getByRole('button', { name: w.continue }).click();
  await page.getByTestId('invite-review').waitFor();
}

/** The invited caregiver chooses a password from the e-mailed link. */
async function acceptInvitation(page: Page) {
  await page.goto(`${server.baseUrl}${await server.latestLinkPath('email.invitation')}`);
  await page.getByLabel('New password', { exact: true }).fill(CAREGIVER_PASSWORD);
  await page.getByLabel('Type the new password again').fill(CAREGIVER_PASSWORD);
  await page.getByRole('button', { name: 'Save the password' }).click();
  await page.getByRole('status').getByText('Your password is saved').waitFor();
}

async function chooseLanguage(page: Page, lang: string) {
  // A signed-in person's choice is kept on their account; wait until it is.
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/auth/me/language'));
  await page.locator('.language-picker select').selectOption(lang);
  await page.locator(`html[lang="${lang}"]`).waitFor();
  await saved;
}

/** Checks the page in each language, then puts the person's own language back. */
async function inEveryLanguage(page: Page, ready: () => Promise<void>, name: string) {
  const own = (await page.locator('html').getAttribute('lang')) ?? 'en';
  for (const lang of LANGUAGES) {
    if (lang !== (await page.locator('html').getAttribute('lang')))
      await chooseLanguage(page, lang);
    await ready();
    expect(await seriousViolations(page), `${name} in ${lang}`).toEqual([]);
  }
  if (own !== (await page.locator('html').getAttribute('lang'))) await chooseLanguage(page, own);
}

/** No sideways scrolling at 200% zoom (WCAG 1.4.10): 1440×900 seen at 200%. */
async function reflows(page: Page): Promise<boolean> {
  await page.setViewportSize({ width: 720, height: 450 });
  const fits = await page.evaluate(
    () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
  );
  await page.setViewportSize(DESKTOP);
  return fits;
}

/** Which sections the caregiver sees as shared (the rest say they are not shared). */
async function sharedSections(page: Page): Promise<string[]> {
  const shared: string[] = [];
  for (const c of CATEGORIES) {
    const section = page.getByTestId(`section-${c}`);
    await section.waitFor();
    if (!(await section.getAttribute('class'))?.includes('not-shared')) shared.push(c);
  }
  return shared.sort();
}

describe('a patient shares part of their record with a caregiver (issue #4, point 8)', () => {
  it('invites, the caregiver sees exactly that, the patient stops it, the trail shows it', async () => {
    const patient = await openBrowser(PHONE);
    const caregiver = await openBrowser(DESKTOP);
    try {
      // 1. The patient (Spanish) invites a caregiver for contact details only.
      const p = patient.page;
      await signInPortal(p, server.patient, /Hola/);
      await openInviteForm(p, 'es');
      await p.getByRole('button', { name: 'Continuar' }).click();
      // Nothing filled in: each problem said beside its field, focus on the first.
      await expect
        .poll(() => p.evaluate(() => document.activeElement?.getAttribute('aria-invalid')))
        .toBe('true');
      expect(await p.locator('.field-error').count()).toBe(4);
      expect(await seriousViolations(p)).toEqual([]);
      await fillInvite(
        p,
        'es',
        {
          given: 'Carla',
          family: 'Cuidadora',
          email: 'carla@family.example',
          relationship: 'DAU',
        },
        [WORDS.es.category.profile],
      );
      const review = await p.getByTestId('invite-review').innerText();
      expect(review).toContain('Carla Cuidadora verá: datos de contacto.');
      expect(review).toMatch(/Carla Cuidadora no verá: citas, .*facturas.*planes de cuidados\./);
      expect(await seriousViolations(p)).toEqual([]);
      await screenshot(p, 'caregiver-invite-review-phone');
      await p.getByRole('button', { name: 'Enviar la invitación' }).click();
      await p
        .getByRole('status')
        .getByText(/Enviamos una invitación a carla@family\.example/)
        .waitFor();
      const carla = p.getByTestId('caregivers').getByRole('listitem').filter({ hasText: 'Carla' });
      expect(await carla.innerText()).toContain('Puede ver: datos de contacto.');
      await screenshot(p, 'caregiver-invited-phone');

      // 2. The caregiver takes up the invitation and signs in.
      const c = caregiver.page;
      const asked: string[] = [];
      c.on('request', (r) => asked.push(new URL(r.url()).pathname));
      await acceptInvitation(c);
      await signInPortal(
        c,
        { email: 'carla@family.example', password: CAREGIVER_PASSWORD, displayName: '' },
        // The invitation came in the patient's language.
        /Está viendo:/,
      );
      const people = (await (
        await c.request.get(`${server.baseUrl}/api/people-i-help`)
      ).json()) as {
        items: Array<{ patientId: string; name: string }>;
      };
      const patientId = people.items[0]!.patientId;
      expect(await c.getByRole('heading', { level: 1 }).innerText()).toBe(
        `Está viendo: ${people.items[0]!.name}`,
      );
      expect(await sharedSections(c)).toEqual(['profile']);
      await c.getByTestId('section-profile').locator('dl').waitFor();
      expect(await c.getByTestId('section-billing').innerText()).toContain(
        'no ha compartido esto con usted',
      );
      // The page never asked for what is not shared, and the server refuses it anyway.
      expect(asked.filter((u) => /coverages|care-team|related-persons/.test(u))).toEqual([]);
      const coverages = await c.request.get(
        `${server.baseUrl}/api/patients/${patientId}/coverages`,
      );
      expect(coverages.status()).toBe(404);
      expect(coverages.headers()['content-type']).toContain('application/problem+json');
      await screenshot(c, 'caregiver-view-desktop');
      await c.setViewportSize(PHONE);
      await screenshot(c, 'caregiver-view-phone');
      await c.setViewportSize(DESKTOP);
      expect(await reflows(c)).toBe(true);
      await inEveryLanguage(
        c,
        () => c.getByTestId('section-profile').locator('dl').waitFor(),
        'caregiver view',
      );

      // 3. The patient stops sharing; the caregiver's next load says access ended.
      await p.getByTestId('caregivers').waitFor();
      await carla.getByRole('button', { name: /Dejar de compartir con Carla/ }).click();
      await p.getByRole('dialog').getByRole('button', { name: 'Dejar de compartir' }).click();
      await p
        .getByRole('status')
        .getByText(/ya no ve nada sobre usted/)
        .waitFor();
      // A fresh load opens in the language the caregiver chose last (Spanish, put back).
      await c.reload();
      await c.getByRole('heading', { name: 'Su acceso ha terminado' }).waitFor();
      expect(await c.getByRole('alert').innerText()).toMatch(/dejado de compartirla/);
      expect(await seriousViolations(c)).toEqual([]);
      const after = await c.request.get(`${server.baseUrl}/api/patients/${patientId}`);
      expect(after.status()).toBe(404);

      // 4. A privacy officer finds the caregiver's reads and refusals in the audit trail.
      const officer = await openBrowser(DESKTOP);
      try {
        const o = officer.page;
        await firstStaffSignIn(o, server.baseUrl, server.privacyOfficer);
        await o.getByRole('navigation').getByRole('link', { name: 'Audit trail' }).click();
        await o.getByLabel('Patient ID').fill(patientId);
        await o.getByRole('button', { name: 'Show entries' }).click();
        const rows = o.getByTestId('audit-entries').locator('tbody tr');
        await rows.first().waitFor();
        const byCarla = (await rows.allInnerTexts()).filter((r) => r.includes('Carla Cuidadora'));
        expect(byCarla.some((r) => r.includes('Read') && r.includes('Allowed'))).toBe(true);
        expect(byCarla.filter((r) => r.includes('Read') && r.includes('Refused')).length).toBe(2);
        await screenshot(o, 'caregiver-audit-desktop');
      } finally {
        await officer.close();
      }
    } finally {
      await caregiver.close();
      await patient.close();
    }
  });

  it('has an invite form that reads well on phone and desktop, in every language', async () => {
    const { page, close } = await openBrowser(PHONE);
    try {
      await signInPortal(page, server.patient, /Hola/);
      await openInviteForm(page, 'es');
      await screenshot(page, 'caregiver-invite-form-phone');
      await page.setViewportSize(DESKTOP);
      await screenshot(page, 'caregiver-invite-form-desktop');
      expect(await reflows(page)).toBe(true);
      await inEveryLanguage(page, () => page.locator('form.invite-form').waitFor(), 'invite form');
    } finally {
      await close();
    }
  });
});

describe('a caregiver who helps two people', () => {
  it('switches between them and sees each one’s own scope', async () => {
    const first = await openBrowser(DESKTOP);
    const second = await openBrowser(DESKTOP);
    const helper = await openBrowser(PHONE);
    try {
      const dag = { given: 'Dag', family: 'Helper', email: 'dag@family.example' };
      await signInPortal(first.page, server.patient, /Hola/);
      await openInviteForm(first.page, 'es');
      await fillInvite(first.page, 'es', { ...dag, relationship: 'SON' }, [
        WORDS.es.category.profile,
        WORDS.es.category['care-plans'],
      ]);
      await first.page.getByRole('button', { name: WORDS.es.send }).click();
      await first.page
        .getByRole('status')
        .getByText(/Enviamos una invitación/)
        .waitFor();
      await acceptInvitation(helper.page);

      // The second patient shares bills with the same person, who already has a sign-in.
      const other = await server.addPortalPatient();
      await signInPortal(second.page, other, /Hello/);
      await openInviteForm(second.page, 'en');
      // Until a chosen last day: the summary and the caregiver both name that day.
      await second.page.getByLabel('Last day of sharing (optional)').fill('2099-12-31');
      await fillInvite(second.page, 'en', { ...dag, relationship: 'NBOR' }, [
        WORDS.en.category.billing,
      ]);
      expect(await second.page.getByTestId('invite-review').innerText()).toContain(
        'Sharing ends after December 31, 2099.',
      );
      await second.page.getByRole('button', { name: WORDS.en.send }).click();
      await second.page
        .getByRole('status')
        .getByText('Dag Helper already has a CareDesk sign-in', { exact: false })
        .waitFor();

      const h = helper.page;
      await signInPortal(
        h,
        { email: dag.email, password: CAREGIVER_PASSWORD, displayName: '' },
        /Está viendo:/,
      );
      const people = (
        (await (await h.request.get(`${server.baseUrl}/api/people-i-help`)).json()) as {
          items: Array<{ patientId: string; name: string }>;
        }
      ).items;
      expect(people).toHaveLength(2);
      const scope: Record<string, string[]> = {
        [other.patientId]: ['billing'],
      };
      const firstPatient = people.find((x) => x.patientId !== other.patientId)!;
      scope[firstPatient.patientId] = ['care-plans', 'profile'];
      const switcher = h.getByRole('navigation', { name: 'Cambiar a otra persona' });
      expect(await seriousViolations(h)).toEqual([]);
      await screenshot(h, 'caregiver-switcher-phone');
      for (const person of [...people].reverse()) {
        // By keyboard: Tab to the person's link, Enter.
        const link = switcher.getByRole('link', { name: person.name });
        if ((await link.getAttribute('aria-current')) !== 'page') {
          await link.focus();
          await h.keyboard.press('Enter');
        }
        await h.getByRole('heading', { name: `Está viendo: ${person.name}` }).waitFor();
        await expect.poll(() => link.getAttribute('aria-current')).toBe('page');
        expect(await sharedSections(h), person.name).toEqual(scope[person.patientId]);
        expect(await h.locator('.helping .notice').innerText()).toContain(
          person.patientId === other.patientId
            ? 'Compartido con usted hasta el 31 de diciembre de 2099.'
            : `hasta que ${person.name} deje de compartirlo`,
        );
      }
      // Each person's own scope holds on the server too.
      const bills = (id: string) => h.request.get(`${server.baseUrl}/api/patients/${id}/coverages`);
      expect((await bills(other.patientId)).status()).toBe(200);
      expect((await bills(firstPatient.patientId)).status()).toBe(404);
    } finally {
      await helper.close();
      await second.close();
      await first.close();
    }
  });
});
