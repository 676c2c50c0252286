import { benignPatient, SQL_PAYLOADS } from './hostile-payloads';
import { rawCase, type HostileCase } from './hostile-harness';

const G = 'headers';
const NIL = '00000000-0000-4000-8000-000000000000';

/**
 * Forged identity and proxy headers, hostile negotiation headers: none may change the outcome
 * class. Each is sent with the corpus bearer token; forged Authorization headers (which
 * replace it) are in credential-cases.ts, where they must be refused with 401.
 */
const HEADER_SETS: ReadonlyArray<readonly [string, Record<string, string>]> = [
  ['forged X-Forwarded-For', { 'x-forwarded-for': '127.0.0.1' }],
  ['forged X-Forwarded-For chain', { 'x-forwarded-for': '10.0.0.1, 127.0.0.1, ::1' }],
  ['X-Forwarded-For with SQL', { 'x-forwarded-for': "1.2.3.4'; DROP TABLE audit;--" }],
  ['X-Forwarded-For 8 KB', { 'x-forwarded-for': '1.1.1.1, '.repeat(900) }],
  ['X-Forwarded-For metadata IP', { 'x-forwarded-for': '169.254.169.254' }],
  ['Forwarded header', { forwarded: 'for=127.0.0.1;proto=https;host=evil.example' }],
  ['X-Real-IP', { 'x-real-ip': '127.0.0.1' }],
  ['X-Remote-User admin', { 'x-remote-user': 'admin' }],
  ['X-Forwarded-Host', { 'x-forwarded-host': 'evil.example' }],
  ['X-Forwarded-Proto javascript', { 'x-forwarded-proto': 'javascript' }],
  ['X-Original-URL', { 'x-original-url': '/api/patients/../../admin' }],
  ['X-Rewrite-URL', { 'x-rewrite-url': '/fhir/R4/$export' }],
  ['X-HTTP-Method-Override DELETE', { 'x-http-method-override': 'DELETE' }],
  ['Host evil', { host: 'evil.example' }],
  ['Host with port junk', { host: 'localhost:99999' }],
  ['Cookie 8 KB', { cookie: `session=${'a'.repeat(8000)}` }],
  ['Origin null', { origin: 'null' }],
  ['Origin evil', { origin: 'https://evil.example' }],
  ['Referer javascript', { referer: 'javascript:alert(1)' }],
  ['Accept-Language toString', { 'accept-language': 'toString' }],
  ['Accept-Language __proto__', { 'accept-language': '__proto__' }],
  ['Accept-Language constructor', { 'accept-language': 'constructor, hasOwnProperty;q=0.9' }],
  ['Accept-Language q=NaN', { 'accept-language': 'fr;q=NaN, es;q=1e309' }],
  ['Accept-Language 10 KB', { 'accept-language': 'es-'.repeat(3400) }],
  ['Accept-Language commas', { 'accept-language': ',,,,;;;;q=,' }],
  ['Accept-Language traversal', { 'accept-language': '../../etc/passwd' }],
  ['Accept-Language wildcard', { 'accept-language': '*' }],
  ['Accept XML', { accept: 'application/fhir+xml' }],
  ['Accept nothing', { accept: 'application/x-nothing' }],
  ['If-None-Match star', { 'if-none-match': '*' }],
  ['If-Match junk', { 'if-match': '"\'; DROP TABLE patients;--"' }],
  ['Range', { range: 'bytes=0-0,1-1,2-2' }],
  ['Prefer handling lenient', { prefer: 'handling=lenient; return=representation' }],
];

const TARGETS: ReadonlyArray<readonly ['GET', string]> = [
  ['GET', '/'],
  ['GET', '/api/patients?q=benign'],
  ['GET', `/api/patients/${NIL}`],
  ['GET', '/fhir/R4/Patient?name=benign'],
  ['GET', `/fhir/R4/Patient/${NIL}`],
  ['GET', '/fhir/R4/metadata'],
];

/** Each hostile header set on each kind of route (success, 404 in each error format). */
export function headerCases(): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const [name, headers] of HEADER_SETS) {
    for (const [method, url] of TARGETS)
      cases.push(rawCase(G, `${name} on ${url}`, method, url, undefined, headers));
    cases.push(
      rawCase(
        G,
        `${name} on invalid create`,
        'POST',
        '/api/patients',
        '{"role":"admin"}',
        { ...headers, 'content-type': 'application/json' },
        [400],
      ),
    );
  }
  const body = JSON.stringify({ ...benignPatient(2), identifiers: [] });
  const keys = [
    ...SQL_PAYLOADS.slice(0, 8),
    'k'.repeat(10_000),
    '',
    ' ',
    '\u00e9t\u00e9',
    '../../etc/passwd',
  ];
  for (const key of keys) {
    cases.push(
      rawCase(
        G,
        `Idempotency-Key ${JSON.stringify(key.slice(0, 30))}`,
        'POST',
        '/api/patients',
        body,
        { 'content-type': 'application/json', 'idempotency-key': key },
        [201, 200, 400, 409, 422],
      ),
    );
  }
  cases.push(
    rawCase(
      G,
      'Content-Encoding gzip on a plain body',
      'POST',
      '/api/patients',
      body,
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      [201, 400, 415],
    ),
  );
  cases.push(
    rawCase(
      G,
      'Content-Encoding br on a plain body',
      'POST',
      '/fhir/R4',
      '{}',
      { 'content-type': 'application/fhir+json', 'content-encoding': 'br' },
      [400, 415],
    ),
  );
  return cases;
}
