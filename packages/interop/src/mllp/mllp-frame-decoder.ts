/**
 * A streaming MLLP decoder: push the bytes as they arrive, in chunks of any size, and get
 * complete frames and framing problems back as events. It never throws on input and never
 * holds more than `maxFrameBytes` of one frame in memory.
 *
 * Framing: HL7 v2.x Appendix C, C.4.3, and MLLP Release 2 §1.4 (see ./mllp-frame.ts).
 */
import { CARRIAGE_RETURN, END_BLOCK, START_BLOCK } from './mllp-frame';

/** How much of a refused frame is kept: enough for the MSH segment, so a rejection ACK can echo MSH-10. */
export const REFUSED_HEAD_BYTES = 1024;

/** A complete frame's payload, without the framing bytes. */
export interface MllpFrameEvent {
  type: 'frame';
  payload: Buffer;
}

/**
 * A frame that was started but will not be delivered:
 * - `nested-start`: a Start Block arrived inside an open frame that already had payload
 *   bytes (a Start Block right after another is counted as a stray byte). The sender gave up on the
 *   frame (a retransmission after a timeout or a reconnect is the usual cause), so the
 *   decoder drops what it had and starts over from the new Start Block: the retransmission
 *   is received whole.
 * - `oversized`: the payload grew past `maxFrameBytes`. The decoder stops keeping bytes at
 *   the limit and skips to the frame's End Block (or the next Start Block), then reports
 *   the full size, so memory stays bounded however long the frame is.
 */
export interface MllpRefusedFrame {
  type: 'error';
  kind: 'nested-start' | 'oversized';
  /** Payload bytes received for the refused frame. */
  bytes: number;
  /** Its first bytes (at most REFUSED_HEAD_BYTES, and never more than maxFrameBytes). */
  head: Buffer;
}

/**
 * Bytes outside any frame (before a Start Block): discarded. A run of them is reported once,
 * before the next event or at the end of the push.
 */
export interface MllpStrayBytes {
  type: 'error';
  kind: 'bytes-outside-frame';
  bytes: number;
}

/**
 * An End Block not followed by a carriage return. Tolerated: the frame was already
 * delivered at the End Block, and the byte after it is read as if between frames.
 */
export interface MllpEndWithoutCarriageReturn {
  type: 'error';
  kind: 'end-without-cr';
}

export type MllpFramingError = MllpRefusedFrame | MllpStrayBytes | MllpEndWithoutCarriageReturn;
export type MllpDecoderEvent = MllpFrameEvent | MllpFramingError;

export interface MllpFrameDecoderOptions {
  /** Largest payload delivered, in bytes; a longer frame becomes an `oversized` error. */
  maxFrameBytes: number;
}

type State = 'between-frames' | 'in-frame' | 'after-end';

/**
 * Why a frame is delivered at the End Block rather than at the carriage return after it:
 * the End Block cannot occur in HL7 content (MLLP R2 §1.4), so the payload is complete there.
 * Senders that leave out the CR (there are some) then still get their ACK instead of waiting
 * until the connection times out, and as every message of theirs ends the same way,
 * refusing them would stop the feed without fixing anything.
 */
export class MllpFrameDecoder {
  readonly #maxFrameBytes: number;
  #state: State = 'between-frames';
  /** Parts of the open frame; empty once it is over the limit. */
  #parts: Buffer[] = [];
  /** Payload bytes of the open frame, counted past the limit too. */
  #bytes = 0;
  #oversizedHead: Buffer | null = null;
  #stray = 0;

  constructor(options: MllpFrameDecoderOptions) {
    if (!Number.isInteger(options.maxFrameBytes) || options.maxFrameBytes < 0) {
      throw new RangeError('maxFrameBytes must be a non-negative integer');
    }
    this.#maxFrameBytes = options.maxFrameBytes;
  }

  /** Whether a frame has been started and not yet ended. */
  get inFrame(): boolean {
    return this.#state === 'in-frame';
  }

  /** Payload bytes received so far for the open frame (0 between frames). */
  get openFrameBytes(): number {
    return this.#state === 'in-frame' ? this.#bytes : 0;
  }

  /** Bytes held in memory for the open frame: never more than maxFrameBytes. */
  get bufferedBytes(): number {
    return this.#oversizedHead ? this.#oversizedHead.length : this.#bytes;
  }

  /**
   * Takes the next bytes of the stream. The decoder keeps references to parts of `chunk`
   * until the frame they belong to is complete, so the caller must not reuse the buffer.
   */
  push(chunk: Buffer): MllpDecoderEvent[] {
    const events: MllpDecoderEvent[] = [];
    // Next positions of the two delimiters, found once and reused, so a chunk full of Start
    // Blocks is still scanned in linear time (-2: not looked for yet; -1: none left).
    let nextStart = -2;
    let nextEnd = -2;
    const startFrom = (from: number): number =>
      nextStart === -1 || nextStart >= from
        ? nextStart
        : (nextStart = chunk.indexOf(START_BLOCK, from));
    const endFrom = (from: number): number =>
      nextEnd === -1 || nextEnd >= from ? nextEnd : (nextEnd = chunk.indexOf(END_BLOCK, from));

    let at = 0;
    while (at < chunk.length) {
      switch (this.#state) {
        case 'between-frames': {
          const start = startFrom(at);
          if (start === -1) {
            this.#stray += chunk.length - at;
            at = chunk.length;
            break;
          }
          this.#stray += start - at;
          this.#reportStray(events);
          this.#openFrame();
          at = start + 1;
          break;
        }
        case 'in-frame': {
          const start = startFrom(at);
          const end = endFrom(at);
          const stop = start === -1 ? end : end === -1 ? start : Math.min(start, end);
          if (stop === -1) {
            this.#append(chunk.subarray(at));
            at = chunk.length;
            break;
          }
          this.#append(chunk.subarray(at, stop));
          if (stop === end) {
            this.#reportStray(events);
            events.push(this.#closeFrame());
            this.#state = 'after-end';
          } else if (this.#bytes === 0) {
            // Two Start Blocks in a row abandon nothing: the first one was a stray byte.
            this.#stray += 1;
          } else {
            this.#reportStray(events);
            events.push(this.#refuse(this.#oversizedHead ? 'oversized' : 'nested-start'));
            this.#openFrame();
          }
          at = stop + 1;
          break;
        }
        case 'after-end': {
          if (chunk[at] === CARRIAGE_RETURN) at += 1;
          else events.push({ type: 'error', kind: 'end-without-cr' });
          this.#state = 'between-frames';
          break;
        }
      }
    }
    this.#reportStray(events);
    return events;
  }

  #openFrame(): void {
    this.#state = 'in-frame';
    this.#parts = [];
    this.#bytes = 0;
    this.#oversizedHead = null;
  }

  #append(part: Buffer): void {
    if (part.length === 0) return;
    const total = this.#bytes + part.length;
    if (!this.#oversizedHead) {
      if (total <= this.#maxFrameBytes) {
        this.#parts.push(part);
      } else {
        // Over the limit: keep only the head and count the rest as it goes by.
        this.#oversizedHead = Buffer.concat(
          [...this.#parts, part],
          Math.min(REFUSED_HEAD_BYTES, this.#maxFrameBytes),
        );
        this.#parts = [];
      }
    }
    this.#bytes = total;
  }

  #closeFrame(): MllpDecoderEvent {
    if (this.#oversizedHead) return this.#refuse('oversized');
    const payload = Buffer.concat(this.#parts, this.#bytes);
    this.#parts = [];
    this.#bytes = 0;
    return { type: 'frame', payload };
  }

  #refuse(kind: MllpRefusedFrame['kind']): MllpRefusedFrame {
    const head =
      this.#oversizedHead ?? Buffer.concat(this.#parts, Math.min(REFUSED_HEAD_BYTES, this.#bytes));
    const event: MllpRefusedFrame = { type: 'error', kind, bytes: this.#bytes, head };
    this.#parts = [];
    this.#bytes = 0;
    this.#oversizedHead = null;
    return event;
  }

  #reportStray(events: MllpDecoderEvent[]): void {
    if (this.#stray === 0) return;
    events.push({ type: 'error', kind: 'bytes-outside-frame', bytes: this.#stray });
    this.#stray = 0;
  }
}
