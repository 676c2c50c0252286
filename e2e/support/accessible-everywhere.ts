import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DESKTOP, PHONE, screenshot, seriousViolations } from './browser';

export const LANGUAGES = ['en', 'es', 'lv', 'nb'] as const;
/** 1280 × 800 at 200 % zoom. */
export const ZOOMED = { width: 640, height: 400 };

export const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * The page as it stands, in every language at a phone, a desktop and 200 % zoom: no
 * serious axe violation, no sideways scrolling (WCAG 1.4.10), and a screenshot of each
 * (`${name}-${lang}-${size}`) for a person to look at. Ends in English at desktop size.
 */
export async function accessibleEverywhere(page: Page, name: string): Promise<void> {
  for (const lang of LANGUAGES) {
    await page.locator('.language-picker select').selectOption(lang);
    await page.locator(`html[lang="${lang}"]`).waitFor();
    for (const [size, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
      ['zoomed', ZOOMED],
    ] as const) {
      await page.setViewportSize(viewport);
      expect(await seriousViolations(page), `${name} ${lang} ${size}`).toEqual([]);
      expect(await sidewaysScroll(page), `${name} ${lang} ${size}`).toBeLessThanOrEqual(0);
      await screenshot(page, `${name}-${lang}-${size}`);
    }
  }
  await page.locator('.language-picker select').selectOption('en');
  await page.locator('html[lang="en"]').waitFor();
  await page.setViewportSize(DESKTOP);
}

/**
 * The page as it stands, in its current language on a phone and a desktop: no serious axe
 * violation, no sideways scrolling, and a screenshot of each (`${name}-${size}`), taken
 * first so that a failure can be looked at. Ends at desktop size.
 */
export async function accessibleAtBothSizes(page: Page, name: string): Promise<void> {
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    await screenshot(page, `${name}-${size}`);
    expect(await seriousViolations(page), `${name} ${size}`).toEqual([]);
    expect(
      await sidewaysScroll(page),
      `${name} ${size}: sideways scroll in px`,
    ).toBeLessThanOrEqual(0);
  }
}
