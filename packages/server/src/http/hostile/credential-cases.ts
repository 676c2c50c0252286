import type { RegisteredRoute } from '../access/route-policy';
import type { CorpusContext, HostileCase } from './hostile-harness';

const G = 'credentials';
const NIL = '00000000-0000-4000-8000-000000000000';
const UNAUTHENTICATED = [401] as const;
const FORBIDDEN = [403] as const;
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What the credential cases need besides the corpus context. */
export interface CredentialContext {
  /** Every route with its declared policy (`desk.routes`). */
  routes: readonly RegisteredRoute[];
  /** The corpus token (`Bearer cd_<id>_<secret>`), to forge variants of it. */
  authorization: string;
  /** A real staff session: its cookie (`cd_session=…`) and CSRF token. */
  session: { cookie: string; csrf: string };
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const ALG_NONE_JWT = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ sub: 'admin', role: 'admin', scope: 'patient.read patient.update' })}.`;

/**
 * Requests with no credentials, forged or mangled ones, or a real session cookie without
 * its CSRF token, on every route that is not public: each is refused by the access hooks
 * (401, or 403 for the CSRF check) with the right error body, before any body is read.
 * Forged credentials on public routes change nothing.
 */
export function credentialCases(ctx: CorpusContext, cc: CredentialContext): HostileCase[] {
  const token = cc.authorization.replace(/^Bearer /, '');
  const tokenId = /^cd_([0-9a-f]{24})_/.exec(token)?.[1] ?? '0'.repeat(24);
  const forged: ReadonlyArray<readonly [string, Record<string, string>]> = [
    ['no credentials', {}],
    ['Bearer x', { authorization: 'Bearer x' }],
    ['Bearer empty', { authorization: 'Bearer ' }],
    ['JWT alg:none', { authorization: `Bearer ${ALG_NONE_JWT}` }],
    [
      'Basic admin:admin',
      { authorization: `Basic ${Buffer.from('admin:admin').toString('base64')}` },
    ],
    ['Basic garbage', { authorization: 'Basic %%%' }],
    ['token id with a wrong secret', { authorization: `Bearer cd_${tokenId}_${'0'.repeat(64)}` }],
    ['token with a trailing byte', { authorization: `${cc.authorization}0` }],
    ['token with SQL', { authorization: `Bearer cd_${tokenId}_' OR '1'='1` }],
    ['token twice', { authorization: `${cc.authorization}, ${cc.authorization}` }],
    ['garbage session cookie', { cookie: `cd_session=${'a'.repeat(43)}` }],
    // An Authorization header is the only credential looked at: no fall-back to the cookie.
    [
      'real session cookie with a forged bearer',
      { cookie: cc.session.cookie, 'x-csrf-token': cc.session.csrf, authorization: 'Bearer x' },
    ],
  ];
  // The right token with its last character changed (never the right token by accident).
  const last = cc.session.csrf.slice(-1);
  const wrongCsrf = `${cc.session.csrf.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`;
  const csrf: ReadonlyArray<readonly [string, Record<string, string>]> = [
    ['session cookie without CSRF token', { cookie: cc.session.cookie }],
    [
      'session cookie with a wrong CSRF token',
      { cookie: cc.session.cookie, 'x-csrf-token': wrongCsrf },
    ],
    [
      'session cookie, CSRF token, foreign Origin',
      {
        cookie: cc.session.cookie,
        'x-csrf-token': cc.session.csrf,
        origin: 'https://evil.example',
      },
    ],
  ];

  const cases: HostileCase[] = [];
  for (const route of cc.routes) {
    const url = route.url
      .replace(':id', ctx.victimId)
      .replace(/:[A-Za-z]+/g, NIL)
      .replace(/\*$/, '');
    const hasBody = !SAFE.has(route.method) && route.method !== 'DELETE';
    const body = hasBody ? '{}' : undefined;
    const type: Record<string, string> = hasBody
      ? { 'content-type': url.startsWith('/fhir/') ? 'application/fhir+json' : 'application/json' }
      : {};
    const at = `${route.method} ${route.url}`;
    const add = (name: string, headers: Record<string, string>, expect: readonly number[]) =>
      cases.push({
        group: G,
        name: `${at}: ${name}`,
        method: route.method,
        url,
        headers: { ...type, ...headers },
        body,
        expect,
        anonymous: true,
      });
    if (route.policy.kind === 'public') {
      // Public pages answer the same whatever credentials come with them. A wildcard route
      // (the web app's /static/*) is asked for its bare prefix, which names no file: 404.
      const answer = route.url.endsWith('*') && route.url.startsWith('/static/') ? 404 : 200;
      if (route.method === 'GET')
        for (const [name, headers] of forged) add(name, headers, [answer]);
      continue;
    }
    for (const [name, headers] of forged) add(name, headers, UNAUTHENTICATED);
    if (!SAFE.has(route.method)) for (const [name, headers] of csrf) add(name, headers, FORBIDDEN);
  }
  return cases;
}
