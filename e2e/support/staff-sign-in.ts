import type { Page } from 'playwright-core';
import { base32Decode } from '@caredesk/server/identity/base32';
import { totpAt } from '@caredesk/server/identity/totp';
import type { E2eAccount } from './e2e-server';

/**
 * A staff member's first sign-in through the console, as a person does it: password,
 * then two-step set-up with a code from the key on the page, then past the recovery
 * codes. Returns one recovery code for a later sign-in.
 */
export async function firstStaffSignIn(
  page: Page,
  baseUrl: string,
  who: E2eAccount,
): Promise<string> {
  await page.goto(`${baseUrl}/console/sign-in`);
  await page.getByLabel('E-mail').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Set up two-step sign-in' }).waitFor();
  const secret = (await page.getByTestId('mfa-secret').innerText()).replace(/\s/g, '');
  await page.getByLabel('6-digit code').fill(totpAt(base32Decode(secret), new Date()));
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  const codes = page.getByTestId('recovery-codes').locator('code');
  await codes.first().waitFor();
  const code = await codes.first().innerText();
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await page.getByRole('heading', { name: 'Patients' }).waitFor();
  return code;
}
