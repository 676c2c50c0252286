import { performance } from 'node:perf_hooks';
import type { FastifyInstance, InjectOptions } from 'fastify';

/** One hostile request and what it must answer with. */
export interface HostileCase {
  group: string;
  name: string;
  method: NonNullable<InjectOptions['method']>;
  url: string;
  headers?: Record<string, string>;
  /** Sent byte for byte; the case sets its own content-type (or deliberately none). */
  body?: string | Buffer;
  /** Acceptable statuses. Absent: anything below 500 (a hostile request may be accepted). */
  expect?: readonly number[];
  /** Extra check of a 2xx JSON body; returns a violation or null. */
  check?: (body: unknown) => string | null;
  /**
   * Sent without the corpus credentials (the default bearer token): only `headers`, which
   * then carry no credentials, forged ones, or a cookie without its CSRF token.
   */
  anonymous?: boolean;
}

/** Ids the generators aim at: benign records (never to be damaged) and a sacrificial one. */
export interface CorpusContext {
  benignIds: readonly string[];
  /** A patient cases may try to modify; a version the corpus knows. */
  victimId: string;
  victimVersion: number;
  /** Whether the app has a route for a method and URL pattern (`/api/patients/:id`). */
  hasRoute: (method: string, pattern: string) => boolean;
}

export interface CaseResult {
  status: number;
  ms: number;
  violations: string[];
}

export const REQUEST_BUDGET_MS = 2_000;
export const JSON_HEADERS = { 'content-type': 'application/json' } as const;
export const FHIR_HEADERS = { 'content-type': 'application/fhir+json' } as const;

export function jsonCase(
  group: string,
  name: string,
  method: HostileCase['method'],
  url: string,
  value: unknown,
  expect?: readonly number[],
): HostileCase {
  const headers = url.startsWith('/fhir/') ? FHIR_HEADERS : JSON_HEADERS;
  return { group, name, method, url, headers: { ...headers }, body: JSON.stringify(value), expect };
}

export function rawCase(
  group: string,
  name: string,
  method: HostileCase['method'],
  url: string,
  body: string | Buffer | undefined,
  headers: Record<string, string> = {},
  expect?: readonly number[],
): HostileCase {
  return { group, name, method, url, headers, body, expect };
}

/** Which error body a path owes: the app maps errors on /fhir/ to OperationOutcome. */
export function isFhirPath(url: string): boolean {
  // Dot segments and backslashes are resolved before the app sees the URL.
  return new URL(url, 'http://localhost').pathname.startsWith('/fhir/');
}

/** Checks the contract every response to a hostile request must keep. */
export function contractViolations(
  c: Pick<HostileCase, 'method' | 'url' | 'expect'>,
  status: number,
  contentType: string | undefined,
  bodyText: string,
  ms: number,
): string[] {
  const v: string[] = [];
  if (status >= 500) v.push(`status ${status} >= 500`);
  if (ms >= REQUEST_BUDGET_MS) v.push(`took ${Math.round(ms)} ms`);
  if (c.expect && !c.expect.includes(status))
    v.push(`status ${status}, expected ${c.expect.join('|')}`);
  if (status < 400) return v;
  if (status >= 500 || status < 400) v.push(`rejection status ${status} is not a 4xx`);
  const ct = contentType ?? '';
  const fhir = isFhirPath(c.url);
  const wanted = fhir ? 'application/fhir+json' : 'application/problem+json';
  if (!ct.startsWith(wanted)) v.push(`content-type "${ct}", expected ${wanted}`);
  if (c.method === 'HEAD') return v;
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    v.push(`error body is not JSON: ${bodyText.slice(0, 80)}`);
    return v;
  }
  const b = (body ?? {}) as Record<string, unknown>;
  if (fhir) {
    if (b.resourceType !== 'OperationOutcome') v.push('error body is not an OperationOutcome');
    if (!Array.isArray(b.issue) || b.issue.length === 0) v.push('OperationOutcome has no issue');
  } else {
    for (const key of ['type', 'title', 'status', 'code']) {
      if (b[key] === undefined || b[key] === '') v.push(`problem body lacks ${key}`);
    }
    if (b.status !== status) v.push(`problem status ${String(b.status)} != ${status}`);
  }
  return v;
}

/** The headers a case is sent with: the corpus credentials, unless anonymous, then its own. */
export function caseHeaders(
  c: Pick<HostileCase, 'headers' | 'anonymous'>,
  credentials: Record<string, string>,
): Record<string, string> {
  return c.anonymous ? { ...c.headers } : { ...credentials, ...c.headers };
}

/**
 * Sends one case through inject (no socket) and checks the contract. `credentials` (the
 * bearer token of a staff integration) go on every case not marked `anonymous`, so the
 * hostile input reaches the handlers instead of the 401 of the access hooks.
 */
export async function runCase(
  app: FastifyInstance,
  c: HostileCase,
  credentials: Record<string, string> = {},
): Promise<CaseResult> {
  const started = performance.now();
  const res = await app.inject({
    method: c.method,
    url: c.url,
    headers: caseHeaders(c, credentials),
    ...(c.body === undefined ? {} : { payload: c.body }),
  });
  const ms = performance.now() - started;
  const ct = res.headers['content-type'];
  const violations = contractViolations(
    c,
    res.statusCode,
    typeof ct === 'string' ? ct : undefined,
    res.body,
    ms,
  );
  return { status: res.statusCode, ms, violations };
}

/** `group: name` plus a short request summary, for failure lists. */
export function describeCase(c: HostileCase): string {
  const url = c.url.length > 120 ? `${c.url.slice(0, 120)}…(${c.url.length})` : c.url;
  return `[${c.group}] ${c.name} — ${c.method} ${url}`;
}
