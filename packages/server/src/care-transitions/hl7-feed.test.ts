import { readFileSync } from 'node:fs';
import { corpusDir } from '@caredesk/interop/fhir-testing';
import { parseHl7 } from '@caredesk/interop/hl7v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMllp, type MllpTestClient } from '../channels/mllp/testing/mllp-test-client';
import { startTestCareDesk } from '../testing/test-caredesk';
import type { Hl7Handler } from './hl7-inbox';

const corpus = (file: string) => readFileSync(corpusDir('hl7v2', file));
const ackOf = (answer: string) => parseHl7(answer);

describe('HL7 feed: a real MLLP connection to the composed server', () => {
  let cd: Awaited<ReturnType<typeof startTestCareDesk>>;
  let client: MllpTestClient;
  const handled: string[] = [];
  const discharge: Hl7Handler = (_trx, m) => {
    handled.push(m.controlId);
    return Promise.resolve();
  };

  beforeAll(async () => {
    cd = await startTestCareDesk({ mllpPort: 0, mllpMaxFrameBytes: 64 * 1024 }, undefined, {
      hl7Handlers: new Map([['ADT^A03', discharge]]),
    });
    const { port } = await cd.hl7.listener.listen();
    client = await connectMllp(port);
  });
  afterAll(async () => {
    client.destroy();
    await cd.dispose();
  });

  it('acknowledges a corpus discharge with AA, then the same ACK for a repeat', async () => {
    const raw = corpus('ADT-A03-01.hl7');
    client.send(raw);
    const first = await client.next();
    expect(ackOf(first).get('MSA-1')).toBe('AA');
    expect(ackOf(first).get('MSA-2')).toBe(parseHl7(raw).controlId);
    client.send(raw);
    expect(await client.next()).toBe(first);
    expect(handled).toEqual([parseHl7(raw).controlId]);
  });

  it('answers AR for what it cannot read or does not take, and keeps each for admins', async () => {
    client.send('NOT|HL7|AT|ALL');
    expect(ackOf(await client.next()).get('MSA-1')).toBe('AR');
    // The corpus admit reuses the discharge's control id (MSG00001) for other content.
    client.send(corpus('ADT-A01-01.hl7'));
    const reused = ackOf(await client.next());
    expect([reused.get('MSA-1'), reused.get('ERR-3')]).toEqual(['AR', '205']);
    client.send(corpus('ADT-A01-01.hl7').toString('utf8').replace('|MSG00001|', '|ADMIT-7|'));
    const admit = ackOf(await client.next());
    expect([admit.get('MSA-1'), admit.get('ERR-3')]).toEqual(['AR', '201']);
    expect(handled).toHaveLength(1);
    const rejected = await cd.database.db
      .selectFrom('hl7_messages')
      .select(['status', 'message_type'])
      .where('status', '=', 'rejected')
      .execute();
    expect(rejected).toHaveLength(3);
    expect(rejected.map((r) => r.message_type).sort()).toEqual(['ADT^A01', 'ADT^A01', null].sort());
  });

  it('refuses a frame over MLLP_MAX_FRAME_BYTES with an AR that names its control id', async () => {
    const big = Buffer.concat([
      Buffer.from('MSH|^~\\&|BIG|HOSP|CAREDESK|CLINIC|20261124||ADT^A03|BIG-1|P|2.5.1\r'),
      Buffer.from(`NTE|1||${'x'.repeat(100_000)}\r`),
    ]);
    client.send(big);
    const ack = ackOf(await client.next());
    expect([ack.get('MSA-1'), ack.get('MSA-2')]).toEqual(['AR', 'BIG-1']);
    expect(ack.get('ERR-3')).toBe('104');
    // The connection goes on: the next message is answered.
    client.send(corpus('ADT-A03-01.hl7').toString('utf8').replace('|MSG00001|', '|AFTER-BIG|'));
    expect(ackOf(await client.next()).get('MSA-1')).toBe('AA');
  });
});
