import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MllpListener } from './mllp-listener';
import { mllpListenerFor } from './mllp-listener-for';
import { connectMllp, echoAck, listenerFixture, recordingLogger } from './testing/mllp-test-client';
import type { LogLine } from './testing/mllp-test-client';

// node:crypto cannot issue X.509 certificates, so the test makes a throwaway self-signed
// one with the openssl command (Debian's openssl package, present wherever Node builds).
let dir: string;
let certFile: string;
let keyFile: string;
let ca: Buffer;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mllp-tls-'));
  certFile = join(dir, 'cert.pem');
  keyFile = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'pipe' },
  );
  ca = readFileSync(certFile);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixture = listenerFixture();
afterEach(() => fixture.closeAll());

describe('MLLP listener over TLS', () => {
  it('answers frames over TLS with a certificate from MLLP_TLS_CERT and MLLP_TLS_KEY', async () => {
    const { port, listener } = await fixture.start({ tls: { certFile, keyFile } });
    expect(listener.url).toBe(`mllps://127.0.0.1:${port}`);
    const client = await connectMllp(port, { ca });
    client.send('MSH|^~\\&|over TLS\r');
    client.send('MSH|2');
    expect([await client.next(), await client.next()]).toEqual([
      'ACK|MSH|^~\\&|over TLS\r',
      'ACK|MSH|2',
    ]);
    client.end();
    expect(await client.closed).toEqual({ byServer: 'end' });
  });

  it('drops a plain-TCP sender on a TLS port and keeps serving TLS senders', async () => {
    const { port, logs } = await fixture.start({ tls: { certFile, keyFile } });
    const plain = await connectMllp(port);
    plain.send('MSH|in the clear');
    await plain.closed;
    expect(plain.answers).toEqual([]);
    expect(logs.map((l) => l.message)).toContain('MLLP TLS handshake failed');
    const client = await connectMllp(port, { ca });
    client.send('MSH|secure');
    expect(await client.next()).toBe('ACK|MSH|secure');
    client.end();
  });

  it('cuts a TLS handshake that does not finish within the frame timeout', async () => {
    const { port } = await fixture.start({ tls: { certFile, keyFile }, frameTimeoutMs: 200 });
    const silent = await connectMllp(port); // plain TCP: never starts the handshake
    const started = performance.now();
    await silent.closed;
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('is built from the settings, and names the setting when a file cannot be read', async () => {
    const logs: LogLine[] = [];
    const settings = {
      mllpHost: '127.0.0.1',
      mllpPort: 0,
      mllpTlsCert: certFile,
      mllpTlsKey: keyFile,
      mllpMaxFrameBytes: 4096,
      mllpMaxConnections: 5,
      mllpIdleTimeoutSeconds: 60,
      mllpFrameTimeoutSeconds: 10,
    };
    const listener = mllpListenerFor(settings, { handler: echoAck, logger: recordingLogger(logs) });
    const { port } = await listener.listen();
    try {
      const client = await connectMllp(port, { ca });
      client.send('MSH|from settings');
      expect(await client.next()).toBe('ACK|MSH|from settings');
      client.end();
      expect(logs[0]).toEqual({
        level: 'info',
        message: 'MLLP listener started',
        details: { host: '127.0.0.1', port, tls: true },
      });
    } finally {
      await listener.close();
    }
    const missing = mllpListenerFor(
      { ...settings, mllpTlsCert: join(dir, 'absent.pem') },
      { handler: echoAck },
    );
    await expect(missing.listen()).rejects.toThrow(/^MLLP_TLS_CERT \(.*absent\.pem\): cannot read/);
    const garbage = join(dir, 'garbage.pem');
    writeFileSync(garbage, 'not a key');
    const bad = new MllpListener({
      host: '127.0.0.1',
      port: 0,
      tls: { certFile, keyFile: garbage },
      maxFrameBytes: 4096,
      maxConnections: 1,
      idleTimeoutMs: 1_000,
      frameTimeoutMs: 1_000,
      handler: echoAck,
    });
    await expect(bad.listen()).rejects.toThrow(/MLLP_TLS_CERT and MLLP_TLS_KEY cannot be used/);
  });
});
