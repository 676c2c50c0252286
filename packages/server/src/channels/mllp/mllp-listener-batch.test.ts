import { encodeFrame } from '@caredesk/interop/mllp';
import { afterEach, describe, expect, it } from 'vitest';
import type { MllpRejection } from './mllp-listener';
import { connectMllp, delay, listenerFixture } from './testing/mllp-test-client';

const fixture = listenerFixture();
afterEach(() => fixture.closeAll());

/** Frames a sender pipelined go to the batch handler together; answers keep their order. */
describe('MLLP listener with a batch handler', () => {
  it('hands frames already waiting over together, one batch at a time, answering in order', async () => {
    const batches: string[][] = [];
    let running = 0;
    let most = 0;
    const { port } = await fixture.start({
      handler: () => Promise.reject(new Error('the batch handler takes every frame')),
      batchHandler: async (frames) => {
        most = Math.max(most, ++running);
        batches.push(frames.map((f) => f.toString()));
        // The first batch takes a while, so the frames behind it pile up.
        await delay(batches.length === 1 ? 30 : Math.random() * 3);
        running--;
        return frames.map((f) => Buffer.from(`ACK|${f.toString()}`));
      },
    });
    const client = await connectMllp(port);
    const sent = Array.from({ length: 100 }, (_, i) => `MSH|${i}`);
    for (const m of sent) client.send(m);
    const answers: string[] = [];
    for (const _ of sent) answers.push(await client.next());
    expect(answers).toEqual(sent.map((m) => `ACK|${m}`));
    expect(batches.flat()).toEqual(sent);
    expect(most).toBe(1);
    expect(Math.max(...batches.map((b) => b.length))).toBeGreaterThan(1);
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(64);
    client.end();
  });

  it('answers every frame of a failed batch with the rejection, then serves on', async () => {
    const rejections: MllpRejection[] = [];
    const { port, logs } = await fixture.start({
      batchHandler: async (frames) => {
        if (frames.some((f) => f.toString().includes('boom')))
          throw new Error('the batch did not commit');
        return frames.map(() => Buffer.from('ACK'));
      },
      onProtocolError: (r) => {
        rejections.push(r);
        return Buffer.from(`AE|${r.kind}|${r.head.toString()}`);
      },
    });
    const client = await connectMllp(port);
    client.send('MSH|first');
    const answers = [await client.next()];
    // One write: the three frames arrive together and make one batch, which fails whole.
    await client.write(
      Buffer.concat(['MSH|a', 'MSH|boom', 'MSH|c'].map((m) => encodeFrame(Buffer.from(m)))),
    );
    for (let i = 0; i < 3; i++) answers.push(await client.next());
    expect(answers).toEqual([
      'ACK',
      'AE|handler-failed|MSH|a',
      'AE|handler-failed|MSH|boom',
      'AE|handler-failed|MSH|c',
    ]);
    expect(rejections.map((r) => r.kind)).toEqual(Array(3).fill('handler-failed'));
    client.send('MSH|after');
    expect(await client.next()).toBe('ACK');
    expect(logs.find((l) => l.message === 'MLLP batch handler failed')?.details).toMatchObject({
      frames: 3,
    });
    client.end();
  });

  it('treats a batch answer with the wrong number of ACKs as a failure, closing without a builder', async () => {
    const { port } = await fixture.start({
      batchHandler: async () => [Buffer.from('ACK'), Buffer.from('one too many')],
    });
    const client = await connectMllp(port);
    client.send('MSH|1');
    await expect(client.next()).rejects.toThrow(/closed before an answer/);
    expect((await client.closed).byServer).not.toBe('none');
  });
});
