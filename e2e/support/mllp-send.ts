import { connectMllp } from '@caredesk/server/channels/mllp/testing/mllp-test-client';

/**
 * Sends one message over MLLP as an interface engine does (0x0B, the message, 0x1C 0x0D)
 * and resolves with the ACK's text, segments one per line.
 */
export async function sendMllp(port: number, message: string, timeoutMs = 10_000): Promise<string> {
  const client = await connectMllp(port);
  try {
    client.send(message);
    return (await client.next(timeoutMs)).replace(/\r\n?/g, '\n');
  } finally {
    client.end();
  }
}

/** MSA-1 of an ACK: AA, AE or AR. */
export const ackCodeOf = (ack: string): string =>
  /^MSA\|([A-Z]{2})\|/m.exec(ack)?.[1] ?? `no MSA in ${JSON.stringify(ack)}`;
