import { connect } from 'node:net';

const START = 0x0b;
const END = Buffer.from([0x1c, 0x0d]);

/**
 * Sends one message over MLLP as an interface engine does (0x0B, the message, 0x1C 0x0D)
 * and resolves with the ACK's text, segments one per line.
 */
export function sendMllp(port: number, message: string, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let received = Buffer.alloc(0);
    const timer = setTimeout(() => fail(new Error(`no ACK within ${timeoutMs} ms`)), timeoutMs);
    const fail = (e: Error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(e);
    };
    socket.on('connect', () =>
      socket.write(Buffer.concat([Buffer.from([START]), Buffer.from(message), END])),
    );
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const start = received.indexOf(START);
      const end = received.indexOf(END, start + 1);
      if (start < 0 || end < 0) return;
      clearTimeout(timer);
      socket.end();
      resolve(
        received
          .subarray(start + 1, end)
          .toString()
          .replace(/\r\n?/g, '\n'),
      );
    });
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed before an ACK')));
  });
}

/** MSA-1 of an ACK: AA, AE or AR. */
export const ackCodeOf = (ack: string): string =>
  /^MSA\|([A-Z]{2})\|/m.exec(ack)?.[1] ?? `no MSA in ${JSON.stringify(ack)}`;
