import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError, negotiateLanguage } from '@caredesk/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problem, PROBLEM_CONTENT_TYPE } from '../problem';

/** Where `npm run build -w @caredesk/web` (and `npm start`) puts the built app. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../../web/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.html': 'text/html; charset=utf-8',
};

interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The built app, read once at start-up: a few hundred kilobytes, served from memory. */
function loadDist(dist: string): { index: StaticFile; files: Map<string, StaticFile> } | null {
  const indexPath = join(dist, 'index.html');
  if (!existsSync(indexPath)) return null;
  const load = (path: string): StaticFile => {
    const body = readFileSync(path);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    return { body, type: TYPES[extname(path)] ?? 'application/octet-stream', etag };
  };
  const files = new Map<string, StaticFile>();
  const staticDir = join(dist, 'static');
  if (existsSync(staticDir)) {
    for (const path of filesUnder(staticDir))
      files.set(relative(staticDir, path).split(sep).join('/'), load(path));
  }
  return { index: load(indexPath), files };
}

/** 503 rather than 404: the page exists, this installation has not built it yet. */
function sendNotBuilt(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const language = negotiateLanguage(request.headers['accept-language']);
  const detail = 'The web app is not built: run `npm run build -w @caredesk/web` (npm start does).';
  return reply
    .code(503)
    .type(PROBLEM_CONTENT_TYPE)
    .send(problem(503, 'unavailable', language, detail));
}

/**
 * Serves the React app (issue #4): /portal and /console and every path under them, and
 * the password pages, answer index.html, whose router takes it from there; /static/ holds the hashed
 * scripts and styles. index.html is never cached (it names the current files); hashed
 * files never change, so they may be cached for a year. Nothing here holds patient data.
 */
export function registerWebApp(app: FastifyInstance, dist: string = DEFAULT_WEB_DIST): void {
  const built = loadDist(dist);
  const publicRoute = { schema: { hide: true }, config: { policy: { kind: 'public' as const } } };

  app.get<{ Params: { '*': string } }>('/static/*', publicRoute, (request, reply) => {
    if (!built) return sendNotBuilt(request, reply);
    const file = built.files.get(request.params['*']);
    if (!file) throw new DomainError('not-found', 'problem.not-found', 'no such file');
    reply.header('Cache-Control', 'public, max-age=31536000, immutable');
    if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
    return reply.header('ETag', file.etag).type(file.type).send(file.body);
  });

  const page = (request: FastifyRequest, reply: FastifyReply) => {
    if (!built) return sendNotBuilt(request, reply);
    return reply.type(built.index.type).send(built.index.body);
  };
  for (const area of ['/portal', '/console']) {
    app.get(area, publicRoute, page);
    app.get(`${area}/*`, publicRoute, page);
  }
  // Reached before signing in, from either side; the last two are the e-mailed links.
  for (const path of ['/forgot-password', '/reset-password', '/accept-invitation'])
    app.get(path, publicRoute, page);
}
