import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCareDesk } from '../../testing/test-caredesk';
import { corpusBearer } from './hostile-credentials';
import { contractViolations } from './hostile-harness';

type Desk = Awaited<ReturnType<typeof startTestCareDesk>>;
let desk: Desk;
let port = 0;
/** `Authorization: Bearer cd_…` and CRLF: a staff integration token on every request below. */
let auth = '';

beforeAll(async () => {
  desk = await startTestCareDesk();
  auth = `Authorization: ${(await corpusBearer(desk)).authorization}\r\n`;
  await desk.app.listen({ host: '127.0.0.1', port: 0 });
  port = (desk.app.server.address() as AddressInfo).port;
});
afterAll(async () => desk?.dispose());

interface RawResponse {
  status: number;
  contentType: string | undefined;
  body: string;
  ms: number;
}

/** Writes raw bytes to a real socket and reads the answer until the server closes or 2 s pass. */
function rawRequest(bytes: string | Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    const finish = () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n', 2);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      const contentType = /^content-type:\s*(.+)$/im.exec(head)?.[1]?.trim();
      resolve({ status, contentType, body, ms: performance.now() - started });
    };
    const timer = setTimeout(() => {
      socket.destroy();
      finish();
    }, 2_000);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'ECONNRESET' || e.code === 'EPIPE' ? finish() : reject(e),
    );
    // No half-close: Node's HTTP server drops a response still being prepared (here: while
    // its audit entry is made durable) when the client ends its side first. Clients keep
    // the socket open for the answer; every request below asks the server to close it.
    socket.write(bytes);
  });
}

/** Raw requests with the token: the limits and framing checks must hold for signed-in callers. */
const cases: Array<[string, number, () => string]> = [
  [
    '64 KB header',
    431,
    () => `GET /api/patients HTTP/1.1\r\nHost: x\r\n${auth}X-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`,
  ],
  [
    '100 KB URL',
    431,
    () => `GET /api/patients?q=${'a'.repeat(100 * 1024)} HTTP/1.1\r\nHost: x\r\n${auth}\r\n`,
  ],
  [
    '1,000 headers',
    431,
    () =>
      `GET /api/health HTTP/1.1\r\nHost: x\r\n${auth}${Array.from({ length: 1000 }, (_, i) => `X-H${i}: ${'v'.repeat(20)}`).join('\r\n')}\r\n\r\n`,
  ],
  ['garbage request line', 400, () => 'GARBAGE\r\n\r\n'],
  [
    'CR inside a header value',
    400,
    () => `GET /api/patients?q=setup HTTP/1.1\r\nHost: x\r\n${auth}X-A: a\rb\r\n\r\n`,
  ],
  [
    'NUL in the request line',
    400,
    () => `GET /api/pat\u0000ients?q=setup HTTP/1.1\r\nHost: x\r\n${auth}\r\n`,
  ],
  [
    'two Content-Length headers',
    400,
    () =>
      `POST /api/patients HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}`,
  ],
  [
    'Content-Length with Transfer-Encoding (smuggling)',
    400,
    () =>
      `POST /api/patients HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
  ],
  [
    'CR inside the bearer token',
    400,
    () =>
      `GET /api/patients?q=setup HTTP/1.1\r\nHost: x\r\n${auth.replace('cd_', 'cd_\r')}Connection: close\r\n\r\n`,
  ],
  [
    'malformed chunked JSON body (reaches the parser)',
    400,
    () =>
      `POST /api/patients HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\n{"n\r\n0\r\n\r\n`,
  ],
  [
    'no credentials',
    401,
    () => 'GET /api/patients?q=setup HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
  ],
  [
    'forged bearer',
    401,
    () =>
      'POST /api/patients HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}',
  ],
];

describe('hostile requests that need a real socket', () => {
  it.each(cases)('%s → %i problem+json, connection closed', async (_name, status, bytes) => {
    const res = await rawRequest(bytes());
    expect(res.status).toBe(status);
    expect(
      contractViolations(
        { method: 'GET', url: '/', expect: [status] },
        res.status,
        res.contentType,
        res.body,
        res.ms,
      ),
    ).toEqual([]);
  });

  it('still serves ordinary requests afterwards', async () => {
    const res = await rawRequest(
      'GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(res.status).toBe(200);
    const signedIn = await rawRequest(
      `GET /api/patients?q=setup HTTP/1.1\r\nHost: x\r\n${auth}Connection: close\r\n\r\n`,
    );
    expect(signedIn.status).toBe(200);
  });
});
