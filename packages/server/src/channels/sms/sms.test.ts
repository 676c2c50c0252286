import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueue, getJob } from '../../jobs';
import { testClock, testRunner, type TestClock } from '../../jobs/job-test-support';
import { createTestDatabase, type TestDatabase } from '../../storage/testing/test-database';
import { httpSmsProvider } from './http-sms-provider';
import { logSmsProvider } from './log-sms-provider';
import { SEND_SMS, sendSmsJob } from './send-sms-job';
import { SmsDeliveryError } from './sms-provider';

const TOKEN = 'sms-token-s3cret';

interface Received {
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A provider's HTTP API on 127.0.0.1, answering with the statuses queued in `answers`. */
function fakeProviderServer() {
  const received: Received[] = [];
  const answers: Array<{ status: number; body?: unknown; delayMs?: number }> = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(raw || 'null') });
      const answer = answers.shift() ?? { status: 201, body: { id: `msg-${++n}` } };
      setTimeout(() => {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body ?? {}));
      }, answer.delayMs ?? 0);
    });
  });
  return { server, received, answers };
}

describe('SMS through a provider’s HTTP API (a real local HTTP server)', () => {
  const fake = fakeProviderServer();
  let url: string;
  let t: TestDatabase;
  let clock: TestClock;
  beforeAll(async () => {
    await new Promise<void>((r) => fake.server.listen(0, '127.0.0.1', r));
    const address = fake.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/v1/messages`;
  });
  afterAll(async () => {
    fake.server.closeAllConnections();
    await new Promise((r) => fake.server.close(r));
  });
  beforeEach(async () => {
    t = await createTestDatabase('sqlite');
    clock = testClock();
    fake.received.length = 0;
    fake.answers.length = 0;
  });
  afterEach(async () => t.dispose());

  it('posts the number and text as JSON with the bearer token and an idempotency key', async () => {
    const provider = httpSmsProvider({ url, token: TOKEN });
    const sent = await provider.send('+37120000001', 'Jūsu recepte ir gatava.', {
      idempotencyKey: 'k-1',
    });
    expect(sent.providerId).toBe('msg-1');
    expect(fake.received).toHaveLength(1);
    expect(fake.received[0]?.body).toEqual({ to: '+37120000001', text: 'Jūsu recepte ir gatava.' });
    expect(fake.received[0]?.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      'idempotency-key': 'k-1',
      'content-type': 'application/json',
    });
    expect(provider.description).not.toContain(TOKEN);
  });

  it('retries the sms.send job after a provider error, with the same idempotency key', async () => {
    fake.answers.push({ status: 503 }, { status: 200, body: { messageId: 'abc' } });
    const id = await enqueue(
      t.database.db,
      { kind: SEND_SMS, payload: { to: '+4712345678', text: 'Timen din er i morgen kl. 10.' } },
      clock.now(),
    );
    const runner = testRunner(t.database, clock, {
      [SEND_SMS]: sendSmsJob(httpSmsProvider({ url, token: TOKEN })),
    });
    expect((await runner.runOnce()).retried).toBe(1);
    const error = (await getJob(t.database.db, id))?.lastError ?? '';
    expect(error).toContain('SMS provider answered 503');
    // Neither the token nor the message text is kept in the job table.
    expect(error).not.toContain(TOKEN);
    expect(error).not.toContain('Timen');
    clock.advance(1_000);
    expect((await runner.runOnce()).done).toBe(1);
    const keys = fake.received.map((r) => r.headers['idempotency-key']);
    expect(keys).toEqual([`sms.send:${id}`, `sms.send:${id}`]);
  });

  it('refuses numbers that are not E.164 and empty texts before calling anyone', async () => {
    for (const payload of [
      { to: '0037120000001', text: 'x' },
      { to: '+371 2000 0001', text: 'x' },
      { to: '+37120000001', text: '' },
      { to: '+37120000001', text: 'x'.repeat(1601) },
    ]) {
      await enqueue(t.database.db, { kind: SEND_SMS, payload }, clock.now());
    }
    const runner = testRunner(t.database, clock, {
      [SEND_SMS]: sendSmsJob(httpSmsProvider({ url, token: TOKEN })),
    });
    expect((await runner.runOnce()).retried).toBe(4);
    expect(fake.received).toEqual([]);
  });

  it('gives up on a provider that does not answer in time, or answers without an id', async () => {
    fake.answers.push({ status: 200, body: {}, delayMs: 500 });
    const slow = httpSmsProvider({ url, token: TOKEN, timeoutMs: 100 });
    await expect(slow.send('+37120000001', 'x')).rejects.toThrow('SMS provider timed out');
    fake.answers.push({ status: 200, body: { ok: true } });
    const noId = httpSmsProvider({ url, token: TOKEN });
    await expect(noId.send('+37120000001', 'x')).rejects.toBeInstanceOf(SmsDeliveryError);
    const nobody = httpSmsProvider({ url: 'http://127.0.0.1:1/', token: TOKEN });
    await expect(nobody.send('+37120000001', 'x')).rejects.toThrow('SMS provider unreachable');
  });

  it('writes texts to files in development, one per job', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caredesk-outbox-sms-'));
    try {
      const log = logSmsProvider(dir, () => clock.now());
      await log.send('+37120000001', 'Sveiki', { idempotencyKey: 'sms.send:7' });
      await log.send('+37120000001', 'Sveiki', { idempotencyKey: 'sms.send:7' });
      expect(readdirSync(dir)).toEqual(['sms.send_7.json']);
      expect(JSON.parse(readFileSync(join(dir, 'sms.send_7.json'), 'utf8'))).toMatchObject({
        to: '+37120000001',
        text: 'Sveiki',
        at: clock.now().toISOString(),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
