import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, openBrowser, screenshot } from './support/browser';
import { accessibleEverywhere } from './support/accessible-everywhere';
import { startE2eServer, type E2eServer } from './support/e2e-server';
import { ackCodeOf, sendMllp } from './support/mllp-send';
import { firstStaffSignIn } from './support/staff-sign-in';

let server: E2eServer;
beforeAll(async () => {
  server = await startE2eServer();
});
afterAll(async () => {
  await server?.stop();
});

const OUTCOME: Record<string, string> = {
  AA: 'Accepted (AA)',
  AE: 'Error (AE)',
  AR: 'Rejected (AR)',
};
const VIEW: Record<string, string> = { AA: 'processed', AE: 'failed', AR: 'rejected' };

/** A discharge as a hospital's interface engine sends it; segments end in CR. */
function dischargeMessage(controlId: string): string {
  return [
    `MSH|^~\\&|E2E-ADT|E2E-HOSPITAL|CAREDESK|CLINIC|20261124101500||ADT^A03^ADT_A03|${controlId}|P|2.5.1`,
    'EVN|A03|20261124101500',
    'PID|1||E2E-4711^^^E2E-HOSPITAL^MR||Testperson^Erika||19700101|F',
    'PV1|1|I|WARD-3^301^1|||||||||||||||E2E-V-4711|||||||||||||||||||||||||20261120080000|20261124100000',
  ].join('\r');
}

/** A discharge whose PID-3 has no medical record number: AE, kept for a replay. */
function dischargeWithoutMrn(controlId: string): string {
  return dischargeMessage(controlId).replace(
    'E2E-4711^^^E2E-HOSPITAL^MR',
    'E2E-4712^^^E2E-HOSPITAL^PI',
  );
}

/** The facts row of one message, e.g. its outcome. */
const fact = (item: Locator, name: string) =>
  item.locator(`xpath=.//dt[normalize-space()="${name}"]/following-sibling::dd[1]`);

/**
 * Issue #6 point 1 in the browser: messages that came over MLLP are on record with the ACK
 * they got; an administrator lists the rejected ones, reads one as received with its ACK,
 * and replays it.
 */
describe('HL7 messages in the console', () => {
  it('lists what the feed received, shows a message and its ACK, and replays it', async () => {
    const controlId = `E2E-A03-${Date.now()}`;
    const junkAck = await sendMllp(server.mllpPort, 'NOT HL7');
    expect(ackCodeOf(junkAck)).toBe('AR');
    const adtAck = await sendMllp(server.mllpPort, dischargeMessage(controlId));
    // AR 201 until ADT handling lands; whatever it is, the page must say the same.
    const adtCode = ackCodeOf(adtAck);
    expect(Object.keys(OUTCOME)).toContain(adtCode);
    const adtMsa = adtAck.split('\n').find((line) => line.startsWith('MSA|'))!;

    const { page, close } = await openBrowser(DESKTOP);
    try {
      await firstStaffSignIn(page, server.baseUrl, server.admin);
      await page.getByRole('link', { name: 'HL7 messages' }).click();
      await page.getByRole('heading', { level: 1, name: 'HL7 messages' }).waitFor();
      // Failed messages first: they are what needs attention.
      expect(await page.getByLabel('Show').inputValue()).toBe('failed');

      await page.getByLabel('Show').selectOption('rejected');
      const junk = page.locator('li.hl7-message').filter({
        has: page.getByRole('heading', { name: 'Unreadable message' }),
      });
      await junk.waitFor();
      await expect.poll(() => fact(junk, 'Outcome').innerText()).toBe('Rejected (AR)');
      expect(await fact(junk, 'Attempts').innerText()).toBe('1');

      await page.getByLabel('Show').selectOption(VIEW[adtCode]!);
      const adt = page.locator('li.hl7-message').filter({ hasText: controlId });
      await adt.getByRole('heading', { name: 'ADT^A03' }).waitFor();
      expect(await fact(adt, 'Outcome').innerText()).toBe(OUTCOME[adtCode]);
      expect(await fact(adt, 'Sender').innerText()).toBe('E2E-ADT / E2E-HOSPITAL');
      if (adtCode === 'AR') expect(await junk.count()).toBe(1);

      await adt.getByRole('button', { name: 'Show message' }).click();
      const text = adt.getByRole('region', { name: 'Message as received' });
      const ack = adt.getByRole('region', { name: 'Acknowledgement sent' });
      await text.getByText('PID|1||E2E-4711^^^E2E-HOSPITAL^MR||Testperson^Erika').waitFor();
      expect(await text.locator('.hl7-segment').count()).toBe(4);
      const ackLines = await ack.locator('.hl7-segment').allInnerTexts();
      expect(ackLines.map((line) => line.trim())).toContain(adtMsa);

      await accessibleEverywhere(page, 'hl7-messages');

      // A processed message cannot be replayed; a failed or rejected one can, once confirmed.
      const replayed = adtCode === 'AA' ? junk : adt;
      if (adtCode === 'AA') await page.getByLabel('Show').selectOption('rejected');
      await replayed.getByRole('button', { name: 'Replay' }).click();
      const dialog = page.getByRole('dialog', { name: 'Replay this message?' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Replay' }).click();
      const done = replayed.getByRole('status').filter({ hasText: 'Replayed. New outcome:' });
      await done.waitFor();
      const outcome = await fact(replayed, 'Outcome').innerText();
      expect(Object.values(OUTCOME)).toContain(outcome);
      expect(await done.innerText()).toBe(`Replayed. New outcome: ${outcome}`);
      await expect.poll(() => fact(replayed, 'Attempts').innerText()).toBe('2');
      expect(await dialog.count()).toBe(0);
      await screenshot(page, 'hl7-messages-replayed');

      // Why a message failed, in the admin's language, beside the text its sender was sent.
      const failedId = `E2E-NOMRN-${Date.now()}`;
      const failedAck = await sendMllp(server.mllpPort, dischargeWithoutMrn(failedId));
      expect(ackCodeOf(failedAck)).toBe('AE');
      expect(failedAck).toContain('PID-3 holds no MR identifier');
      await page.getByLabel('Show').selectOption('processed');
      await page.getByLabel('Show').selectOption('failed');
      const noMrn = page.locator('li.hl7-message').filter({ hasText: failedId });
      await noMrn.waitFor();
      expect(await fact(noMrn, 'Error').innerText()).toBe(
        'PID-3 holds no medical record number (identifier type MR), so the patient cannot be matched.',
      );
      const sent = fact(noMrn, 'Text sent to the sender');
      expect(await sent.innerText()).toContain('PID-3 holds no MR identifier');
      expect(await sent.getAttribute('lang')).toBe('en');
      const saved = page.waitForResponse((r) => r.url().endsWith('/api/auth/me/language'));
      await page.locator('.language-picker select').selectOption('nb');
      await page.locator('html[lang="nb"]').waitFor();
      await saved;
      await expect
        .poll(() => fact(noMrn, 'Feil').innerText())
        .toBe(
          'PID-3 har ikke noe journalnummer (identifikatortype MR), så pasienten kan ikke gjenkjennes.',
        );
      expect(await fact(noMrn, 'Tekst sendt til avsenderen').innerText()).toContain(
        'PID-3 holds no MR identifier',
      );
      await screenshot(page, 'hl7-messages-error-nb');
      await page.setViewportSize(PHONE);
      await noMrn.scrollIntoViewIfNeeded();
      await screenshot(page, 'hl7-messages-error-nb-phone');
    } finally {
      await close();
    }
  });

  it('is not in an agent’s console', async () => {
    const { page, close } = await openBrowser(DESKTOP);
    try {
      await firstStaffSignIn(page, server.baseUrl, server.staff);
      await page.getByRole('navigation').getByRole('link').first().waitFor();
      expect(await page.getByRole('link', { name: 'HL7 messages' }).count()).toBe(0);
    } finally {
      await close();
    }
  });
});
