import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { installErrorHandling } from '../error-handler';
import { installSecurityHeaders } from '../security-headers';
import { registerWebApp } from './web-app';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function dist(withBuild: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'caredesk-web-'));
  dirs.push(dir);
  if (withBuild) {
    mkdirSync(join(dir, 'static'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><script type="module" src="/static/app-1.js"></script>',
    );
    writeFileSync(join(dir, 'static', 'app-1.js'), 'console.log(1)');
  }
  return dir;
}

async function appOn(dir: string) {
  const app = Fastify();
  installSecurityHeaders(app);
  installErrorHandling(app);
  registerWebApp(app, dir);
  await app.ready();
  return app;
}

describe('the web app as the server serves it', () => {
  it('answers every portal and console path with the app page, never cached', async () => {
    const app = await appOn(dist(true));
    for (const url of [
      '/portal',
      '/portal/sign-in',
      '/console',
      '/console/patients/x/y',
      '/reset-password',
      '/accept-invitation',
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.body).toContain('/static/app-1.js');
    }
  });

  it('serves hashed files for a year with an ETag, and 304 when unchanged', async () => {
    const app = await appOn(dist(true));
    const res = await app.inject({ url: '/static/app-1.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const again = await app.inject({
      url: '/static/app-1.js',
      headers: { 'if-none-match': String(res.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it('does not serve files outside the build, or files it does not have', async () => {
    const app = await appOn(dist(true));
    for (const url of ['/static/nope.js', '/static/../index.html', '/static/%2e%2e/index.html']) {
      const res = await app.inject({ url });
      expect([404, 400], url).toContain(res.statusCode);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
      expect(res.body).not.toContain('<script');
    }
  });

  it('says the app is not built (503 problem) instead of a blank page', async () => {
    const app = await appOn(dist(false));
    const res = await app.inject({ url: '/console', headers: { 'accept-language': 'es' } });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 503, code: 'unavailable' });
    expect(res.json().detail).toContain('npm run build');
  });
});
