import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, openBrowser } from './support/browser';
import { accessibleAtBothSizes } from './support/accessible-everywhere';
import { startE2eServer, type E2eServer } from './support/e2e-server';
import { firstStaffSignIn } from './support/staff-sign-in';

let server: E2eServer;
beforeAll(async () => {
  server = await startE2eServer();
});
afterAll(async () => {
  await server?.stop();
});

const agentRow = (page: Page, name: string) =>
  page.getByTestId('agents').getByRole('row').filter({ hasText: name });

describe('desk routing set-up (issue #5 point 3)', () => {
  it('a supervisor creates a Spanish queue and gives an agent Spanish; the agent steps away', async () => {
    const supervisor = await openBrowser(DESKTOP);
    const agent = await openBrowser(DESKTOP);
    try {
      const page = supervisor.page;
      await firstStaffSignIn(page, server.baseUrl, server.supervisor);
      await page.getByRole('navigation').getByRole('link', { name: 'Queues' }).click();
      await page.getByRole('heading', { level: 1, name: 'Queues' }).waitFor();
      // The demo clinic's queues, most specific first and the catch-all last.
      const names = page.getByTestId('queue').getByRole('heading', { level: 2 });
      await names.first().waitFor();
      expect(await names.allInnerTexts()).toEqual([
        'Pharmacy & refills',
        'Billing',
        'Scheduling',
        'Care coordination',
        'General',
      ]);

      // A second queue called General is refused, in words, inside the dialog.
      await page.getByRole('button', { name: 'New queue' }).click();
      const dialog = page.getByRole('dialog', { name: 'New queue' });
      await dialog.getByLabel('Name').fill('General');
      await dialog.getByRole('button', { name: 'Save queue' }).click();
      await dialog
        .getByRole('alert')
        .filter({ hasText: 'A queue with this name exists.' })
        .waitFor();

      // The Spanish line: tried first, only for Spanish speakers, cases in turn.
      await dialog.getByLabel('Name').fill('Línea en español');
      await dialog.getByLabel('Order').fill('5');
      await dialog.getByRole('group', { name: 'Agents must speak' }).getByLabel('Spanish').check();
      await dialog.getByLabel('In turn (round-robin)').check();
      await accessibleAtBothSizes(page, 'desk-queue-form');
      await dialog.getByRole('button', { name: 'Save queue' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Queue Línea en español created.' })
        .waitFor();
      expect(await dialog.count()).toBe(0);
      await expect.poll(async () => (await names.allInnerTexts())[0]).toBe('Línea en español');
      const spanish = page.getByTestId('queue').first();
      expect(await spanish.innerText()).toContain('Agents must speak\nSpanish');
      expect(await spanish.innerText()).toContain('In turn (round-robin)');
      await accessibleAtBothSizes(page, 'desk-queues');

      // Ada (an agent nobody has set up) gets Spanish beside her English, and room for six.
      await page.getByRole('navigation').getByRole('link', { name: 'Agents' }).click();
      await page.getByRole('heading', { level: 1, name: 'Agents' }).waitFor();
      const ada = agentRow(page, 'Ada Front');
      expect(await ada.innerText()).toContain('Not set up yet');
      await ada.getByRole('button', { name: 'Edit Ada Front' }).click();
      const form = page.getByRole('dialog', { name: 'Routing for Ada Front' });
      await form.getByRole('group', { name: 'Languages' }).getByLabel('Spanish').check();
      await form.getByRole('group', { name: 'Skills' }).getByLabel('Prescription refill').check();
      await form.getByLabel('Capacity').fill('6');
      await accessibleAtBothSizes(page, 'desk-agent-form');
      await form.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('status').filter({ hasText: 'Routing for Ada Front saved.' }).waitFor();
      const row = await ada.innerText();
      expect(row).toContain('English, Spanish');
      expect(row).toContain('Prescription refill');
      expect(row).toMatch(/\b6\b/);
      expect(row).not.toContain('Not set up yet');
      // Between them, the demo's agents speak each of CareDesk's four languages.
      const table = await page.getByTestId('agents').innerText();
      for (const language of ['English', 'Spanish', 'Latvian', 'Norwegian Bokmål'])
        expect(table).toContain(language);
      await accessibleAtBothSizes(page, 'desk-agents');

      // Ada says she is away, from the console header; her supervisor sees it.
      await firstStaffSignIn(agent.page, server.baseUrl, server.staff);
      expect(await agent.page.getByRole('link', { name: 'Queues' }).count()).toBe(0);
      const mine = agent.page.getByLabel('My availability');
      expect(await mine.inputValue()).toBe('available');
      const saved = agent.page.waitForResponse((r) =>
        r.url().endsWith('/api/desk/me/availability'),
      );
      await mine.selectOption('away');
      expect((await saved).status()).toBe(200);
      await accessibleAtBothSizes(agent.page, 'desk-availability');
      await agent.page.reload();
      await agent.page.getByRole('heading', { name: 'Patients' }).waitFor();
      expect(await agent.page.getByLabel('My availability').inputValue()).toBe('away');
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Agents' }).waitFor();
      expect(await agentRow(page, 'Ada Front').innerText()).toContain('Away');

      // An agent's own set-up is not theirs to open.
      await agent.page.goto(`${server.baseUrl}/console/desk/agents`);
      await agent.page.getByRole('heading', { level: 1 }).waitFor();
      expect(await agent.page.getByTestId('agents').count()).toBe(0);
    } finally {
      await supervisor.close();
      await agent.close();
    }
  });
});
