import { benignPatient } from './hostile-payloads';
import { rawCase, type CorpusContext, type HostileCase } from './hostile-harness';
import { bodyRoutes } from './json-shape-cases';

const G = 'prototype-pollution';

/** JSON fragments that try to reach Object.prototype (raw text: an object literal cannot hold them). */
const POISON: ReadonlyArray<readonly [string, string]> = [
  ['__proto__ object', '"__proto__":{"polluted":true,"role":"admin"}'],
  ['__proto__ null', '"__proto__":null'],
  ['__proto__ array', '"__proto__":[1]'],
  ['constructor.prototype', '"constructor":{"prototype":{"polluted":true}}'],
  ['constructor string', '"constructor":"x"'],
  ['escaped __proto__', '"\\u005f\\u005fproto\\u005f\\u005f":{"polluted":true}'],
  ['escaped constructor', '"\\u0063onstructor":{"prototype":{"polluted":true}}'],
  ['prototype key', '"prototype":{"polluted":true}'],
];

/** Members that cannot reach a prototype; outside a resource the importer may ignore them. */
const INERT = new Set(['constructor string', 'prototype key']);

const QUERY_KEYS = [
  '__proto__[polluted]=1',
  '__proto__.polluted=1',
  '__proto__=1',
  'constructor[prototype][polluted]=1',
  'constructor.prototype.polluted=1',
  'toString=1',
  'hasOwnProperty=1',
  'valueOf=x',
];

/** `__proto__` / `constructor.prototype` at the root and nested, in bodies and query strings. */
export function prototypePollutionCases(ctx: CorpusContext): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const route of bodyRoutes(ctx)) {
    const fhir = route.url.startsWith('/fhir/');
    const headers = { 'content-type': fhir ? 'application/fhir+json' : 'application/json' };
    const at = `${route.method} ${route.url.replace(/[0-9a-f-]{36}/, ':id')}`;
    const valid = JSON.stringify(route.valid).slice(1, -1);
    for (const [name, fragment] of POISON) {
      // A plain "constructor" / "prototype" member outside a resource is inert data to the importer.
      const expect = fhir && INERT.has(name) ? [200, 400] : [400];
      cases.push(
        rawCase(
          G,
          `${at}: root ${name}`,
          route.method,
          route.url,
          `{${valid},${fragment}}`,
          headers,
          expect,
        ),
      );
      cases.push(
        rawCase(
          G,
          `${at}: ${name} first`,
          route.method,
          route.url,
          `{${fragment},${valid}}`,
          headers,
          expect,
        ),
      );
    }
  }
  const p = JSON.stringify({ ...benignPatient(1), identifiers: [] }).slice(1, -1);
  for (const [name, fragment] of POISON) {
    cases.push(
      rawCase(
        G,
        `create: ${name} in names[0]`,
        'POST',
        '/api/patients',
        `{${p.replace('"names":[{', `"names":[{${fragment},`)}}`,
        { 'content-type': 'application/json' },
        [400],
      ),
    );
    cases.push(
      rawCase(
        G,
        `import: ${name} in Patient`,
        'POST',
        '/fhir/R4',
        `{"resourceType":"Bundle","type":"transaction","entry":[{"resource":{"resourceType":"Patient",${fragment},"name":[{"family":"Proto"}]}}]}`,
        { 'content-type': 'application/fhir+json' },
        [400],
      ),
    );
    cases.push(
      rawCase(
        G,
        `import: ${name} in entry`,
        'POST',
        '/fhir/R4',
        `{"resourceType":"Bundle","type":"transaction","entry":[{${fragment},"resource":{"resourceType":"Patient","name":[{"family":"Proto"}]}}]}`,
        { 'content-type': 'application/fhir+json' },
        INERT.has(name) ? [200, 400] : [400],
      ),
    );
  }
  for (const key of QUERY_KEYS) {
    for (const route of ['/api/patients', '/api/duplicates', '/fhir/R4/Patient']) {
      cases.push(rawCase(G, `${route}?${key}`, 'GET', `${route}?${key}`, undefined, {}, [400]));
    }
  }
  return cases;
}
