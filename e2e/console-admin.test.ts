import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, openBrowser, screenshot, seriousViolations } from './support/browser';
import { accessibleEverywhere } from './support/accessible-everywhere';
import { startE2eServer, type E2eServer } from './support/e2e-server';
import { firstStaffSignIn } from './support/staff-sign-in';

let server: E2eServer;
let merging: [string, string];
let changing: [string, string];
beforeAll(async () => {
  server = await startE2eServer();
  merging = await server.createDuplicatePair('Ozolkalne');
  await server.createDuplicatePair('Rudzīte');
  changing = await server.createDuplicatePair('Liepiņa');
});
afterAll(async () => {
  await server?.stop();
});

/** The flagged pair whose records have this family name, paging through the list as needed. */
async function pairOf(page: Page, family: string): Promise<Locator> {
  const list = page.getByTestId('duplicate-pairs');
  await list.waitFor();
  const pair = list.locator('li.duplicate-pair').filter({
    has: page.getByRole('heading', { level: 2, name: new RegExp(family) }),
  });
  const more = page.getByRole('button', { name: 'Show more pairs' });
  while ((await pair.count()) === 0 && (await more.count()) > 0) await more.click();
  await pair.getByRole('table').waitFor();
  return pair;
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

describe('duplicate review', () => {
  it('compares a pair, merges it into the record chosen, and dismisses another', async () => {
    const { page, close } = await openBrowser(DESKTOP);
    try {
      await firstStaffSignIn(page, server.baseUrl, server.supervisor);
      await page.getByRole('navigation').getByRole('link', { name: 'Possible duplicates' }).click();
      const pair = await pairOf(page, 'Ozolkalne');
      expect(await pair.innerText()).toContain(
        'Why flagged: same date of birth, similar name, and same phone number',
      );
      const table = await pair.getByRole('table').innerText();
      expect(table).toContain('E2E-1-1');
      expect(table).toContain('E2E-1-2');
      await accessibleEverywhere(page, 'console-duplicates');

      // Keep the record entered second (Mārta); the dialog says plainly what will happen.
      const label = await pair.locator('label', { hasText: '(Mārta Ozolkalne)' }).innerText();
      const kept = /^Keep record ([AB]) /.exec(label)?.[1] ?? '';
      await pair.getByLabel(label).check();
      const gone = kept === 'A' ? 'B' : 'A';
      const mergeButton = pair.getByRole('button', { name: 'Merge…' });
      await mergeButton.click();
      const dialog = page.getByRole('dialog', {
        name: `Merge record ${gone} into record ${kept}?`,
      });
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain(
        `Record ${kept} (Mārta Ozolkalne) stays. Every identifier of record ${gone} (Marta Ozolkalne) moves to it, and anyone who opens record ${gone} is taken to record ${kept}.`,
      );
      expect(await dialog.innerText()).toContain('This cannot be undone from here.');
      // Cancel has the focus first; Tab stays in the dialog; Escape gives focus back.
      expect(await focusedText(page)).toBe('Cancel');
      for (let i = 0; i < 3; i++) {
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(
          true,
        );
      }
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'console-duplicates-merge-dialog-desktop');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await focusedText(page)).toBe('Merge…');

      await mergeButton.click();
      await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
      await page.getByText('The two records are now one.').waitFor();
      expect(await page.getByRole('heading', { name: /Ozolkalne/ }).count()).toBe(0);
      // Focus moved on to the next pair (or the page title when none is left).
      expect(await page.evaluate(() => document.activeElement?.tagName)).toMatch(/^H[12]$/);

      // The merged-away record leads to the survivor, which holds both identifiers.
      await page.goto(`${server.baseUrl}/console/patients/${merging[0]}`);
      await page.waitForURL(`**/console/patients/${merging[1]}`);
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).innerText())
        .toBe('Mārta Ozolkalne');
      const identifiers = await page.getByRole('table').innerText();
      expect(identifiers).toContain('E2E-1-1');
      expect(identifiers).toContain('E2E-1-2');

      await page.goto(`${server.baseUrl}/console/duplicates`);
      const other = await pairOf(page, 'Rudzīte');
      await other.getByRole('button', { name: 'Not the same person' }).click();
      // The names come in the pair's order (A, B), which the records' ids decide.
      await page
        .getByText(
          /^M(a|ā)rta Rudzīte and M(?!\1)[aā]rta Rudzīte are marked as two different people\.$/,
        )
        .waitFor();
      expect(await page.getByRole('heading', { name: /Rudzīte/ }).count()).toBe(0);

      // A colleague changes a record while the reviewer looks at the pair: nothing is merged.
      const changed = await pairOf(page, 'Liepiņa');
      await server.changePatient(changing[1]);
      await changed.getByRole('button', { name: 'Merge…' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Merge', exact: true }).click();
      await expect
        .poll(() => changed.getByRole('alert').innerText())
        .toContain('Someone changed or merged one of these records while you were looking');
      // The explanation has the focus, and the pair is shown again as it is now.
      expect(await focusedText(page)).toContain('nothing was merged');
      await changed.getByRole('table').waitFor();
      expect(await changed.getByRole('button', { name: 'Merge…' }).count()).toBe(1);
    } finally {
      await close();
    }
  });
});

/** An account's card on the users page, by its e-mail address. */
const card = (page: Page, email: string) => page.getByTestId(`account-${email}`);

describe('users, roles and teams', () => {
  it('invites, changes roles, resets a second factor and fills a team', async () => {
    const { page, close } = await openBrowser(DESKTOP);
    try {
      await firstStaffSignIn(page, server.baseUrl, server.admin);
      const nav = page.getByRole('navigation');
      expect(await nav.getByRole('link', { name: 'Possible duplicates' }).count()).toBe(0);
      await nav.getByRole('link', { name: 'Users and roles' }).click();
      await page.getByTestId('accounts').waitFor();

      // Invite: the roles are the ones this administrator may grant; oversight roles are not.
      const invite = page.locator('form.invite-form');
      expect(await invite.getByLabel('Privacy officer').isDisabled()).toBe(true);
      await invite.getByRole('button', { name: 'Send the invitation' }).click();
      await expect
        .poll(() => invite.getByRole('alert').allInnerTexts())
        .toEqual([
          'Enter the person’s name.',
          'Enter an e-mail address such as name@clinic.example.',
          'Choose at least one role.',
        ]);
      await invite.getByLabel('Full name').fill('Vera Invited');
      await invite.getByLabel('E-mail').fill('e2e-vera@clinic.example');
      await invite.getByLabel('Front desk').check();
      await invite.getByRole('button', { name: 'Send the invitation' }).click();
      await invite
        .getByText('Invitation sent to e2e-vera@clinic.example. The link in it works for 7 days.')
        .waitFor();
      const vera = card(page, 'e2e-vera@clinic.example');
      expect(await vera.innerText()).toMatch(/Front desk[\s\S]*Invited[\s\S]*Off/);
      // The same address again: the server's refusal, beside the button.
      await invite.getByLabel('Full name').fill('Vera Again');
      await invite.getByLabel('E-mail').fill('e2e-vera@clinic.example');
      await invite.getByLabel('Front desk').check();
      await invite.getByRole('button', { name: 'Send the invitation' }).click();
      await expect
        .poll(() => invite.getByRole('alert').innerText())
        .toBe('An account already uses this e-mail address.');

      // Roles: a nurse becomes nurse and physician.
      const nina = card(page, server.nurse.email);
      await nina.getByRole('button', { name: `Manage ${server.nurse.displayName}` }).click();
      await nina.getByLabel('Physician').check();
      await nina.getByRole('button', { name: 'Save roles' }).click();
      await nina.getByText(`The roles of ${server.nurse.displayName} are saved.`).waitFor();
      expect(await nina.locator('dl').innerText()).toContain('Nurse, Physician');
      await accessibleEverywhere(page, 'console-users');

      // The server refuses raising one's own access, and the page says so beside the button.
      const me = card(page, server.admin.email);
      await me.getByRole('button', { name: `Manage ${server.admin.displayName}` }).click();
      await me.getByLabel('Nurse').check();
      await me.getByRole('button', { name: 'Save roles' }).click();
      await expect.poll(() => me.getByRole('alert').innerText()).toMatch(/raise your own access/);

      // A lost second factor: asked once, in a dialog that gives focus back.
      const sven = card(page, server.supervisor.email);
      await sven.getByRole('button', { name: `Manage ${server.supervisor.displayName}` }).click();
      await sven.getByRole('button', { name: 'Reset two-step sign-in' }).click();
      const dialog = page.getByRole('dialog', {
        name: `Reset two-step sign-in for ${server.supervisor.displayName}?`,
      });
      await dialog.waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await focusedText(page)).toBe('Reset two-step sign-in');
      await page.keyboard.press('Enter');
      await dialog.getByRole('button', { name: 'Reset', exact: true }).click();
      await sven
        .getByText(`Two-step sign-in of ${server.supervisor.displayName} is reset.`)
        .waitFor();
      expect(await focusedText(page)).toContain('is reset');
      expect(await sven.locator('dl').innerText()).toMatch(/Two-step sign-in\s*Off/);

      // Disable and enable again.
      await vera.getByRole('button', { name: 'Manage Vera Invited' }).click();
      await vera.getByRole('button', { name: 'Disable the account' }).click();
      await vera.getByText('Vera Invited can no longer sign in').waitFor();
      expect(await vera.locator('dl').innerText()).toContain('Disabled');
      await vera.getByRole('button', { name: 'Enable the account' }).click();
      await vera.getByText('Vera Invited can sign in again.').waitFor();
      expect(await vera.locator('dl').innerText()).toContain('Invited');

      // Teams: create one, add two members, remove one.
      await nav.getByRole('link', { name: 'Teams' }).click();
      await page.getByRole('heading', { level: 1, name: 'Teams' }).waitFor();
      await page.getByRole('button', { name: 'Create the team' }).click();
      await page.getByText('Enter a name for the team.').waitFor();
      await page.getByLabel('Team name').fill('Night shift');
      await page.getByRole('button', { name: 'Create the team' }).click();
      await page.getByText('Team Night shift created.').waitFor();
      const team = page.getByTestId('teams').locator('li.team').filter({ hasText: 'Night shift' });
      const add = team.getByLabel('Add a member to Night shift');
      for (const who of [
        server.nurse,
        { displayName: 'Vera Invited', email: 'e2e-vera@clinic.example' },
      ]) {
        await add.selectOption({ label: `${who.displayName} (${who.email})` });
        await team.getByRole('button', { name: 'Add', exact: true }).click();
        await page.getByText(`${who.displayName} was added to Night shift.`).waitFor();
      }
      await team.getByRole('button', { name: 'Remove Vera Invited from Night shift' }).click();
      await page.getByText('Vera Invited was removed from Night shift.').waitFor();
      expect(await focusedText(page)).toBe('Night shift');
      expect(await team.getByRole('list').innerText()).toContain(server.nurse.displayName);
      await accessibleEverywhere(page, 'console-teams');
    } finally {
      await close();
    }
  });
});

describe('staff without the permissions', () => {
  it('do not see these pages, and are told so when they open them', async () => {
    const { page, close } = await openBrowser(DESKTOP);
    try {
      await firstStaffSignIn(page, server.baseUrl, server.nurse);
      const nav = page.getByRole('navigation');
      for (const link of ['Possible duplicates', 'Users and roles', 'Teams'])
        expect(await nav.getByRole('link', { name: link }).count(), link).toBe(0);
      for (const path of ['/console/duplicates', '/console/admin/users', '/console/admin/teams']) {
        await page.goto(`${server.baseUrl}${path}`);
        await page.getByRole('heading', { level: 1, name: 'Not available to you' }).waitFor();
        expect(await seriousViolations(page), path).toEqual([]);
      }
      await screenshot(page, 'console-not-allowed-desktop');
      // And the server refuses her, whatever the page shows.
      for (const api of ['/api/duplicates', '/api/admin/users', '/api/admin/teams'])
        expect((await page.request.get(`${server.baseUrl}${api}`)).status(), api).toBe(403);
    } finally {
      await close();
    }
  });
});
