/** @caredesk/interop/hl7v2: HL7 v2 (2.3 to 2.8) parsing, escaping, writing and ACKs. */
export * from './errors';
export * from './delimiters';
export { SUPPORTED_CHARSETS, DEFAULT_CHARSET } from './charset';
export { escapeHl7 } from './escaping';
export * from './message';
export { parseHl7, DEFAULT_LIMITS, SUPPORTED_VERSIONS } from './parse';
export type { Hl7Limits, ParseOptions } from './parse';
export * from './write';
export { readPartialHeader } from './ack-source';
export type { AckSource } from './ack-source';
export * from './ack';
