import { z } from 'zod';
import { RELATIONSHIPS } from '@caredesk/core';

/**
 * The JSON API's patient shapes. Objects are strict: an unknown field (a typo, or a
 * mass-assignment attempt on `organizationId`, `version` or `mergedInto`) is a 400.
 * Lengths here are generous outer bounds; the domain checks names precisely.
 */
const text = (max: number) => z.string().max(max * 4);

export const personNameSchema = z
  .object({
    use: z
      .enum(['official', 'usual', 'nickname', 'maiden', 'old', 'anonymous', 'temp'])
      .default('official'),
    given: z.array(text(200)).max(10).default([]),
    family: text(200).default(''),
    prefix: z.array(text(50)).max(5).default([]),
    suffix: z.array(text(50)).max(5).default([]),
  })
  .strict();

export const contactPointSchema = z
  .object({
    system: z.enum(['phone', 'email', 'sms']),
    value: text(254),
    use: z.enum(['home', 'work', 'mobile', 'temp', 'old']).optional(),
    rank: z.number().int().min(1).max(100).optional(),
  })
  .strict();

export const addressSchema = z
  .object({
    use: z.enum(['home', 'work', 'temp', 'old', 'billing']).optional(),
    lines: z.array(text(200)).max(5).default([]),
    city: text(100).default(''),
    district: text(100).optional(),
    state: text(100).optional(),
    postalCode: text(20).optional(),
    country: z.string().max(2).optional(),
  })
  .strict();

export const identifierSchema = z
  .object({
    system: text(256).min(1),
    value: text(128).min(1),
    type: z.string().max(10).optional(),
  })
  .strict();

const quietHoursSchema = z
  .object({ start: z.string().max(5), end: z.string().max(5), timeZone: z.string().max(64) })
  .strict();
const channelSchema = z.enum(['portal', 'email', 'sms', 'phone', 'letter']);

export const patientInputSchema = z
  .object({
    names: z.array(personNameSchema).min(1).max(10),
    birthDate: z.string().max(10).nullable().default(null),
    administrativeSex: z.enum(['male', 'female', 'other', 'unknown']).default('unknown'),
    genderIdentity: text(100).nullable().default(null),
    identifiers: z.array(identifierSchema).max(20).default([]),
    telecom: z.array(contactPointSchema).max(20).default([]),
    addresses: z.array(addressSchema).max(10).default([]),
    preferredLanguage: z.string().max(35).default('en'),
    preferredChannel: channelSchema.default('portal'),
    quietHours: quietHoursSchema.nullable().default(null),
    deceased: z.boolean().default(false),
    deceasedAt: z.string().max(35).nullable().default(null),
  })
  .strict();

export const patientUpdateSchema = patientInputSchema
  .extend({ version: z.number().int().min(1) })
  .strict();

/**
 * How to reach the patient, replaced as a whole and nothing else (the portal profile).
 * No defaults: a field left out is a 400, never a silent wipe of the patient's contacts.
 */
export const contactPreferencesSchema = z
  .object({
    telecom: z.array(contactPointSchema).max(20),
    preferredLanguage: z.string().max(35),
    preferredChannel: channelSchema,
    quietHours: quietHoursSchema.nullable(),
    version: z.number().int().min(1),
  })
  .strict();

// Ids are stored lower-case; an upper-case UUID names the same record.
export const idParams = z.object({ id: z.guid().transform((id) => id.toLowerCase()) }).strict();

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(1024).optional(),
};

export const typeaheadQuery = z
  .object({ q: z.string().max(200).default(''), ...pageQuery })
  .strict();
export const listQuery = z.object(pageQuery).strict();

// The versions the reviewer compared, when given: a record changed since then is a 409,
// not a merge of something nobody looked at.
export const mergeBody = z
  .object({
    into: z.guid(),
    version: z.number().int().min(1).optional(),
    intoVersion: z.number().int().min(1).optional(),
  })
  .strict();
export const dismissBody = z.object({ patientId: z.guid(), candidateId: z.guid() }).strict();

const isoDate = z.string().max(10).nullable().default(null);

export const relatedPersonSchema = z
  .object({
    names: z.array(personNameSchema).min(1).max(5),
    relationship: z.enum(RELATIONSHIPS),
    telecom: z.array(contactPointSchema).max(10).default([]),
    preferredLanguage: z.string().max(35).nullable().default(null),
    isCaregiver: z.boolean().default(false),
    active: z.boolean().default(true),
  })
  .strict();

export const coverageSchema = z
  .object({
    status: z.enum(['active', 'cancelled', 'draft', 'entered-in-error']).default('active'),
    payerName: text(200),
    payerId: text(80).nullable().default(null),
    planName: text(200).nullable().default(null),
    memberId: text(80).nullable().default(null),
    groupNumber: text(80).nullable().default(null),
    subscriberName: text(200).nullable().default(null),
    subscriberId: text(80).nullable().default(null),
    relationship: z
      .enum(['self', 'spouse', 'child', 'parent', 'common', 'other', 'injured'])
      .default('self'),
    periodStart: isoDate,
    periodEnd: isoDate,
    order: z.number().int().min(1).max(9).default(1),
  })
  .strict();

export const careTeamMemberSchema = z
  .object({
    practitionerId: z.guid(),
    role: text(80),
    periodStart: isoDate,
    periodEnd: isoDate,
  })
  .strict();
