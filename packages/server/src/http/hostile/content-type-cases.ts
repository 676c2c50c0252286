import { rawCase, type CorpusContext, type HostileCase } from './hostile-harness';
import { bodyRoutes } from './json-shape-cases';

const G = 'content-types';
const UNSUPPORTED = [415] as const;

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<Patient><name>&lol4;</name></Patient>`;
const XXE = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Patient xmlns="http://hl7.org/fhir"><id value="&xxe;"/></Patient>`;
const SSRF_XXE = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "http://169.254.169.254/latest/meta-data/">]><Bundle>&x;</Bundle>`;

/** Content types a JSON-only API must refuse with 415 (or a 400), never parse. */
export function contentTypeCases(ctx: CorpusContext): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const route of bodyRoutes(ctx)) {
    const json = JSON.stringify(route.valid);
    const at = `${route.method} ${route.url.replace(/[0-9a-f-]{36}/, ':id')}`;
    const bodies: Array<[string, string, string | Buffer, readonly number[] | undefined]> = [
      ['text/plain JSON', 'text/plain', json, UNSUPPORTED],
      ['text/plain charset', 'text/plain; charset=utf-8', json, UNSUPPORTED],
      ['form-urlencoded', 'application/x-www-form-urlencoded', 'names=x&version=1', UNSUPPORTED],
      [
        'multipart',
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
        UNSUPPORTED,
      ],
      ['XML billion laughs', 'application/xml', BILLION_LAUGHS, UNSUPPORTED],
      ['text/xml XXE', 'text/xml', XXE, UNSUPPORTED],
      ['FHIR XML SSRF entity', 'application/fhir+xml', SSRF_XXE, UNSUPPORTED],
      ['octet-stream', 'application/octet-stream', Buffer.from([0xff, 0xfe, 0, 1, 2]), UNSUPPORTED],
      ['SVG with onload', 'image/svg+xml', '<svg onload="alert(1)"/>', UNSUPPORTED],
      ['javascript', 'application/javascript', 'alert(1)', UNSUPPORTED],
      [
        'json-patch',
        'application/json-patch+json',
        '[{"op":"replace","path":"/role","value":"admin"}]',
        UNSUPPORTED,
      ],
      ['application/jsonx', 'application/jsonx', json, UNSUPPORTED],
      ['text/html', 'text/html', '<form>', UNSUPPORTED],
      ['no content-type', '', json, [400, 415]],
      [
        'UTF-16 JSON',
        'application/json; charset=utf-16le',
        Buffer.from(json, 'utf16le'),
        [400, 415],
      ],
      [
        'invalid UTF-8 bytes',
        'application/json',
        Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]),
        [400, 404, 415],
      ],
      ['upper-case type', 'APPLICATION/JSON', json, undefined],
      ['json with junk parameters', 'application/json;;; x=', json, undefined],
      ['two types in one header', 'application/json, text/plain', json, undefined],
      ['type with CR-free junk', 'application/json\tfoo', json, undefined],
    ];
    for (const [name, ct, body, expect] of bodies) {
      const headers: Record<string, string> = ct === '' ? {} : { 'content-type': ct };
      cases.push(rawCase(G, `${at}: ${name}`, route.method, route.url, body, headers, expect));
    }
  }
  return cases;
}
