import { connect, type Socket } from 'node:net';

/** One SMTP reply: its code and text (the lines of a multi-line reply joined by newlines). */
export interface SmtpReply {
  code: number;
  text: string;
}

/** No reply came in time; the connection is closed. */
export class SmtpTimeout extends Error {}

/** How one message went: the final reply, and the transaction's time from MAIL FROM on. */
export interface SmtpResult extends SmtpReply {
  ms: number;
}

/**
 * The DATA section of a message (RFC 5321 §4.5.2): a line starting with "." gets a second
 * one, the message ends in CRLF, then the "." line. Done on latin1 text so every byte,
 * UTF-8 or not, goes through unchanged.
 */
export function dataSection(raw: Buffer): Buffer {
  let text = raw.toString('latin1').replace(/(^|\r\n)\./g, '$1..');
  if (!text.endsWith('\r\n')) text += '\r\n';
  return Buffer.from(`${text}.\r\n`, 'latin1');
}

/**
 * The smallest SMTP client the benchmark needs, over a plain TCP socket: one connection,
 * messages sent back to back, MAIL/RCPT/DATA pipelined (RFC 2920) as a mail server relaying
 * to an MX does. Written here rather than taken from nodemailer so that the time measured is
 * the SMTP transaction alone, on a connection kept open, and no header is added to the message.
 */
export class SmtpClient {
  readonly #socket: Socket;
  readonly #timeoutMs: number;
  #buffer = '';
  #lines: string[] = [];
  readonly #replies: SmtpReply[] = [];
  #waiter: { resolve: (r: SmtpReply) => void; reject: (e: Error) => void } | null = null;
  #failure: Error | null = null;

  private constructor(socket: Socket, timeoutMs: number) {
    this.#socket = socket;
    this.#timeoutMs = timeoutMs;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.#onData(chunk.toString('latin1')));
    socket.on('error', (e) => this.#fail(e));
    socket.on('close', () => this.#fail(new Error('SMTP connection closed')));
  }

  /** Connects and greets the server with EHLO; rejects unless both answer 2xx. */
  static async open(
    host: string,
    port: number,
    heloName: string,
    timeoutMs: number,
  ): Promise<SmtpClient> {
    const socket = connect({ host, port });
    const client = new SmtpClient(socket, timeoutMs);
    try {
      const greeting = await client.#read();
      if (greeting.code !== 220) throw new Error(`SMTP greeting ${greeting.code} ${greeting.text}`);
      const ehlo = await client.#command(`EHLO ${heloName}`);
      if (ehlo.code !== 250) throw new Error(`EHLO answered ${ehlo.code} ${ehlo.text}`);
      return client;
    } catch (e) {
      client.close();
      throw e;
    }
  }

  /**
   * Sends one message. The result is the reply that decided it: 250 (or the refusal) after
   * the data, or the first refusal of MAIL, every RCPT, or DATA. Rejects only when the
   * connection fails or a reply does not come in time; the client is unusable after that.
   */
  async send(envelope: { from: string; to: readonly string[] }, raw: Buffer): Promise<SmtpResult> {
    const started = performance.now();
    const done = (r: SmtpReply): SmtpResult => ({ ...r, ms: performance.now() - started });
    this.#write(
      [`MAIL FROM:<${envelope.from}> BODY=8BITMIME`, ...envelope.to.map((t) => `RCPT TO:<${t}>`)]
        .concat('DATA')
        .join('\r\n') + '\r\n',
    );
    const mail = await this.#read();
    const rcpts: SmtpReply[] = [];
    for (let i = 0; i < envelope.to.length; i++) rcpts.push(await this.#read());
    const data = await this.#read();
    const accepted = rcpts.filter((r) => r.code === 250 || r.code === 251);
    if (data.code !== 354) {
      if (mail.code !== 250) return done(mail);
      return done(accepted.length === 0 ? (rcpts[0] ?? data) : data);
    }
    if (accepted.length === 0) {
      // DATA was accepted anyway: end it empty, so the connection stays in step.
      this.#write('.\r\n');
      await this.#read();
      return done(rcpts[0] ?? mail);
    }
    this.#write(dataSection(raw));
    return done(await this.#read());
  }

  /** Says goodbye and closes; never rejects. */
  async quit(): Promise<void> {
    try {
      if (!this.#failure) await this.#command('QUIT');
    } catch {
      // closing anyway
    } finally {
      this.close();
    }
  }

  close(): void {
    this.#socket.destroy();
  }

  #command(line: string): Promise<SmtpReply> {
    this.#write(`${line}\r\n`);
    return this.#read();
  }

  #write(data: string | Buffer): void {
    if (this.#failure) throw this.#failure;
    this.#socket.write(data);
  }

  #read(): Promise<SmtpReply> {
    const ready = this.#replies.shift();
    if (ready) return Promise.resolve(ready);
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#fail(new SmtpTimeout(`no SMTP reply within ${this.#timeoutMs} ms`));
        this.close();
      }, this.#timeoutMs);
      this.#waiter = {
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
    });
  }

  #onData(text: string): void {
    this.#buffer += text;
    let end: number;
    while ((end = this.#buffer.indexOf('\r\n')) >= 0) {
      const line = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 2);
      this.#lines.push(line);
      // "250-..." continues a reply, "250 ..." (or a bare code) ends it (RFC 5321 §4.2.1).
      if (line.length > 3 && line[3] === '-') continue;
      const reply: SmtpReply = {
        code: Number(line.slice(0, 3)) || 0,
        text: this.#lines.map((l) => l.slice(4)).join('\n'),
      };
      this.#lines = [];
      const waiter = this.#waiter;
      this.#waiter = null;
      if (waiter) waiter.resolve(reply);
      else this.#replies.push(reply);
    }
  }

  #fail(error: Error): void {
    if (this.#failure) return;
    this.#failure = error;
    const waiter = this.#waiter;
    this.#waiter = null;
    waiter?.reject(error);
  }
}
