import { afterEach, describe, expect, it } from 'vitest';
import { MAX_REFUSALS_IN_A_ROW } from './mllp-connection';
import type { MllpConnectionMeta, MllpRejection } from './mllp-listener';
import { connectMllp, delay, listenerFixture } from './testing/mllp-test-client';

const fixture = listenerFixture();
afterEach(() => fixture.closeAll());

const ADT = 'MSH|^~\\&|EPIC|RIVERSIDE|CAREDESK|RIVERSIDE|20260302090000||ADT^A03|CTRL1|P|2.5\r';

describe('MLLP listener over TCP: round trips', () => {
  it('answers a frame with the handler ACK, framed, and says who sent it', async () => {
    const seen: Array<{ frame: string; meta: MllpConnectionMeta }> = [];
    const { port, listener } = await fixture.start({
      handler: async (frame, meta) => {
        seen.push({ frame: frame.toString(), meta });
        return Buffer.from('MSH|^~\\&|CAREDESK\rMSA|AA|CTRL1\r');
      },
    });
    expect(listener.port).toBe(port);
    expect(listener.url).toBe(`mllp://127.0.0.1:${port}`);
    const client = await connectMllp(port);
    client.send(ADT);
    expect(await client.next()).toBe('MSH|^~\\&|CAREDESK\rMSA|AA|CTRL1\r');
    expect(seen).toEqual([
      {
        frame: ADT,
        meta: {
          remoteAddress: '127.0.0.1',
          connectionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        },
      },
    ]);
    client.end();
  });

  it('answers many pipelined frames on one connection in order, one handler at a time', async () => {
    let running = 0;
    let most = 0;
    const { port } = await fixture.start({
      handler: async (frame) => {
        most = Math.max(most, ++running);
        await delay(Math.random() * 3);
        running--;
        return Buffer.from(`ACK|${frame.toString()}`);
      },
    });
    const client = await connectMllp(port);
    const sent = Array.from({ length: 100 }, (_, i) => `MSH|${i}`);
    for (const m of sent) client.send(m);
    const answers: string[] = [];
    for (const _ of sent) answers.push(await client.next());
    expect(answers).toEqual(sent.map((m) => `ACK|${m}`));
    expect(most).toBe(1);
    client.end();
  });

  it('receives a message sent one byte at a time, with CR, LF and CRLF endings intact', async () => {
    const frames: string[] = [];
    const { port } = await fixture.start({
      handler: async (frame) => {
        frames.push(frame.toString());
        return Buffer.from('ACK');
      },
    });
    const message = 'MSH|^~\\&|A|B\rEVN|A03\nPID|1||42^^^MR\r\nPV1|1|I\r';
    const client = await connectMllp(port);
    for (const byte of Buffer.from(`\x0b${message}\x1c\r`)) await client.write(Buffer.from([byte]));
    expect(await client.next()).toBe('ACK');
    expect(frames).toEqual([message]);
    client.end();
  });

  it('serves 50 concurrent senders × 20 frames, each getting its own ACKs in order', async () => {
    const connections = new Set<string>();
    let running = 0;
    let most = 0;
    const { port } = await fixture.start({
      handler: async (frame, meta) => {
        connections.add(meta.connectionId);
        most = Math.max(most, ++running);
        await delay(Math.random() * 5);
        running--;
        return Buffer.from(`ACK|${frame.toString()}`);
      },
    });
    const senders = Array.from({ length: 50 }, async (_, s) => {
      const client = await connectMllp(port);
      const sent = Array.from({ length: 20 }, (_, i) => `MSH|sender ${s}|${i}`);
      for (const m of sent) client.send(m);
      const answers: string[] = [];
      for (const _ of sent) answers.push(await client.next(10_000));
      client.end();
      await client.closed;
      return { answers, expected: sent.map((m) => `ACK|${m}`) };
    });
    for (const { answers, expected } of await Promise.all(senders))
      expect(answers).toEqual(expected);
    expect(connections.size).toBe(50);
    expect(most).toBeGreaterThan(1); // connections are handled side by side
  });

  it('still answers a sender that shut down its side right after its frame', async () => {
    const { port } = await fixture.start();
    const client = await connectMllp(port);
    client.send('MSH|last');
    client.end();
    expect(await client.next()).toBe('ACK|MSH|last');
    expect(await client.closed).toEqual({ byServer: 'end' });
  });

  it('discards bytes before the start byte and tolerates a missing CR after the end byte', async () => {
    const { port, logs } = await fixture.start();
    const client = await connectMllp(port);
    await client.write('\r\n junk \x0bMSH|1\x1c\x0bMSH|2\x1c\r');
    expect([await client.next(), await client.next()]).toEqual(['ACK|MSH|1', 'ACK|MSH|2']);
    expect(logs.map((l) => l.message)).toContain('MLLP sender ends frames without CR');
    client.end();
  });

  it('closes a connection that sends more stray bytes than a frame may hold', async () => {
    const { port, logs } = await fixture.start({ maxFrameBytes: 4096 });
    const client = await connectMllp(port);
    await client.write(Buffer.alloc(5000, 'x'));
    await client.closed;
    expect(logs.map((l) => l.message)).toContain('MLLP connection closed: not MLLP framing');
  });
});

describe('MLLP listener over TCP: refused frames and failing handlers', () => {
  const rejections: MllpRejection[] = [];
  afterEach(() => {
    rejections.length = 0;
  });
  const rejectWith = (text: string) => (r: MllpRejection) => {
    rejections.push(r);
    return Buffer.from(`${text}|${r.kind}|${r.bytes}`);
  };

  it('answers a 10 MB frame with the rejection, without handing it over, then carries on', async () => {
    const handled: number[] = [];
    const { port } = await fixture.start({
      maxFrameBytes: 64 * 1024,
      handler: async (frame) => {
        handled.push(frame.length);
        return Buffer.from('ACK');
      },
      onProtocolError: rejectWith('AR'),
    });
    const client = await connectMllp(port);
    const big = Buffer.concat([Buffer.from(ADT), Buffer.alloc(10 * 1024 * 1024 - ADT.length, 'x')]);
    client.send(big);
    client.send(ADT);
    expect(await client.next(20_000)).toBe(`AR|oversized|${10 * 1024 * 1024}`);
    expect(await client.next()).toBe('ACK');
    expect(handled).toEqual([ADT.length]);
    // The rejection can echo MSH-10: it gets the start of the message, never all of it.
    expect(rejections[0]?.head.toString()).toBe(ADT + 'x'.repeat(1024 - ADT.length));
    client.end();
  });

  it('closes the connection after an oversized frame when there is no rejection to send', async () => {
    const { port, logs } = await fixture.start({ maxFrameBytes: 4096 });
    const client = await connectMllp(port);
    client.send(Buffer.alloc(100_000, 'x'));
    expect(await client.closed).toEqual({ byServer: 'end' });
    expect(client.answers).toEqual([]);
    expect(logs).toContainEqual(
      expect.objectContaining({
        message: 'MLLP frame refused',
        details: expect.objectContaining({ kind: 'oversized', bytes: 100_000 }),
      }),
    );
  });

  it('drops a frame cut short by a new start byte and acknowledges the retransmission', async () => {
    const frames: string[] = [];
    const { port, logs } = await fixture.start({
      handler: async (frame) => {
        frames.push(frame.toString());
        return Buffer.from('ACK');
      },
    });
    const client = await connectMllp(port);
    await client.write(`\x0b${ADT.slice(0, 30)}`);
    client.send(ADT);
    expect(await client.next()).toBe('ACK');
    expect(frames).toEqual([ADT]);
    expect(logs).toContainEqual(
      expect.objectContaining({
        details: expect.objectContaining({ kind: 'nested-start', bytes: 30 }),
      }),
    );
    await delay(50);
    expect(client.answers).toEqual(['ACK']); // nothing for the abandoned part by default
    client.end();
  });

  it('sends the rejection for a nested start first, when one is built', async () => {
    const { port } = await fixture.start({ onProtocolError: rejectWith('AR') });
    const client = await connectMllp(port);
    await client.write(`\x0bMSH|cut`);
    client.send('MSH|whole');
    expect([await client.next(), await client.next()]).toEqual([
      'AR|nested-start|7',
      'ACK|MSH|whole',
    ]);
    expect(rejections[0]?.head.toString()).toBe('MSH|cut');
    client.end();
  });

  it('closes a connection that sends nothing but refused frames', async () => {
    const { port, logs } = await fixture.start({ onProtocolError: rejectWith('AR') });
    const client = await connectMllp(port);
    // Each abandoned by the next: a confused sender does this once or twice, not 20 times.
    await client.write('\x0bMSH|x'.repeat(20));
    await client.closed;
    expect(client.answers.length).toBeLessThanOrEqual(MAX_REFUSALS_IN_A_ROW);
    expect(logs.map((l) => l.message)).toContain('MLLP connection closed: too many refused frames');
  });

  it('cuts a sender that stops reading its answers', async () => {
    const { port, logs } = await fixture.start({
      idleTimeoutMs: 300,
      handler: async () => Buffer.alloc(32 * 1024 * 1024, 'a'),
    });
    const client = await connectMllp(port);
    client.socket.pause();
    client.send('MSH|1');
    const cut = () => logs.some((l) => l.message === 'MLLP connection closed: answer not read');
    for (let i = 0; i < 100 && !cut(); i++) await delay(20);
    expect(cut()).toBe(true);
    client.socket.resume(); // a paused socket does not notice the close until it reads
    await client.closed;
    expect(client.answers).toEqual([]);
  });

  it('survives a throwing handler: the sender gets the rejection and the listener serves on', async () => {
    const { port, logs } = await fixture.start({
      handler: async (frame) => {
        if (frame.toString().includes('boom')) throw new Error('storage is down');
        return Buffer.from('ACK');
      },
      onProtocolError: rejectWith('AE'),
    });
    const client = await connectMllp(port);
    client.send('MSH|boom|PID|Nguyễn');
    client.send('MSH|fine');
    expect([await client.next(), await client.next()]).toEqual([
      `AE|handler-failed|${Buffer.byteLength('MSH|boom|PID|Nguyễn')}`,
      'ACK',
    ]);
    const failure = logs.find((l) => l.message === 'MLLP message handler failed');
    expect(failure?.level).toBe('error');
    // Logs carry sizes and ids, never message content (PHI).
    expect(JSON.stringify(logs)).not.toContain('Nguy');
    client.end();
  });

  it('closes only the failing connection when there is no rejection to send', async () => {
    const { port } = await fixture.start({
      handler: async (frame) => {
        if (frame.toString() === 'boom') throw new Error('bug');
        return Buffer.from('ACK');
      },
    });
    const [failing, other] = await Promise.all([connectMllp(port), connectMllp(port)]);
    failing.send('boom');
    failing.send('after');
    expect(await failing.closed).toEqual({ byServer: 'end' });
    expect(failing.answers).toEqual([]); // no ACK, so the sender sends it again later
    other.send('fine');
    expect(await other.next()).toBe('ACK');
    other.end();
  });

  it('treats an ACK holding a framing byte, or a builder that throws, as a failure', async () => {
    const { port, logs } = await fixture.start({
      handler: async () => Buffer.from('MSA|AA|\x1c'),
      onProtocolError: () => {
        throw new Error('builder bug');
      },
    });
    const client = await connectMllp(port);
    client.send('MSH|1');
    await client.closed;
    expect(client.answers).toEqual([]);
    expect(logs.map((l) => l.message)).toEqual(
      expect.arrayContaining(['MLLP message handler failed', 'MLLP rejection could not be built']),
    );
    const again = await connectMllp(port);
    expect(again.socket.readyState).toBe('open');
    again.end();
  });
});
