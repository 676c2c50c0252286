import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { encodeFrame, MllpFrameDecoder } from '@caredesk/interop/mllp';
import { MllpListener, type MllpListenerOptions, type MllpLogger } from '../mllp-listener';

/** A sender as an interface engine would be one: writes frames, reads the answers. */
export interface MllpTestClient {
  socket: Socket;
  /** Frames and writes a payload. */
  send(payload: string | Buffer): void;
  /** Writes bytes as given (no framing). */
  write(raw: string | Buffer): Promise<void>;
  /** The next answer's payload; rejects when the connection closes first or after timeoutMs. */
  next(timeoutMs?: number): Promise<string>;
  /** Every answer so far, as text. */
  answers: string[];
  /** Settles when the connection has closed, with how the server ended it. */
  closed: Promise<{ byServer: 'end' | 'reset' | 'none' }>;
  end(): void;
  destroy(): void;
}

export async function connectMllp(
  port: number,
  options: { ca?: Buffer } = {},
): Promise<MllpTestClient> {
  const socket = await new Promise<Socket>((resolve, reject) => {
    const s: Socket = options.ca
      ? connectTls({ host: '127.0.0.1', port, ca: options.ca }, () => resolve(s))
      : connectTcp({ host: '127.0.0.1', port }, () => resolve(s));
    s.once('error', reject);
  });
  socket.setNoDelay(true);
  const decoder = new MllpFrameDecoder({ maxFrameBytes: 64 * 1024 * 1024 });
  const answers: string[] = [];
  let read = 0;
  let waiter: (() => void) | null = null;
  let byServer: 'end' | 'reset' | 'none' = 'none';
  let isClosed = false;
  socket.on('data', (chunk: Buffer) => {
    for (const e of decoder.push(chunk)) if (e.type === 'frame') answers.push(e.payload.toString());
    waiter?.();
  });
  socket.on('end', () => (byServer = 'end'));
  socket.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'ECONNRESET' || e.code === 'EPIPE') byServer = 'reset';
  });
  const closed = new Promise<{ byServer: 'end' | 'reset' | 'none' }>((resolve) =>
    socket.once('close', () => {
      isClosed = true;
      waiter?.();
      resolve({ byServer });
    }),
  );
  return {
    socket,
    answers,
    closed,
    send: (payload) => {
      socket.write(encodeFrame(Buffer.from(payload)));
    },
    write: (raw) =>
      new Promise((resolve, reject) => socket.write(raw, (e) => (e ? reject(e) : resolve()))),
    next: (timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiter = null;
          reject(new Error(`no answer within ${timeoutMs} ms`));
        }, timeoutMs);
        const check = () => {
          if (read < answers.length) {
            clearTimeout(timer);
            waiter = null;
            resolve(answers[read++]!);
          } else if (isClosed) {
            clearTimeout(timer);
            waiter = null;
            reject(new Error('connection closed before an answer'));
          }
        };
        waiter = check;
        check();
      }),
    end: () => socket.end(),
    destroy: () => socket.destroy(),
  };
}

export interface LogLine {
  level: keyof MllpLogger;
  message: string;
  details: Record<string, unknown>;
}

/** A logger that keeps what it is told, for assertions. */
export function recordingLogger(lines: LogLine[]): MllpLogger {
  return {
    info: (details, message) => lines.push({ level: 'info', message, details }),
    warn: (details, message) => lines.push({ level: 'warn', message, details }),
    error: (details, message) => lines.push({ level: 'error', message, details }),
  };
}

/** The test handler: answers `ACK|` and the payload. */
export const echoAck = (frame: Buffer): Promise<Buffer> =>
  Promise.resolve(Buffer.concat([Buffer.from('ACK|'), frame]));

/** Listeners started by a test file; closeAll() in afterEach. */
export function listenerFixture() {
  const started: MllpListener[] = [];
  return {
    async start(overrides: Partial<MllpListenerOptions> = {}) {
      const logs: LogLine[] = [];
      const listener = new MllpListener({
        host: '127.0.0.1',
        port: 0,
        maxFrameBytes: 64 * 1024,
        maxConnections: 100,
        idleTimeoutMs: 5_000,
        frameTimeoutMs: 5_000,
        closeTimeoutMs: 2_000,
        handler: echoAck,
        logger: recordingLogger(logs),
        ...overrides,
      });
      started.push(listener);
      const { port } = await listener.listen();
      return { listener, port, logs };
    },
    async closeAll() {
      await Promise.all(started.splice(0).map((l) => l.close()));
    },
  };
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
