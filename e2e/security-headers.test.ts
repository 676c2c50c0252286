import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, PHONE } from './support/browser';
import { startE2eServer, type E2eServer } from './support/e2e-server';

let server: E2eServer;
beforeAll(async () => {
  server = await startE2eServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('web app security headers and browser storage (issue #4, point 7)', () => {
  it('serves pages with a strict CSP, never cached, and hashed files cacheable', async () => {
    const res = await fetch(`${server.baseUrl}/portal/sign-in`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    // Every script is a file from /static/: nothing inline for the CSP to have to allow.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const script = /src="(\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${server.baseUrl}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-type')).toContain('javascript');
  });

  it('keeps nothing but the language choice in browser storage after a patient signs in', async () => {
    const { page, close } = await openBrowser(PHONE);
    try {
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await page.goto(`${server.baseUrl}/portal/sign-in`);
      await page.getByLabel('Language').selectOption('lv');
      await page.getByLabel('E-pasts').fill(server.patient.email);
      await page.getByLabel('Parole').fill(server.patient.password);
      await page.getByRole('button', { name: 'Pieslēgties' }).click();
      await page.getByRole('heading', { name: /Hola/ }).waitFor();
      const storage = await page.evaluate(() => ({
        local: Object.keys(localStorage),
        session: Object.keys(sessionStorage),
        cookies: document.cookie,
      }));
      expect(storage).toEqual({ local: ['caredesk.language'], session: [], cookies: '' });
      expect(violations).toEqual([]);
    } finally {
      await close();
    }
  });

  it('refuses to be framed', async () => {
    const res = await fetch(`${server.baseUrl}/console`);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});
