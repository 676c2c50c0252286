import type {
  ContactPoint,
  ImportedPatient,
  PersonName,
  PreferredChannel,
  Relationship,
  Sourced,
} from '@caredesk/core';
import { makeAddress, makePhone, timeZoneFor, EMAIL_DOMAINS } from './demo-addresses';
import { MRN_SYSTEM } from './demo-catalog';
import { DAY_MS, YEAR_MS, isoDate, isoInstant, recordSource } from './demo-context';
import type { PatientContext } from './demo-context';
import {
  NAMES_BY_LANGUAGE,
  emailLocalPart,
  officialName,
  pickFamily,
  pickFamilyParts,
  pickGiven,
  regender,
} from './demo-names';
import type { NameSex } from './demo-names';
import type { DemoLanguage } from './demo-types';
import { Rng, hashInts } from './random';

export const LANGUAGE_WEIGHTS: readonly (readonly [DemoLanguage, number])[] = [
  ['en', 55],
  ['es', 25],
  ['lv', 10],
  ['nb', 10],
];

const AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[0, 4], 6],
  [[5, 17], 14],
  [[18, 44], 33],
  [[45, 64], 26],
  [[65, 79], 15],
  [[80, 95], 6],
];

const GENDER_IDENTITIES = ['non-binary', 'transgender woman', 'transgender man', 'genderqueer'];

/** The first draws of a patient: who they are, before any record is written. */
export interface PatientBasics {
  language: DemoLanguage;
  sex: NameSex;
  administrativeSex: ImportedPatient['administrativeSex'];
  age: number;
  birthMs: number;
  deathMs: number | null;
}

export function drawBasics(rng: Rng, nowMs: number): PatientBasics {
  const language = rng.weighted(LANGUAGE_WEIGHTS);
  const roll = rng.next();
  const administrativeSex: ImportedPatient['administrativeSex'] =
    roll < 0.495 ? 'male' : roll < 0.99 ? 'female' : roll < 0.995 ? 'other' : 'unknown';
  const sex: NameSex =
    administrativeSex === 'male' || administrativeSex === 'female'
      ? administrativeSex
      : rng.chance(0.5)
        ? 'male'
        : 'female';
  const [lo, hi] = rng.weighted(AGE_BANDS);
  const age = rng.int(lo, hi);
  // A birthday somewhere in the year after the age-th birthday; newborns at least a day old.
  const birthMs = Math.floor(nowMs - age * YEAR_MS - rng.int(1, 364) * DAY_MS);
  const deathRate = age < 65 ? 0.003 : age < 80 ? 0.02 : 0.06;
  let deathMs: number | null = null;
  if (rng.chance(deathRate)) {
    deathMs = nowMs - rng.int(1, 730) * DAY_MS - rng.int(0, 86_399) * 1000;
    if (deathMs <= birthMs) deathMs = birthMs + DAY_MS;
  }
  return { language, sex, administrativeSex, age, birthMs, deathMs };
}

function buildName(
  rng: Rng,
  language: DemoLanguage,
  sex: NameSex,
  age: number,
): { names: PersonName[]; familyParts: string[] } {
  const locale = NAMES_BY_LANGUAGE[language];
  const given = pickGiven(rng, language, sex);
  const givens = [given];
  if ((language === 'en' || language === 'es') && rng.chance(0.3)) {
    const middle = pickGiven(rng, language, sex);
    if (middle !== given) givens.push(middle);
  }
  const familyParts = pickFamilyParts(rng, language, sex);
  const family = familyParts.join(' ');
  const official = officialName(givens, family);
  if (age >= 30 && rng.chance(0.02)) {
    official.prefix.push(rng.pick(sex === 'male' ? locale.prefixMale : locale.prefixFemale));
  }
  if (sex === 'male' && locale.suffixes.length > 0 && rng.chance(0.05)) {
    official.suffix.push(rng.pick(locale.suffixes));
  }
  const names = [official];
  const nickname = locale.nicknames[given];
  if (nickname !== undefined && rng.chance(0.4)) {
    names.push({ use: 'nickname', given: [nickname], family, prefix: [], suffix: [] });
  }
  if (sex === 'female' && age >= 25 && language !== 'es' && rng.chance(0.1)) {
    const maiden = pickFamily(rng, language, 'female');
    if (maiden !== family) {
      names.push({ use: 'maiden', given: [given], family: maiden, prefix: [], suffix: [] });
    }
  }
  return { names, familyParts };
}

/**
 * A parent's family name: Spanish children carry the father's first surname then the
 * mother's, so each parent shares one; elsewhere the family name is shared (Latvian regendered).
 */
function parentFamily(ctx: PatientContext, parentSex: NameSex): string {
  const { rng, language } = ctx;
  if (language !== 'es') return regender(language, ctx.name.family, parentSex);
  const inherited = parentSex === 'male' ? ctx.familyParts[0] : ctx.familyParts[1];
  const own = pickFamilyParts(rng, 'es', parentSex)[0] ?? 'García';
  return inherited === undefined || inherited === own ? own : `${inherited} ${own}`;
}

/** A Spanish speaker's grown child: the father's first surname, then the mother's. */
function childFamily(ctx: PatientContext): string {
  const own = ctx.familyParts[0] ?? ctx.name.family;
  const other = pickFamilyParts(ctx.rng, 'es', 'male')[0] ?? 'García';
  if (other === own) return own;
  return ctx.sex === 'male' ? `${own} ${other}` : `${other} ${own}`;
}

function channelFor(rng: Rng, age: number, hasEmail: boolean): PreferredChannel {
  const elderly = age >= 70;
  return rng.weighted<PreferredChannel>([
    ['portal', elderly ? 15 : 35],
    ['sms', age < 18 ? 30 : 25],
    ['email', hasEmail ? 15 : 0],
    ['phone', elderly ? 40 : 20],
    ['letter', elderly ? 15 : 3],
  ]);
}

export function makeEmail(rng: Rng, given: string, family: string, suffix: string): ContactPoint {
  const domain = rng.pick(EMAIL_DOMAINS);
  return {
    system: 'email',
    value: `${emailLocalPart(given, family, suffix)}@${domain}`,
    use: 'home',
    rank: 2,
  };
}

/** The patient record itself; fills ctx.name and ctx.phone for the later records. */
export function makePatient(
  ctx: PatientContext,
  basics: PatientBasics,
  seed: number,
): Sourced<ImportedPatient> {
  const { rng, language, age } = ctx;
  const { names, familyParts } = buildName(rng, language, ctx.sex, age);
  const official = names[0] ?? officialName(['Alex'], 'Doe');
  ctx.name = official;
  ctx.familyParts = familyParts;
  const phone = makePhone(language, ctx.index);
  ctx.phone = phone;
  const telecom: ContactPoint[] = [];
  let hasEmail = false;
  if (age < 18) {
    // Children are reached through a parent's phone (the parent is a RelatedPerson).
    telecom.push({ system: 'phone', value: phone, use: 'home', rank: 1 });
  } else {
    if (rng.chance(0.95)) {
      telecom.push({
        system: 'phone',
        value: phone,
        use: age >= 70 && rng.chance(0.3) ? 'home' : 'mobile',
        rank: 1,
      });
    }
    if (rng.chance(age >= 75 ? 0.35 : 0.8)) {
      hasEmail = true;
      telecom.push(
        makeEmail(rng, official.given[0] ?? 'patient', official.family, String(ctx.index + 1)),
      );
    }
  }
  const mrnSpace = 9_000_000;
  const mrnOffset = hashInts(seed, 0x4d524e) % mrnSpace;
  const mrn = 1_000_000 + (((ctx.index % mrnSpace) * 7919 + mrnOffset) % mrnSpace);
  const genderIdentity = age >= 13 && rng.chance(0.015) ? rng.pick(GENDER_IDENTITIES) : null;
  return {
    id: ctx.patientId,
    names,
    birthDate: isoDate(basics.birthMs),
    administrativeSex: basics.administrativeSex,
    genderIdentity,
    identifiers: [{ system: MRN_SYSTEM, value: `MRN${mrn}`, type: 'MR' }],
    telecom,
    addresses: [makeAddress(rng, language)],
    preferredLanguage: language,
    preferredChannel: channelFor(rng, age, hasEmail),
    quietHours: rng.chance(0.3)
      ? { start: '21:00', end: '08:00', timeZone: timeZoneFor(language) }
      : null,
    deceased: basics.deathMs !== null,
    deceasedAt: basics.deathMs === null ? null : isoInstant(basics.deathMs),
    source: { entryIndex: -1, sourceKey: `demo/Patient/${ctx.index + 1}` },
  };
}

function relatedPerson(
  ctx: PatientContext,
  given: string,
  family: string,
  relationship: Relationship,
  phone: string,
  isCaregiver: boolean,
): void {
  const telecom: ContactPoint[] = [{ system: 'phone', value: phone, use: 'mobile', rank: 1 }];
  if (ctx.rng.chance(0.4)) telecom.push(makeEmail(ctx.rng, given, family, ctx.rng.digits(2)));
  ctx.batch.relatedPersons.push({
    id: ctx.ids.id(),
    patientId: ctx.patientId,
    names: [officialName([given], family)],
    relationship,
    telecom,
    preferredLanguage: ctx.language,
    isCaregiver,
    active: true,
    source: recordSource(ctx, 'RelatedPerson'),
  });
}

/** A phone for a relative: drawn, so it may (rarely) equal some other patient's. */
function relativePhone(ctx: PatientContext): string {
  return makePhone(ctx.language, ctx.rng.int(0, 9_999_999));
}

/** Parents of children, caregivers of some elderly patients, and occasional plain contacts. */
export function makeRelatedPersons(ctx: PatientContext): void {
  const { rng, language, age } = ctx;
  const family = ctx.name.family;
  if (age < 18) {
    const motherFirst = rng.chance(0.65);
    const firstSex: NameSex = motherFirst ? 'female' : 'male';
    relatedPerson(
      ctx,
      pickGiven(rng, language, firstSex),
      parentFamily(ctx, firstSex),
      motherFirst ? 'MTH' : 'FTH',
      ctx.phone ?? relativePhone(ctx),
      true,
    );
    if (rng.chance(0.3)) {
      const otherSex: NameSex = motherFirst ? 'male' : 'female';
      relatedPerson(
        ctx,
        pickGiven(rng, language, otherSex),
        parentFamily(ctx, otherSex),
        motherFirst ? 'FTH' : 'MTH',
        relativePhone(ctx),
        true,
      );
    }
    return;
  }
  if (age >= 65 && rng.chance(0.15)) {
    const relationship = rng.weighted<Relationship>([
      ['DAU', 45],
      ['SON', 30],
      ['SPS', 25],
    ]);
    const sex: NameSex =
      relationship === 'DAU'
        ? 'female'
        : relationship === 'SON'
          ? 'male'
          : ctx.sex === 'male'
            ? 'female'
            : 'male';
    const relFamily =
      relationship === 'DAU' && language !== 'es' && rng.chance(0.5)
        ? pickFamily(rng, language, sex)
        : language === 'es' && relationship !== 'SPS'
          ? childFamily(ctx)
          : regender(language, family, sex);
    relatedPerson(
      ctx,
      pickGiven(rng, language, sex),
      relFamily,
      relationship,
      relativePhone(ctx),
      true,
    );
  }
  if (rng.chance(0.08)) {
    const sex: NameSex = rng.chance(0.5) ? 'male' : 'female';
    const relationship = rng.pick<Relationship>(['FRND', 'NBOR', 'SIB', 'FRND']);
    const relFamily =
      relationship === 'SIB' ? regender(language, family, sex) : pickFamily(rng, language, sex);
    relatedPerson(
      ctx,
      pickGiven(rng, language, sex),
      relFamily,
      relationship,
      relativePhone(ctx),
      false,
    );
  }
}

/** Per-patient randomness: depends only on the seed and the patient's position. */
export function patientRng(seed: number, index: number): Rng {
  return new Rng(hashInts(seed, index, 0x9a7e17));
}
