import { openDatabase, type DatabaseConfig } from '@caredesk/server/storage/database';

/** What the load workloads ask for: real patient ids and realistic typeahead queries. */
export interface WorkloadSamples {
  patientIds: string[];
  typeahead: TypeaheadSample[];
}

export type TypeaheadKind = 'name' | 'given+family' | 'birth date' | 'phone' | 'MRN' | 'email';

export interface TypeaheadSample {
  kind: TypeaheadKind;
  q: string;
}

interface StoredDoc {
  names?: Array<{ use?: string; given?: string[]; family?: string }>;
  telecom?: Array<{ system: string; value: string }>;
  identifiers?: Array<{ value: string; type?: string }>;
}

/** A small deterministic generator, so every run asks the same questions. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Typeahead mix: what a front desk types, most often a surname prefix. */
const MIX: Array<[TypeaheadKind, number]> = [
  ['name', 0.4],
  ['given+family', 0.15],
  ['birth date', 0.15],
  ['phone', 0.15],
  ['MRN', 0.1],
  ['email', 0.05],
];

function pickKind(r: number): TypeaheadKind {
  let acc = 0;
  for (const [kind, share] of MIX) {
    acc += share;
    if (r < acc) return kind;
  }
  return 'name';
}

const prefix = (s: string, len: number): string => [...s].slice(0, len).join('');

/** One query of `kind` built from a stored patient, or null when they lack that field. */
export function queryFor(
  kind: TypeaheadKind,
  doc: StoredDoc,
  birthDate: string | null,
  rand: () => number,
): string | null {
  const name = doc.names?.find((n) => n.use === 'official') ?? doc.names?.[0];
  const family = name?.family?.split(/[\s-]/)[0] ?? '';
  const given = name?.given?.[0] ?? '';
  const len = 2 + Math.floor(rand() * 5); // 2–6 letters
  switch (kind) {
    case 'name':
      return family.length >= 2 ? prefix(family, len) : null;
    case 'given+family':
      return given.length >= 2 && family.length >= 2
        ? `${prefix(given, 1 + Math.floor(rand() * 4))} ${prefix(family, len)}`
        : null;
    case 'birth date': {
      if (!birthDate) return null;
      const [y, m, d] = birthDate.split('-');
      // Staff type dates as they hear them: ISO, US or European order.
      const style = Math.floor(rand() * 3);
      return style === 0 ? birthDate : style === 1 ? `${m}/${d}/${y}` : `${d}.${m}.${y}`;
    }
    case 'phone': {
      const phone = doc.telecom?.find((t) => t.system === 'phone');
      const digits = phone?.value.replace(/\D/g, '') ?? '';
      // The last 4–7 digits' start is what a caller reads out first after the area code.
      return digits.length >= 7
        ? digits.slice(-7, -7 + 4 + Math.floor(rand() * 4) || undefined)
        : null;
    }
    case 'MRN': {
      const mrn = doc.identifiers?.find((i) => i.type === 'MR')?.value;
      return mrn ? prefix(mrn, 5 + Math.floor(rand() * 5)) : null;
    }
    case 'email': {
      const email = doc.telecom?.find((t) => t.system === 'email')?.value;
      const at = email?.indexOf('@') ?? -1;
      return email && at > 0 ? email.slice(0, at + 1 + Math.floor(rand() * 4)) : null;
    }
  }
}

/**
 * Reads `count` stored patients (spread over the id space) and derives the read ids and
 * `queries` typeahead queries from them.
 */
export async function loadSamples(
  config: DatabaseConfig,
  count: number,
  queries: number,
): Promise<WorkloadSamples> {
  const database = await openDatabase(config);
  try {
    const rows = await database.db
      .selectFrom('patients')
      .select(['id', 'data', 'birth_date'])
      .where('merged_into', 'is', null)
      .orderBy('id')
      .limit(count)
      .execute();
    if (rows.length === 0) throw new Error('no patients to sample');
    const rand = lcg(20260301);
    const typeahead: TypeaheadSample[] = [];
    for (let attempts = 0; typeahead.length < queries && attempts < queries * 10; attempts++) {
      const row = rows[Math.floor(rand() * rows.length)]!;
      const kind = pickKind(rand());
      const q = queryFor(kind, JSON.parse(row.data) as StoredDoc, row.birth_date, rand);
      if (q) typeahead.push({ kind, q });
    }
    return { patientIds: rows.map((r) => r.id), typeahead };
  } finally {
    await database.close();
  }
}

export function typeaheadPath(q: string): string {
  return `/api/patients?q=${encodeURIComponent(q)}&limit=20`;
}
