import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MllpListener } from './mllp-listener';
import { mllpBannerLine } from './mllp-listener-for';
import { connectMllp, delay, echoAck, listenerFixture } from './testing/mllp-test-client';

const fixture = listenerFixture();
afterEach(() => fixture.closeAll());

/** Milliseconds from now until the promise settles. */
async function elapsed(p: Promise<unknown>): Promise<number> {
  const started = performance.now();
  await p;
  return performance.now() - started;
}

function refused(port: number): Promise<string> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve('connected');
    });
    s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
  });
}

describe('MLLP listener over TCP: time limits', () => {
  it('closes a connection whose frame never ends once it goes idle', async () => {
    const frames: Buffer[] = [];
    const { port, logs } = await fixture.start({
      idleTimeoutMs: 200,
      handler: async (f) => (frames.push(f), Buffer.from('ACK')),
    });
    const client = await connectMllp(port);
    const partial = 'MSH|^~\\&|no end byte follows';
    await client.write(`\x0b${partial}`);
    const ms = await elapsed(client.closed);
    expect(ms).toBeGreaterThan(150);
    expect(ms).toBeLessThan(2_000);
    expect(frames).toEqual([]);
    expect(logs).toContainEqual(
      expect.objectContaining({
        details: expect.objectContaining({ reason: 'idle', bytes: partial.length }),
      }),
    );
  });

  it('closes an idle connection between messages', async () => {
    const { port } = await fixture.start({ idleTimeoutMs: 200 });
    const client = await connectMllp(port);
    client.send('MSH|1');
    expect(await client.next()).toBe('ACK|MSH|1');
    expect(await elapsed(client.closed)).toBeLessThan(2_000);
  });

  it('closes a sender that drips a frame slower than the frame timeout', async () => {
    const { port, logs } = await fixture.start({ idleTimeoutMs: 5_000, frameTimeoutMs: 300 });
    const client = await connectMllp(port);
    let dripping = true;
    void client.closed.then(() => (dripping = false));
    const started = performance.now();
    await client.write('\x0bMSH|');
    // A byte every 20 ms keeps the connection from going idle, but the frame never ends.
    while (dripping && performance.now() - started < 5_000) {
      await client.write('x').catch(() => {});
      await delay(20);
    }
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(logs).toContainEqual(
      expect.objectContaining({ details: expect.objectContaining({ reason: 'slow-frame' }) }),
    );
  });

  it('does not time a sender out while its own message is being handled', async () => {
    const { port } = await fixture.start({
      idleTimeoutMs: 100,
      frameTimeoutMs: 100,
      handler: async (frame) => (await delay(400), echoAck(frame)),
    });
    const client = await connectMllp(port);
    client.send('MSH|slow storage');
    await client.write('\x0bMSH|next, half sent');
    expect(await client.next()).toBe('ACK|MSH|slow storage');
    client.end();
  });
});

describe('MLLP listener over TCP: connections and shutdown', () => {
  it('refuses connections beyond the maximum and takes new ones once a slot frees', async () => {
    const { port, logs } = await fixture.start({ maxConnections: 3 });
    const first = await Promise.all([connectMllp(port), connectMllp(port), connectMllp(port)]);
    for (const [i, c] of first.entries()) c.send(`MSH|${i}`);
    for (const [i, c] of first.entries()) expect(await c.next()).toBe(`ACK|MSH|${i}`);
    const extra = await connectMllp(port);
    await extra.closed;
    expect(extra.answers).toEqual([]);
    expect(logs.map((l) => l.message)).toContain(
      'MLLP connection refused: too many connections (MLLP_MAX_CONNECTIONS)',
    );
    const [leaving] = first;
    leaving.end();
    await leaving.closed;
    await delay(20);
    const later = await connectMllp(port);
    later.send('MSH|later');
    expect(await later.next()).toBe('ACK|MSH|later');
    for (const c of [...first, later]) c.end();
  });

  it('on close, stops accepting, lets the message being handled out, then closes', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const handling = new Promise<void>((resolve) => (started = resolve));
    const handled: string[] = [];
    const { port, listener } = await fixture.start({
      handler: async (frame) => {
        handled.push(frame.toString());
        started();
        await gate;
        return echoAck(frame);
      },
    });
    const client = await connectMllp(port);
    client.send('MSH|in flight');
    client.send('MSH|queued behind it');
    await handling;
    const closing = listener.close();
    expect(listener.port).toBeNull();
    expect(await refused(port)).toBe('ECONNREFUSED');
    release();
    expect(await client.next()).toBe('ACK|MSH|in flight');
    expect(await client.closed).toEqual({ byServer: 'end' });
    await closing;
    // The frame not yet started got no ACK, so its sender will send it again.
    expect(handled).toEqual(['MSH|in flight']);
    expect(client.answers).toEqual(['ACK|MSH|in flight']);
  });

  it('bounds the wait on close when a handler never finishes', async () => {
    const { port, listener } = await fixture.start({
      closeTimeoutMs: 300,
      handler: () => new Promise<Buffer>(() => {}),
    });
    const client = await connectMllp(port);
    client.send('MSH|stuck');
    await delay(50);
    const ms = await elapsed(listener.close());
    expect(ms).toBeGreaterThan(250);
    expect(ms).toBeLessThan(2_000);
    await client.closed;
    expect(listener.connectionCount).toBe(0);
  });

  it('closes idle connections at once on close', async () => {
    const { port, listener } = await fixture.start();
    const clients = await Promise.all([connectMllp(port), connectMllp(port)]);
    await delay(20);
    expect(listener.connectionCount).toBe(2);
    expect(await elapsed(listener.close())).toBeLessThan(1_000);
    for (const c of clients) expect(await c.closed).toEqual({ byServer: 'end' });
  });

  it('says which setting to change when its port is taken', async () => {
    const { port } = await fixture.start();
    const second = new MllpListener({
      host: '127.0.0.1',
      port,
      maxFrameBytes: 1024,
      maxConnections: 1,
      idleTimeoutMs: 1_000,
      frameTimeoutMs: 1_000,
      handler: echoAck,
    });
    await expect(second.listen()).rejects.toThrow(/EADDRINUSE.*MLLP_PORT/);
    expect(second.port).toBeNull();
    const client = await connectMllp(port);
    client.send('MSH|still here');
    expect(await client.next()).toBe('ACK|MSH|still here');
    client.end();
  });

  it('prints a banner line the harnesses can read the port from', async () => {
    const { port, listener } = await fixture.start();
    const line = mllpBannerLine(listener.url!);
    expect(line).toBe(`  HL7 over MLLP:  mllp://127.0.0.1:${port}\n`);
    expect(/HL7 over MLLP:\s+mllps?:\/\/\S+:(\d+)/.exec(line)?.[1]).toBe(String(port));
  });
});
