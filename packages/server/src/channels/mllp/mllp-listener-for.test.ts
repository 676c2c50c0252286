import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config';
import type { MllpListener } from './mllp-listener';
import { mllpBannerLine, mllpListenerFor } from './mllp-listener-for';
import { connectMllp, echoAck, recordingLogger, type LogLine } from './testing/mllp-test-client';

let listener: MllpListener | undefined;
afterEach(() => listener?.close());

describe('mllpListenerFor', () => {
  it('builds a working listener from the settings in one call', async () => {
    const logs: LogLine[] = [];
    const config = loadConfig({
      MLLP_PORT: '0',
      MLLP_MAX_FRAME_BYTES: '4096',
      MLLP_IDLE_TIMEOUT_SECONDS: '1',
    });
    listener = mllpListenerFor(config, {
      handler: echoAck,
      onProtocolError: (r) => Buffer.from(`AR|${r.kind}`),
      logger: recordingLogger(logs),
    });
    const { port } = await listener.listen();
    expect(mllpBannerLine(listener.url!)).toBe(`  HL7 over MLLP:  mllp://127.0.0.1:${port}\n`);
    const client = await connectMllp(port);
    client.send('MSH|^~\\&|A');
    client.send('x'.repeat(4097)); // MLLP_MAX_FRAME_BYTES is in force
    expect([await client.next(), await client.next()]).toEqual(['ACK|MSH|^~\\&|A', 'AR|oversized']);
    // MLLP_IDLE_TIMEOUT_SECONDS is in force, in seconds.
    const started = performance.now();
    await client.closed;
    expect(performance.now() - started).toBeGreaterThan(800);
    expect(logs[0]?.details).toEqual({ host: '127.0.0.1', port, tls: false });
  });
});
