import type { Clock } from '@caredesk/core';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Database } from '../../../storage/database';
import { acceptInboundMail } from './accept-mail';

export interface InboundMailListenerOptions {
  database: Database;
  clock: Clock;
  /** Inbound mail belongs to the home organization. */
  organizationId: string;
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Larger messages are refused with 552 (RFC 1870 SIZE is announced). */
  maxBytes: number;
  /** Name in the greeting. */
  serverName: string;
  /** Where infrastructure errors go; never given message content. */
  onError?: (error: unknown, context: string) => void;
}

/** Limits that keep one client from exhausting the process (security brief §2, size). */
export const SMTP_LIMITS = {
  /** Concurrent connections. */
  maxClients: 100,
  /** RCPT TO per message; more get 452 (RFC 5321 §4.5.3.1.8 requires at least 100). */
  maxRecipients: 100,
  /** A command line, e.g. RCPT TO with parameters (RFC 5321 §4.5.3.1.4: 512 octets). */
  maxCommandLength: 2048,
  /** An idle connection is closed after this long (RFC 5321 §4.5.3.2.7 suggests 5 min). */
  socketTimeoutMs: 60_000,
  /** On shutdown, connections still open after this are cut. */
  closeTimeoutMs: 5_000,
} as const;

class SmtpReply extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The inbound SMTP listener (issue #5 point 4). It acts as the final MX for CareDesk's mail
 * domain, or sits behind the organization's own mail server. A message is answered 250 only
 * after it and its processing job have committed; a storage failure is answered 451 so the
 * sender retries (RFC 5321 §4.2.5: the server takes responsibility only with the 250).
 */
export class InboundMailListener {
  readonly #options: InboundMailListenerOptions;
  readonly #server: SMTPServer;
  readonly #inFlight = new Set<Promise<unknown>>();
  #port: number | null = null;

  constructor(options: InboundMailListenerOptions) {
    this.#options = options;
    this.#server = new SMTPServer({
      name: options.serverName,
      banner: 'CareDesk inbound mail',
      size: options.maxBytes,
      rejectOversized: true,
      // No AUTH (we are an MX, not a submission server) and no STARTTLS without a
      // certificate: TLS is the fronting mail server's job (README, E-mail and SMS).
      disabledCommands: ['AUTH', 'STARTTLS'],
      authOptional: true,
      disableReverseLookup: true,
      logger: false,
      maxClients: SMTP_LIMITS.maxClients,
      maxRecipients: SMTP_LIMITS.maxRecipients,
      maxCommandLength: SMTP_LIMITS.maxCommandLength,
      socketTimeout: SMTP_LIMITS.socketTimeoutMs,
      closeTimeout: SMTP_LIMITS.closeTimeoutMs,
      onData: (stream, session, callback) => this.#onData(stream, session, callback),
    });
    // A client resetting its connection must not take the process down.
    this.#server.on('error', (error) => this.#report(error, 'smtp connection'));
  }

  /** The bound port once listening. */
  get port(): number | null {
    return this.#port;
  }

  listen(): Promise<{ port: number }> {
    return new Promise((resolve, reject) => {
      const server = this.#server.server;
      const { host, port } = this.#options;
      // Name the settings: a port already taken is the usual reason (another server running).
      const onError = (error: NodeJS.ErrnoException) =>
        reject(
          new Error(
            `Inbound mail cannot listen on ${host}:${port} (${error.code ?? error.message}): ` +
              'set INBOUND_MAIL_PORT to a free port, or INBOUND_MAIL_ENABLED=false.',
          ),
        );
      server.once('error', onError);
      this.#server.listen(port, host, () => {
        server.off('error', onError);
        const address = server.address();
        this.#port = typeof address === 'object' && address ? address.port : port;
        resolve({ port: this.#port });
      });
    });
  }

  /** Stops accepting, waits for messages being stored, then closes the connections. */
  async close(): Promise<void> {
    if (this.#port === null) return;
    this.#port = null;
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    await Promise.allSettled([...this.#inFlight]);
    await closed;
  }

  #onData(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    callback: (err?: Error | null, message?: string) => void,
  ): void {
    const { maxBytes } = this.#options;
    const chunks: Buffer[] = [];
    let bytes = 0;
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      // Past the limit the rest is read and dropped; the reply will be 552.
      if (bytes <= maxBytes) chunks.push(chunk);
    });
    stream.once('error', (error) => {
      this.#report(error, 'smtp data stream');
      callback(new SmtpReply(451, 'Error: could not read the message, try again later'));
    });
    stream.once('end', () => {
      if (stream.sizeExceeded || bytes > maxBytes) {
        callback(
          new SmtpReply(552, `Error: message exceeds fixed maximum message size ${maxBytes}`),
        );
        return;
      }
      const from = session.envelope.mailFrom;
      const work = acceptInboundMail(this.#options.database, this.#options.clock, {
        organizationId: this.#options.organizationId,
        raw: Buffer.concat(chunks, bytes),
        envelopeFrom: from && from.address !== '' ? from.address : null,
        envelopeTo: session.envelope.rcptTo.map((r) => r.address),
        remoteAddress: session.remoteAddress || null,
      }).then(
        (stored) => callback(null, `OK: queued as ${stored.id}`),
        (error: unknown) => {
          this.#report(error, 'storing an inbound message');
          callback(new SmtpReply(451, 'Error: temporary local problem, try again later'));
        },
      );
      this.#inFlight.add(work);
      void work.finally(() => this.#inFlight.delete(work));
    });
  }

  #report(error: unknown, context: string): void {
    if (this.#options.onError) this.#options.onError(error, context);
    else console.error(`inbound mail: ${context}:`, error);
  }
}
