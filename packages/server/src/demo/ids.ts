import { hashInts, mix32 } from './random';

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(word: number): string {
  return (
    (HEX[(word >>> 24) & 0xff] ?? '') +
    (HEX[(word >>> 16) & 0xff] ?? '') +
    (HEX[(word >>> 8) & 0xff] ?? '') +
    (HEX[word & 0xff] ?? '')
  );
}

/**
 * A deterministic UUID-shaped id (8-4-4-4-12 hex, version nibble 4, RFC 4122 variant)
 * derived from a seed, a namespace and a counter. The first 32 bits are a bijection of the
 * counter for a given seed and namespace, so ids never collide within one namespace while
 * the counter stays below 2^32; the rest is hash noise so the ids look random.
 */
export function demoUuid(seed: number, namespace: number, counter: number): string {
  const salt = hashInts(seed, namespace);
  const w0 = mix32((counter ^ salt) >>> 0);
  const w1 = hashInts(salt, counter, 1);
  const w2 = hashInts(salt, counter, 2);
  const w3 = hashInts(salt, counter, 3);
  const versioned = ((w1 & 0xffff0fff) | 0x00004000) >>> 0;
  const variant = ((w2 & 0x3fffffff) | 0x80000000) >>> 0;
  const a = hex32(w0);
  const b = hex32(versioned);
  const c = hex32(variant);
  const d = hex32(w3);
  return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
}

/** Id namespaces: patient-scoped records use PATIENT_RECORDS with counter = index * 64 + k. */
export const ID_NAMESPACE = {
  reference: 1,
  staff: 2,
  patientRecords: 3,
} as const;

/** Records a single patient may own (patient, encounters, claims...) before ids would overlap. */
export const MAX_RECORDS_PER_PATIENT = 64;

/** Hands out the ids of one patient's records: the patient itself first, then in order. */
export class PatientIdAllocator {
  private next = 0;

  constructor(
    private readonly seed: number,
    private readonly patientIndex: number,
  ) {}

  id(): string {
    if (this.next >= MAX_RECORDS_PER_PATIENT) {
      throw new Error(`demo patient ${this.patientIndex} needs more than 64 ids`);
    }
    const counter = this.patientIndex * MAX_RECORDS_PER_PATIENT + this.next++;
    return demoUuid(this.seed, ID_NAMESPACE.patientRecords, counter);
  }
}
