import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import {
  encodeFrame,
  MllpFrameDecoder,
  REFUSED_HEAD_BYTES,
  type MllpFrameEvent,
  type MllpRefusedFrame,
} from '@caredesk/interop/mllp';

/** Who sent a frame. */
export interface MllpConnectionMeta {
  /** The peer's IP address, as the socket saw it. */
  remoteAddress: string | null;
  /** A random id for this connection, unique across server processes. */
  connectionId: string;
}

/**
 * Handles one received message (the frame's payload, framing bytes removed) and returns
 * the ACK payload, which the listener frames and writes. It may reject only on a bug: a
 * message that cannot be processed is answered with an AE/AR ACK, not an exception.
 */
export type MllpMessageHandler = (frame: Buffer, meta: MllpConnectionMeta) => Promise<Buffer>;

/**
 * Handles consecutive frames of one connection together and returns their ACK payloads, one
 * per frame, in the same order. It rejects when none of them could be handled (nothing was
 * kept): each frame is then treated as one whose handler failed.
 */
export type MllpBatchHandler = (
  frames: readonly Buffer[],
  meta: MllpConnectionMeta,
) => Promise<Buffer[]>;

/** Frames handed to a batch handler at most at once. */
export const MAX_FRAMES_PER_BATCH = 64;

/** A frame the listener could not hand to the message handler, or whose handler failed. */
export interface MllpRejection {
  kind: 'nested-start' | 'oversized' | 'handler-failed';
  /** The frame's payload size in bytes (for nested-start: what came before the new start byte). */
  bytes: number;
  /** Its first bytes (at most 1 KiB): the MSH segment, so the answer can echo MSH-10. */
  head: Buffer;
}

/**
 * Builds the answer to a rejected frame (an HL7 AR/AE ACK), or returns null to send none.
 * With null the connection is closed for oversized and handler-failed frames, as the sender
 * would otherwise wait for an answer that never comes, and closing makes it retry. After a
 * nested start it carries on: in HL7 original mode a sender has one message outstanding
 * (v2.x chapter 2, 2.9.2), so one that restarted a frame is waiting for the new frame's ACK,
 * and an answer to the abandoned one would reach it first.
 */
export type MllpRejectionBuilder = (
  rejection: MllpRejection,
  meta: MllpConnectionMeta,
) => Buffer | null;

/** Where the listener reports; pino's logger fits. Never given message content (PHI). */
export interface MllpLogger {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface MllpConnectionSettings {
  maxFrameBytes: number;
  /** No bytes for this long while waiting for the sender: closed. */
  idleTimeoutMs: number;
  /** A frame started and not ended within this long: closed (slow or never-ending frames). */
  frameTimeoutMs: number;
  /** After our side has ended, a peer that keeps the connection open is cut after this. */
  lingerMs: number;
  handler: MllpMessageHandler;
  /**
   * When set, frames that are already waiting when the connection turns to them (a sender
   * that pipelines) go to this handler together, still one batch at a time and answered in
   * order; a sender that waits for each ACK gives batches of one.
   */
  batchHandler?: MllpBatchHandler | undefined;
  onProtocolError: MllpRejectionBuilder;
  logger: MllpLogger;
}

/**
 * Refused frames in a row (no good frame between) after which the connection is closed. A
 * confused sender refuses a frame or two; a run of them is noise, and each would cost a
 * rejection and a log line.
 */
export const MAX_REFUSALS_IN_A_ROW = 10;

type Work = MllpFrameEvent | MllpRefusedFrame;
type Answer = { frame: Buffer } | 'nothing' | 'close';
type Frame = MllpFrameEvent;

/**
 * One sender's connection. Frames are answered strictly in order: the next frame's handler
 * starts only once the previous answer has been written (HL7 original-mode acknowledgment,
 * v2.x chapter 2, 2.9.2; MLLP R2 §1.3). With a batch handler, the frames already received
 * when the connection turns to them are handled as one batch and their answers written in
 * order. While frames are being handled the socket is paused, so a sender that pipelines
 * frames is held back by TCP flow control rather than by our memory.
 */
export class MllpConnection {
  readonly meta: MllpConnectionMeta;
  /** Settles when the socket has closed. */
  readonly closed: Promise<void>;
  readonly #socket: Socket;
  readonly #settings: MllpConnectionSettings;
  readonly #decoder: MllpFrameDecoder;
  readonly #queue: Work[] = [];
  #busy = false;
  /** No more frames are taken; the connection ends once the answer being written is out. */
  #ending = false;
  #ended = false;
  #peerEnded = false;
  #gone = false;
  /** Stray bytes since the last frame; a peer sending only noise is not an MLLP sender. */
  #stray = 0;
  #refusals = 0;
  #toldMissingCr = false;
  #idleTimer: NodeJS.Timeout | null = null;
  #frameTimer: NodeJS.Timeout | null = null;

  constructor(socket: Socket, settings: MllpConnectionSettings) {
    this.#socket = socket;
    this.#settings = settings;
    this.#decoder = new MllpFrameDecoder({ maxFrameBytes: settings.maxFrameBytes });
    this.meta = { remoteAddress: socket.remoteAddress ?? null, connectionId: randomUUID() };
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        this.#gone = true;
        this.#clearTimers();
        resolve();
      }),
    );
    // Every callback is guarded: an exception escaping a socket event would end the process.
    socket.on('data', (chunk: Buffer) => this.#guard('reading', () => this.#onData(chunk)));
    socket.on('end', () => this.#guard('ending', () => this.#onPeerEnd()));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      this.#log('info', { code: error.code ?? error.message }, 'MLLP connection error'),
    );
    this.#armTimers();
  }

  /** The listener is closing: no new frames; the answer being worked on is still written. */
  shutdown(): void {
    this.#ending = true;
    this.#queue.length = 0;
    if (!this.#busy) this.#end();
  }

  /** Cuts the connection now. */
  destroy(): void {
    this.#socket.destroy();
  }

  #onData(chunk: Buffer): void {
    if (this.#ending || this.#gone) return; // closing: what still arrives is dropped unread
    const { maxFrameBytes } = this.#settings;
    for (const event of this.#decoder.push(chunk)) {
      if (event.type === 'frame') {
        this.#stray = 0;
        this.#refusals = 0;
        this.#queue.push(event);
        continue;
      }
      switch (event.kind) {
        case 'nested-start':
        case 'oversized':
          if (++this.#refusals > MAX_REFUSALS_IN_A_ROW) {
            this.#log(
              'warn',
              { refused: this.#refusals },
              'MLLP connection closed: too many refused frames',
            );
            this.#socket.destroy();
            return;
          }
          this.#log(
            'warn',
            { kind: event.kind, bytes: event.bytes, maxFrameBytes },
            'MLLP frame refused',
          );
          this.#queue.push(event);
          break;
        case 'end-without-cr':
          if (!this.#toldMissingCr) this.#log('info', {}, 'MLLP sender ends frames without CR');
          this.#toldMissingCr = true;
          break;
        case 'bytes-outside-frame':
          this.#stray += event.bytes;
          if (this.#stray > maxFrameBytes) {
            this.#log('warn', { bytes: this.#stray }, 'MLLP connection closed: not MLLP framing');
            this.#socket.destroy();
            return;
          }
          break;
      }
    }
    this.#armTimers();
    if (this.#queue.length > 0) void this.#drain();
  }

  #onPeerEnd(): void {
    this.#peerEnded = true;
    if (this.#decoder.inFrame) {
      this.#log('info', { bytes: this.#decoder.openFrameBytes }, 'MLLP sender closed mid-frame');
    }
    if (!this.#busy) this.#end();
  }

  async #drain(): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    this.#clearTimers();
    this.#socket.pause();
    try {
      while (this.#queue.length > 0) {
        const answers = await this.#answerNext();
        const frames: Buffer[] = [];
        for (const answer of answers) {
          if (answer === 'close') {
            this.#ending = true;
            break;
          }
          if (answer !== 'nothing') frames.push(answer.frame);
        }
        // One write for a batch's answers: they leave together, in order.
        if (frames.length > 0 && !(await this.#write(Buffer.concat(frames)))) this.#ending = true;
        if (this.#ending || this.#gone) break;
      }
    } catch (error) {
      this.#log('error', { err: error }, 'MLLP connection failed');
      this.#ending = true;
    } finally {
      this.#busy = false;
    }
    if (this.#ending || this.#peerEnded || this.#gone) {
      this.#end();
    } else {
      this.#socket.resume();
      this.#armTimers();
    }
  }

  /** The answers to the queue's next work: one refused frame, or one or more frames. */
  async #answerNext(): Promise<Answer[]> {
    const work = this.#queue.shift()!;
    if (work.type !== 'frame') return [this.#reject(work)];
    const batchHandler = this.#settings.batchHandler;
    if (!batchHandler) return [await this.#answer(work)];
    const batch: Frame[] = [work];
    while (batch.length < MAX_FRAMES_PER_BATCH && this.#queue[0]?.type === 'frame')
      batch.push(this.#queue.shift() as Frame);
    try {
      const acks: unknown = await batchHandler(
        batch.map((f) => f.payload),
        this.meta,
      );
      if (
        !Array.isArray(acks) ||
        acks.length !== batch.length ||
        !acks.every((a) => Buffer.isBuffer(a))
      )
        throw new TypeError('the MLLP batch handler must return one Buffer per frame');
      // encodeFrame refuses an ACK holding a framing byte: then the whole batch has failed
      // as far as the sender can tell, though it was kept; it resends, and the first ACKs
      // come back again (duplicates are answered from the store).
      return acks.map((ack: Buffer) => ({ frame: encodeFrame(ack) }));
    } catch (error) {
      const bytes = batch.reduce((n, f) => n + f.payload.length, 0);
      this.#log('error', { err: error, bytes, frames: batch.length }, 'MLLP batch handler failed');
      return batch.map((f) => this.#failed(f));
    }
  }

  async #answer(work: Frame): Promise<Answer> {
    try {
      const ack: unknown = await this.#settings.handler(work.payload, this.meta);
      if (!Buffer.isBuffer(ack)) throw new TypeError('the MLLP handler must return a Buffer');
      return { frame: encodeFrame(ack) };
    } catch (error) {
      this.#log('error', { err: error, bytes: work.payload.length }, 'MLLP message handler failed');
      return this.#failed(work);
    }
  }

  #failed(work: Frame): Answer {
    return this.#reject({
      kind: 'handler-failed',
      bytes: work.payload.length,
      head: work.payload.subarray(0, REFUSED_HEAD_BYTES),
    });
  }

  #reject(rejection: MllpRejection): Answer {
    const { kind, bytes, head } = rejection;
    try {
      const payload = this.#settings.onProtocolError({ kind, bytes, head }, this.meta);
      if (payload === null) return kind === 'nested-start' ? 'nothing' : 'close';
      return { frame: encodeFrame(payload) };
    } catch (error) {
      this.#log('error', { err: error, kind }, 'MLLP rejection could not be built');
      return 'close';
    }
  }

  /**
   * Writes one framed answer; true once the bytes are handed to the operating system. A peer
   * that stops reading cannot hold the connection forever: after the idle timeout it is cut.
   */
  #write(frame: Buffer): Promise<boolean> {
    if (this.#gone || !this.#socket.writable) return Promise.resolve(false);
    return new Promise((resolve) => {
      const stuck = setTimeout(() => {
        this.#log('warn', { bytes: frame.length }, 'MLLP connection closed: answer not read');
        this.#socket.destroy();
        resolve(false);
      }, this.#settings.idleTimeoutMs);
      stuck.unref();
      this.#socket.write(frame, (error) => {
        clearTimeout(stuck);
        resolve(!error);
      });
    });
  }

  /**
   * Ends our side after the answers already written (a FIN, not a reset), and keeps reading
   * and dropping input: closing with unread input would send a reset, which can make the
   * peer's stack discard answers it has not read yet (RFC 1122 §4.2.2.13).
   */
  #end(): void {
    this.#ending = true;
    this.#queue.length = 0;
    this.#clearTimers();
    if (this.#ended || this.#gone) return;
    this.#ended = true;
    this.#socket.end();
    this.#socket.resume();
    setTimeout(() => this.#socket.destroy(), this.#settings.lingerMs).unref();
  }

  /** Timers run only while we wait for the sender, never while its message is being handled. */
  #armTimers(): void {
    if (this.#busy || this.#ending || this.#gone) return this.#clearTimers();
    if (this.#idleTimer) this.#idleTimer.refresh();
    else this.#idleTimer = this.#timer(this.#settings.idleTimeoutMs, 'idle');
    if (!this.#decoder.inFrame) {
      if (this.#frameTimer) clearTimeout(this.#frameTimer);
      this.#frameTimer = null;
    } else if (!this.#frameTimer) {
      this.#frameTimer = this.#timer(this.#settings.frameTimeoutMs, 'slow-frame');
    }
  }

  #timer(ms: number, reason: 'idle' | 'slow-frame'): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.#clearTimers();
      const bytes = this.#decoder.openFrameBytes;
      this.#log(
        reason === 'idle' ? 'info' : 'warn',
        { reason, bytes },
        'MLLP connection timed out',
      );
      this.#socket.destroy();
    }, ms);
    timer.unref();
    return timer;
  }

  #clearTimers(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    if (this.#frameTimer) clearTimeout(this.#frameTimer);
    this.#idleTimer = null;
    this.#frameTimer = null;
  }

  #guard(context: string, work: () => void): void {
    try {
      work();
    } catch (error) {
      this.#log('error', { err: error, context }, 'MLLP connection failed');
      this.#socket.destroy();
    }
  }

  #log(level: keyof MllpLogger, details: Record<string, unknown>, message: string): void {
    try {
      this.#settings.logger[level]({ ...details, ...this.meta }, message);
    } catch {
      // A failing logger must not take the connection, or the process, down with it.
    }
  }
}
