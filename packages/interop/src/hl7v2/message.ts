/**
 * The HL7 v2 message model: segments hold fields, a field holds repetitions, a repetition
 * holds components, a component holds subcomponents, and subcomponents are decoded strings
 * (escape sequences already resolved). HL7 v2 chapter 2 (Control), "Message construction rules".
 *
 * Positions are 1-based everywhere, as in the standard: `field(seg, 3)` is PID-3. For MSH
 * that keeps the standard's numbering too: MSH-1 is the field separator, MSH-2 the encoding
 * characters, MSH-3 the sending application.
 */
import type { Hl7Delimiters } from './delimiters';
import { DEFAULT_DELIMITERS } from './delimiters';

/** Subcomponent values of one component. */
export type Hl7Component = readonly string[];
/** Components of one repetition. */
export type Hl7Repetition = readonly Hl7Component[];
/** Repetitions of one field; a field sent as `||` is one repetition holding one empty value. */
export type Hl7Field = readonly Hl7Repetition[];

export interface Hl7Segment {
  /** Three characters, e.g. `PID`, `ZPI`. */
  readonly name: string;
  /** `fields[0]` is field 1 (for MSH: MSH-1, the field separator). */
  readonly fields: readonly Hl7Field[];
}

/** Field `n` (1-based) with all its repetitions; `[]` when the segment stops before it. */
export function field(segment: Hl7Segment, n: number): Hl7Field {
  return segment.fields[n - 1] ?? [];
}

/** The components of repetition `r` (1-based) of field `n`; `[]` when absent. */
export function repetition(segment: Hl7Segment, n: number, r = 1): Hl7Repetition {
  return field(segment, n)[r - 1] ?? [];
}

/**
 * Component `c` of field `n` (repetition `r`), as a string. A component with subcomponents
 * reads as its first subcomponent: chapter 2's version-compatibility rules keep the meaning of a
 * composite in its first part, so a reader that wants the whole structure uses `repetition`.
 */
export function component(segment: Hl7Segment, n: number, c = 1, r = 1): string {
  return repetition(segment, n, r)[c - 1]?.[0] ?? '';
}

/** Subcomponent `s` of component `c` of field `n` (repetition `r`); `''` when absent. */
export function subcomponent(segment: Hl7Segment, n: number, c: number, s: number, r = 1): string {
  return repetition(segment, n, r)[c - 1]?.[s - 1] ?? '';
}

/** A parsed address like `PID-3[2].4.1` or `NK1[2]-2.1`. */
export interface Hl7Path {
  segment: string;
  /** Occurrence of the segment in the message, 1-based. */
  occurrence: number;
  field: number;
  repetition: number;
  component: number;
  subcomponent: number;
}

const PATH =
  /^([A-Z][A-Z0-9]{2})(?:\[(\d{1,6})\])?-(\d{1,4})(?:\[(\d{1,6})\])?(?:\.(\d{1,4}))?(?:\.(\d{1,4}))?$/;

/**
 * `SEG[occurrence]-field[repetition].component.subcomponent`, every part after the field
 * optional and 1-based. Throws RangeError on a malformed path (a programming error, not bad
 * input from a sender).
 */
export function parsePath(path: string): Hl7Path {
  const m = PATH.exec(path);
  const number = (s: string | undefined): number => (s === undefined ? 1 : Number(s));
  if (!m?.[1] || (m[6] !== undefined && m[5] === undefined)) {
    throw new RangeError(`Not an HL7 v2 path: ${JSON.stringify(path)} (e.g. "PID-3[2].4.1")`);
  }
  const parsed: Hl7Path = {
    segment: m[1],
    occurrence: number(m[2]),
    field: number(m[3]),
    repetition: number(m[4]),
    component: number(m[5]),
    subcomponent: number(m[6]),
  };
  if (Object.values(parsed).some((v) => v === 0)) {
    throw new RangeError(`HL7 v2 positions are 1-based: ${JSON.stringify(path)}`);
  }
  return parsed;
}

/** MSH-9: message code, trigger event, message structure (structure from v2.3.1). */
export interface Hl7MessageType {
  code: string;
  trigger: string;
  structure: string;
}

export class Hl7Message {
  constructor(
    /** Every segment in order; the first is MSH. */
    readonly segmentList: readonly Hl7Segment[],
    /** The delimiters MSH-1/MSH-2 declared; `writeHl7` writes them back. */
    readonly delimiters: Readonly<Hl7Delimiters> = DEFAULT_DELIMITERS,
  ) {}

  /** The MSH segment, or an empty one if the list does not start with MSH. */
  get header(): Hl7Segment {
    const first = this.segmentList[0];
    return first?.name === 'MSH' ? first : { name: 'MSH', fields: [] };
  }

  /** Segments named `name` in message order, or all of them when no name is given. */
  segments(name?: string): Hl7Segment[] {
    return name === undefined
      ? [...this.segmentList]
      : this.segmentList.filter((s) => s.name === name);
  }

  /** The `occurrence`-th (1-based) segment named `name`. */
  segment(name: string, occurrence = 1): Hl7Segment | undefined {
    let seen = 0;
    for (const s of this.segmentList) {
      if (s.name === name && ++seen === occurrence) return s;
    }
    return undefined;
  }

  /**
   * The value at `path` (see `parsePath`), `''` when absent. A path that stops at a field or
   * component reads its first component / subcomponent, as `component` does.
   */
  get(path: string): string {
    const p = parsePath(path);
    const seg = this.segment(p.segment, p.occurrence);
    return seg ? subcomponent(seg, p.field, p.component, p.subcomponent, p.repetition) : '';
  }

  /** The whole field at `path` (repetition and component parts ignored); `[]` when absent. */
  getField(path: string): Hl7Field {
    const p = parsePath(path);
    const seg = this.segment(p.segment, p.occurrence);
    return seg ? field(seg, p.field) : [];
  }

  /** MSH-9, routed on by trigger (standards brief §3: route on MSH-9.2). */
  get messageType(): Hl7MessageType {
    const h = this.header;
    return { code: component(h, 9, 1), trigger: component(h, 9, 2), structure: component(h, 9, 3) };
  }

  /** MSH-10, the idempotency key and what MSA-2 echoes. */
  get controlId(): string {
    return component(this.header, 10);
  }

  /** MSH-12.1, e.g. `2.5.1`. */
  get version(): string {
    return component(this.header, 12);
  }

  /** MSH-11.1, e.g. `P` (production), `T` (training), `D` (debugging). */
  get processingId(): string {
    return component(this.header, 11);
  }
}
