/**
 * MLLP block framing: `<SB> payload <EB><CR>`, i.e. 0x0B … 0x1C 0x0D.
 * HL7 v2.x Appendix C (Lower Layer Protocols), C.4.3 "Minimal Lower Layer Protocol", and the
 * HL7 Version 3 Standard: Transport Specification – MLLP, Release 2, §1.4 "Block Format":
 * https://www.hl7.org/implement/standards/product_brief.cfm?product_id=55
 */

/** Start Block character (ASCII VT). */
export const START_BLOCK = 0x0b;
/** End Block character (ASCII FS). */
export const END_BLOCK = 0x1c;
/** Carriage return: follows the End Block. */
export const CARRIAGE_RETURN = 0x0d;

/**
 * Frames one payload for the wire.
 *
 * Throws a RangeError when the payload holds a Start or End Block byte: MLLP R2 §1.4 forbids
 * them in the content, and a peer would cut the message at that byte and read the rest as
 * a second, broken frame. HL7 content never needs them (control characters are sent as
 * `\Xhh\` escapes, v2.x chapter 2, 2.7), so meeting one is a bug in whoever built the payload.
 */
export function encodeFrame(payload: Buffer): Buffer {
  for (const forbidden of [START_BLOCK, END_BLOCK]) {
    const at = payload.indexOf(forbidden);
    if (at !== -1) {
      throw new RangeError(
        `MLLP payload holds byte 0x${forbidden.toString(16).padStart(2, '0')} at offset ${at}; ` +
          'the framing bytes may not appear inside a message',
      );
    }
  }
  const frame = Buffer.allocUnsafe(payload.length + 3);
  frame[0] = START_BLOCK;
  payload.copy(frame, 1);
  frame[payload.length + 1] = END_BLOCK;
  frame[payload.length + 2] = CARRIAGE_RETURN;
  return frame;
}
