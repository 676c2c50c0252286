/** @caredesk/interop/mllp: MLLP block framing for HL7 v2 over TCP (HL7 v2.x Appendix C). */
export { encodeFrame, START_BLOCK, END_BLOCK, CARRIAGE_RETURN } from './mllp-frame';
export { MllpFrameDecoder, REFUSED_HEAD_BYTES } from './mllp-frame-decoder';
export type {
  MllpDecoderEvent,
  MllpEndWithoutCarriageReturn,
  MllpFrameDecoderOptions,
  MllpFrameEvent,
  MllpFramingError,
  MllpRefusedFrame,
  MllpStrayBytes,
} from './mllp-frame-decoder';
