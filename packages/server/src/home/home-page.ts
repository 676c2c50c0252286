import { negotiateLanguage, translate } from '@caredesk/core';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../storage/database';

const HOME_CSS = `body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b2733}
h1{color:#0b5d7a;line-height:1.2}a{color:#0b5d7a}
`;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The landing page: it says the server runs, in the visitor's language, and links the
 * portal, the console and the machine-readable descriptions.
 */
export function registerHomePage(
  app: FastifyInstance,
  database: Database,
  organizationName: () => Promise<string>,
): void {
  // A stylesheet of its own: the Content-Security-Policy (default-src 'self') refuses
  // inline styles, and it should stay that way.
  app.get(
    '/assets/home.css',
    { schema: { hide: true }, config: { policy: { kind: 'public' } } },
    (_request, reply) => reply.type('text/css; charset=utf-8').send(HOME_CSS),
  );

  app.get(
    '/',
    { schema: { hide: true }, config: { policy: { kind: 'public' } } },
    async (request, reply) => {
      const lang = negotiateLanguage(request.headers['accept-language']);
      const t = (key: string, values?: Record<string, number>) =>
        escapeHtml(translate(lang, key, values));
      const count = await sql<{
        n: number;
      }>`SELECT COUNT(*) AS n FROM patients WHERE merged_into IS NULL`.execute(database.db);
      const n = Number(count.rows[0]?.n ?? 0);
      const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('home.title')}</title>
<link rel="stylesheet" href="/assets/home.css"></head>
<body><h1>${t('home.title')} — ${escapeHtml(await organizationName())}</h1>
<p>${t('home.tagline')}</p><p>${t('home.running')}</p><p>${t('home.patients', { count: n })}</p>
<ul><li><a href="/portal">${t('home.portal')}</a></li><li><a href="/console">${t('home.console')}</a></li>
<li><a href="/openapi.json">${t('home.api')}</a></li><li><a href="/fhir/R4/metadata">${t('home.fhir')}</a></li></ul>
</body></html>`;
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );
}
