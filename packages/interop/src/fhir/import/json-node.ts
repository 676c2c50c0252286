/**
 * Safe reading of untrusted JSON. Every read goes through a node that knows its FHIRPath-
 * like location, so a wrong type is reported where it is (`Bundle.entry[2].resource.name[0]
 * .family`) instead of surfacing later as a crash. Only own properties are read, so keys
 * such as `constructor` never reach Object.prototype.
 */
import type { IssueInput, IssueType } from '../operation-outcome';

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function ownField(obj: JsonRecord, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/** Where issues of one import accumulate; capped so hostile input cannot make it huge. */
export class IssueSink {
  static readonly MAX_ISSUES = 200;
  readonly issues: IssueInput[] = [];
  private dropped = 0;

  add(code: IssueType, diagnostics: string, expression: string): void {
    if (this.issues.length < IssueSink.MAX_ISSUES) {
      this.issues.push({ code, diagnostics, expression });
    } else {
      this.dropped += 1;
    }
  }

  get count(): number {
    return this.issues.length + this.dropped;
  }

  /** The issues, plus one saying how many were left out when the cap was reached. */
  all(): IssueInput[] {
    if (this.dropped === 0) return [...this.issues];
    return [
      ...this.issues,
      {
        code: 'too-costly',
        diagnostics: `${this.dropped} further issue(s) not listed`,
        severity: 'information',
      },
    ];
  }
}

/** A JSON value with its path and the sink its problems go to. */
export class JsonNode {
  constructor(
    readonly value: unknown,
    readonly path: string,
    readonly sink: IssueSink,
  ) {}

  get present(): boolean {
    return this.value !== undefined && this.value !== null;
  }

  get record(): JsonRecord | undefined {
    return isRecord(this.value) ? this.value : undefined;
  }

  /** Child element; absent children are nodes with an undefined value. */
  get(key: string): JsonNode {
    const rec = this.record;
    return new JsonNode(rec ? ownField(rec, key) : undefined, `${this.path}.${key}`, this.sink);
  }

  /** Repeating element (0..*): [] when absent, reported when not an array. */
  list(key: string): JsonNode[] {
    const child = this.get(key);
    if (!child.present) return [];
    if (!Array.isArray(child.value)) {
      child.issue('structure', `${key} must be an array`);
      return [];
    }
    return child.value.map((v, i) => new JsonNode(v, `${child.path}[${i}]`, this.sink));
  }

  /** Complex child (an object), or undefined when absent; reported when not an object. */
  object(key: string): JsonNode | undefined {
    const child = this.get(key);
    if (!child.present) return undefined;
    if (!child.record) {
      child.issue('structure', `${key} must be an object`);
      return undefined;
    }
    return child;
  }

  string(key: string): string | undefined {
    const child = this.get(key);
    if (!child.present) return undefined;
    if (typeof child.value !== 'string') {
      child.issue('structure', `${key} must be a string`);
      return undefined;
    }
    return child.value;
  }

  strings(key: string): string[] {
    return this.list(key).flatMap((n) => {
      if (typeof n.value === 'string') return [n.value];
      if (n.present) n.issue('structure', `${key} items must be strings`);
      return [];
    });
  }

  boolean(key: string): boolean | undefined {
    const child = this.get(key);
    if (!child.present) return undefined;
    if (typeof child.value !== 'boolean') {
      child.issue('structure', `${key} must be true or false`);
      return undefined;
    }
    return child.value;
  }

  /** FHIR integer/positiveInt/unsignedInt (https://hl7.org/fhir/R4/datatypes.html#integer). */
  integer(key: string): number | undefined {
    const child = this.get(key);
    if (!child.present) return undefined;
    if (typeof child.value !== 'number' || !Number.isSafeInteger(child.value)) {
      child.issue('structure', `${key} must be an integer`);
      return undefined;
    }
    return child.value;
  }

  /** FHIR decimal: a JSON number; a numeric string is accepted and kept exact. */
  decimal(key: string): number | string | undefined {
    const child = this.get(key);
    if (!child.present) return undefined;
    if (typeof child.value === 'number' && Number.isFinite(child.value)) return child.value;
    if (typeof child.value === 'string' && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(child.value)) {
      return child.value;
    }
    child.issue('structure', `${key} must be a decimal number`);
    return undefined;
  }

  issue(code: IssueType, diagnostics: string): void {
    this.sink.add(code, diagnostics, this.path);
  }
}
