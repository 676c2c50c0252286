/**
 * NK1 → the patient's related persons (standards brief §3: NK1-2 name, NK1-3 relationship
 * table 0063, NK1-5/6 phones, NK1-7 contact role table 0131 → candidate RelatedPerson).
 * They are contacts only: no consent and no caregiver link is created, so nobody gains
 * access to the patient's record until staff record a consent (access rules, issue #6).
 */
import { createHash, randomUUID } from 'node:crypto';
import { validateRelatedPersonInput, type Relationship, type RelatedPerson } from '@caredesk/core';
import type { Hl7Message } from '@caredesk/interop/hl7v2';
import type { Kysely } from 'kysely';
import { writeDocuments } from '../../storage/registry-import/document-writer';
import type { Schema } from '../../storage/schema';
import { languageFromSender } from '@caredesk/core';
import { contactPoints, part, personNames } from './hl7-values';

/** HL7 table 0063 relationship codes → v3 RoleCode (the model's Relationship). */
const TABLE_0063: Record<string, Relationship> = {
  SPO: 'SPS',
  DOM: 'DOMPART',
  CHD: 'CHILD',
  PAR: 'PRN',
  MTH: 'MTH',
  FTH: 'FTH',
  SIB: 'SIB',
  BRO: 'SIB',
  SIS: 'SIB',
  GRD: 'GUARD',
  FND: 'FRND',
  NBR: 'NBOR',
  GRP: 'GRPRN',
  GCH: 'GRNDCHILD',
  SON: 'SON',
  DAU: 'DAU',
  CGV: 'CAREGIVER',
  EXF: 'FAMMEMB',
  FCH: 'CHILD',
  SEL: 'ONESELF',
};

/** Words senders write instead of a code ("Mother", "SPOUSE"). */
const WORDS: Record<string, Relationship> = {
  spouse: 'SPS',
  husband: 'HUSB',
  wife: 'WIFE',
  partner: 'DOMPART',
  mother: 'MTH',
  father: 'FTH',
  parent: 'PRN',
  son: 'SON',
  daughter: 'DAU',
  child: 'CHILD',
  sister: 'SIB',
  brother: 'SIB',
  sibling: 'SIB',
  guardian: 'GUARD',
  friend: 'FRND',
  neighbor: 'NBOR',
  neighbour: 'NBOR',
  caregiver: 'CAREGIVER',
};

/** Source keys of related persons from NK1: this, the patient's id, `:`, a digest (hex). */
const NK1_KEY = 'hl7v2:nk1:';

function relationship(code: string, text: string): Relationship {
  const byCode = TABLE_0063[code.toUpperCase()];
  if (byCode) return byCode;
  for (const word of [code, text]) {
    const hit = WORDS[word.trim().toLowerCase()];
    if (hit) return hit;
  }
  return 'O';
}

/**
 * Writes each NK1 with a person's name as a related person of `patientId`. Keyed by patient,
 * name and relationship, so a re-delivered message updates the same records rather than
 * adding copies. Returns the records created or changed (none for a re-delivery). A person
 * first sent for a record that was then merged into this one (A40) is found by the same
 * name and relationship: the merge moved the row, whose key still names the merged record.
 */
export async function recordNextOfKin(
  trx: Kysely<Schema>,
  message: Hl7Message,
  patientId: string,
  defaultCountry: string,
  now: string,
): Promise<Array<{ id: string; change: 'created' | 'updated' }>> {
  const people: Array<RelatedPerson & { source: { entryIndex: number; sourceKey: string } }> = [];
  /** Each person's name-and-relationship digest, by position in `people`. */
  const digests: string[] = [];
  message.segments('NK1').forEach((seg, i) => {
    const f = (n: number) => seg.fields[n - 1] ?? [];
    const names = personNames(f(2));
    if (names.length === 0) return; // an organisation contact (NK1-13), not a person
    const rel = f(3)[0];
    const input = {
      names,
      relationship: relationship(part(rel, 1), part(rel, 2)),
      telecom: [
        ...contactPoints(f(5), 'home', defaultCountry),
        ...contactPoints(f(6), 'work', defaultCountry),
      ],
      preferredLanguage: languageFromSender(part(f(20)[0], 1)),
      isCaregiver: false,
      active: true,
    };
    input.isCaregiver = input.relationship === 'CAREGIVER' || input.relationship === 'GUARD';
    const checked = validateRelatedPersonInput(input, defaultCountry);
    if (!checked.ok) return; // a contact we cannot keep must not cost the patient's admission
    const first = checked.value.names[0]!;
    const who = [first.family, ...first.given, checked.value.relationship].join('|').toLowerCase();
    const digest = createHash('sha256').update(who).digest('hex').slice(0, 32);
    digests.push(digest);
    people.push({
      ...checked.value,
      id: '',
      patientId,
      source: { entryIndex: i, sourceKey: `${NK1_KEY}${patientId}:${digest}` },
    });
  });
  for (const [i, p] of people.entries()) {
    const existing = await trx
      .selectFrom('related_persons')
      .select('id')
      .where('patient_id', '=', patientId)
      .where('source_key', 'like', `${NK1_KEY}%:${digests[i]!}`)
      .orderBy('created_at')
      .executeTakeFirst();
    p.id = existing?.id ?? randomUUID();
  }
  const unique = people.filter(
    (p, i) => people.findIndex((o) => o.source.sourceKey === p.source.sourceKey) === i,
  );
  const written: Array<{ id: string; change: 'created' | 'updated' }> = [];
  for (const person of unique) {
    const counts = await writeDocuments(trx, 'related_persons', [person], now, (r) => ({
      patient_id: r.patientId,
      is_caregiver: r.isCaregiver ? 1 : 0,
    }));
    if (counts.created > 0) written.push({ id: person.id, change: 'created' });
    else if (counts.updated > 0) written.push({ id: person.id, change: 'updated' });
  }
  return written;
}
