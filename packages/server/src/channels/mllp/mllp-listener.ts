import { readFileSync } from 'node:fs';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import {
  MllpConnection,
  type MllpBatchHandler,
  type MllpLogger,
  type MllpMessageHandler,
  type MllpRejectionBuilder,
} from './mllp-connection';

export type {
  MllpBatchHandler,
  MllpConnectionMeta,
  MllpLogger,
  MllpMessageHandler,
  MllpRejection,
  MllpRejectionBuilder,
} from './mllp-connection';

export interface MllpListenerOptions {
  host: string;
  /** 0 picks a free port (tests); the bound one is in `port` after listen(). */
  port: number;
  /** PEM files; without them the listener speaks plain TCP. */
  tls?: { certFile: string; keyFile: string } | undefined;
  /** Largest message payload; a larger frame is refused without being buffered. */
  maxFrameBytes: number;
  /** Connections beyond this are closed as they arrive. */
  maxConnections: number;
  /** A connection that sends nothing for this long is closed. */
  idleTimeoutMs: number;
  /** A frame (or TLS handshake) not complete this long after it started: closed. */
  frameTimeoutMs: number;
  /** close() waits this long for messages being handled before cutting connections (5 s). */
  closeTimeoutMs?: number | undefined;
  handler: MllpMessageHandler;
  /** Handles frames a sender pipelined together (see MllpConnectionSettings.batchHandler). */
  batchHandler?: MllpBatchHandler | undefined;
  /** Answers to refused frames and failed handlers; by default none (see MllpRejectionBuilder). */
  onProtocolError?: MllpRejectionBuilder | undefined;
  logger?: MllpLogger | undefined;
}

/** After we end a connection, a peer that keeps it open is cut after this long. */
const LINGER_MS = 2_000;

const consoleLogger: MllpLogger = {
  info: () => {},
  warn: (details, message) => console.warn(`mllp: ${message}`, details),
  error: (details, message) => console.error(`mllp: ${message}`, details),
};

/**
 * The MLLP listener (issue #6 point 1): HL7 v2 messages over TCP, optionally TLS, framed
 * 0x0B … 0x1C 0x0D (HL7 v2.x Appendix C; MLLP Release 2). It knows nothing of HL7: each
 * frame's payload goes to the handler, whose answer is framed and written back before the
 * connection's next frame is handled. Hostile input (stray bytes, nested start bytes, huge
 * or never-ending frames, idle or slow senders, too many connections) ends in a rejection
 * or a closed connection, never in unbounded memory or a crash.
 */
export class MllpListener {
  readonly #options: MllpListenerOptions;
  readonly #logger: MllpLogger;
  readonly #connections = new Set<MllpConnection>();
  /** Raw TCP sockets, including TLS handshakes not finished yet: close() cuts them all. */
  readonly #sockets = new Set<Socket>();
  #server: Server | null = null;
  #port: number | null = null;
  #closing = false;

  constructor(options: MllpListenerOptions) {
    this.#options = options;
    this.#logger = options.logger ?? consoleLogger;
  }

  /** The bound port while listening. */
  get port(): number | null {
    return this.#port;
  }

  /** `mllp://host:port`, or `mllps://` with TLS, while listening. */
  get url(): string | null {
    if (this.#port === null) return null;
    return `${this.#options.tls ? 'mllps' : 'mllp'}://${this.#options.host}:${this.#port}`;
  }

  /** Connections open now. */
  get connectionCount(): number {
    return this.#connections.size;
  }

  async listen(): Promise<{ port: number }> {
    if (this.#server) throw new Error('The MLLP listener is already listening.');
    const { host, port, tls } = this.#options;
    const server = this.#createServer();
    // Checked by Node before the connection is handed over (and before any TLS work).
    server.maxConnections = this.#options.maxConnections;
    server.on('drop', (data) =>
      this.#logger.warn(
        { remoteAddress: data?.remoteAddress ?? null, maxConnections: server.maxConnections },
        'MLLP connection refused: too many connections (MLLP_MAX_CONNECTIONS)',
      ),
    );
    server.on('connection', (socket: Socket) => {
      this.#sockets.add(socket);
      socket.once('close', () => this.#sockets.delete(socket));
      if (tls) socket.on('error', () => {}); // reported by tlsClientError or the TLS socket
    });
    if (tls) {
      server.on('secureConnection', (socket: Socket) => this.#accept(socket));
      // With a listener here Node leaves the socket open (even after handshakeTimeout).
      server.on('tlsClientError', (error: NodeJS.ErrnoException, socket: Socket) => {
        this.#logger.warn(
          { code: error.code ?? error.message, remoteAddress: socket.remoteAddress ?? null },
          'MLLP TLS handshake failed',
        );
        socket.destroy();
      });
    } else {
      server.on('connection', (socket: Socket) => this.#accept(socket));
    }
    await new Promise<void>((resolve, reject) => {
      // Name the settings: a port already taken is the usual reason (another server running).
      const onError = (error: NodeJS.ErrnoException) =>
        reject(
          new Error(
            `MLLP listener cannot listen on ${host}:${port} (${error.code ?? error.message}): ` +
              'set MLLP_PORT to a free port, or MLLP_ENABLED=false.',
          ),
        );
      server.once('error', onError);
      server.listen(port, host, () => {
        server.off('error', onError);
        resolve();
      });
    });
    server.on('error', (error) => this.#logger.error({ err: error }, 'MLLP listener error'));
    const address = server.address();
    this.#port = typeof address === 'object' && address ? address.port : port;
    this.#server = server;
    this.#closing = false;
    this.#logger.info({ host, port: this.#port, tls: Boolean(tls) }, 'MLLP listener started');
    return { port: this.#port };
  }

  /**
   * Stops accepting, lets the messages being handled finish and their ACKs go out (frames
   * received but not started get none, so their senders send them again), then closes the
   * connections. Connections still busy after closeTimeoutMs are cut.
   */
  async close(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = null;
    this.#port = null;
    this.#closing = true;
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    const connections = [...this.#connections];
    for (const connection of connections) connection.shutdown();
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      Promise.all(connections.map((c) => c.closed)).then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), this.#options.closeTimeoutMs ?? 5_000);
      }),
    ]);
    clearTimeout(timer);
    if (!finished) {
      this.#logger.warn(
        { connections: this.#connections.size },
        'MLLP listener closed with messages still being handled',
      );
    }
    for (const connection of connections) connection.destroy();
    for (const socket of this.#sockets) socket.destroy();
    await Promise.all(connections.map((c) => c.closed));
    await stopped;
  }

  #accept(socket: Socket): void {
    if (this.#closing) {
      socket.destroy();
      return;
    }
    try {
      const { maxFrameBytes, idleTimeoutMs, frameTimeoutMs, handler } = this.#options;
      const connection = new MllpConnection(socket, {
        maxFrameBytes,
        idleTimeoutMs,
        frameTimeoutMs,
        lingerMs: Math.min(LINGER_MS, idleTimeoutMs),
        handler,
        batchHandler: this.#options.batchHandler,
        onProtocolError: this.#options.onProtocolError ?? (() => null),
        logger: this.#logger,
      });
      this.#connections.add(connection);
      void connection.closed.then(() => this.#connections.delete(connection));
    } catch (error) {
      this.#logger.error({ err: error }, 'MLLP connection could not be set up');
      socket.destroy();
    }
  }

  #createServer(): Server {
    const { tls, frameTimeoutMs } = this.#options;
    // allowHalfOpen: a sender that shuts down its side right after its last frame still
    // gets that frame's ACK; we end the connection once it is written.
    if (!tls) return createTcpServer({ allowHalfOpen: true });
    const cert = readPem(tls.certFile, 'MLLP_TLS_CERT');
    const key = readPem(tls.keyFile, 'MLLP_TLS_KEY');
    try {
      return createTlsServer({
        allowHalfOpen: true,
        cert,
        key,
        minVersion: 'TLSv1.2',
        handshakeTimeout: frameTimeoutMs,
      });
    } catch (error) {
      throw new Error(
        `MLLP_TLS_CERT and MLLP_TLS_KEY cannot be used together: ${(error as Error).message}`,
      );
    }
  }
}

function readPem(file: string, setting: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new Error(`${setting} (${file}): cannot read it: ${(error as Error).message}`);
  }
}
