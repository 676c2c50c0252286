import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { startTestCareDesk } from '../../testing/test-caredesk';
import { enforceRoutePolicies } from './route-policy';

describe('route policies', () => {
  it('refuses to register a route that declares no access policy', async () => {
    const app = Fastify();
    const table = enforceRoutePolicies(app);
    app.get('/declared', { config: { policy: { kind: 'public' } } }, () => 'ok');
    expect(() => app.get('/forgotten', () => 'leak')).toThrow(/declares no access policy/);
    await app.ready();
    expect(table.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /declared']);
    await app.close();
  });

  it('keeps every page out of frames and every response out of caches', async () => {
    const desk = await startTestCareDesk();
    try {
      for (const url of [
        '/',
        '/api/health',
        '/api/patients/00000000-0000-4000-8000-000000000000',
      ]) {
        const res = await desk.app.inject({ method: 'GET', url });
        expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
        expect(res.headers['x-frame-options'], url).toBe('DENY');
        expect(res.headers['cache-control'], url).toBe('no-store');
      }
    } finally {
      await desk.dispose();
    }
  });

  it('styles the landing page from a stylesheet the CSP allows, never inline', async () => {
    const desk = await startTestCareDesk();
    try {
      const page = await desk.app.inject({
        method: 'GET',
        url: '/',
        headers: { 'accept-language': 'lv' },
      });
      expect(page.body).not.toContain('<style');
      expect(page.body).toContain('href="/assets/home.css"');
      expect(page.body).toContain('<html lang="lv">');
      const css = await desk.app.inject({ method: 'GET', url: '/assets/home.css' });
      expect(css.statusCode).toBe(200);
      expect(css.headers['content-type']).toContain('text/css');
    } finally {
      await desk.dispose();
    }
  });

  it('ignores a forged X-Forwarded-For when recording who asked', async () => {
    const desk = await startTestCareDesk();
    try {
      await desk.app.inject({
        method: 'GET',
        url: '/api/patients/00000000-0000-4000-8000-000000000000',
        headers: { 'x-forwarded-for': '203.0.113.66' },
        remoteAddress: '127.0.0.9',
      });
      const entry = await desk.database.db
        .selectFrom('audit_entries')
        .selectAll()
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(entry.outcome).toBe('denied');
      expect(entry.source_address).toBe('127.0.0.9');
    } finally {
      await desk.dispose();
    }
  });
});
