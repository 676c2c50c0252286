import { DATA_CATEGORIES } from '@caredesk/core';
import { z } from 'zod';
import { idParams } from '../patients/patient-schemas';

const category = z.enum(DATA_CATEGORIES);
const instant = z.iso.datetime({ offset: true }).nullable().default(null);

export const consentBody = z
  .object({
    relatedPersonId: z.guid().transform((id) => id.toLowerCase()),
    permit: z.array(category).min(1).max(DATA_CATEGORIES.length),
    deny: z.array(category).max(DATA_CATEGORIES.length).default([]),
    periodStart: instant,
    periodEnd: instant,
  })
  .strict();

export const consentParams = idParams
  .extend({ consentId: z.guid().transform((id) => id.toLowerCase()) })
  .strict();

export const breakGlassBody = z.object({ reason: z.string().max(2000) }).strict();
export const restrictedBody = z.object({ restricted: z.boolean() }).strict();
export const reviewParams = z
  .object({ grantId: z.guid().transform((id) => id.toLowerCase()) })
  .strict();
export const reviewBody = z
  .object({
    outcome: z.enum(['appropriate', 'inappropriate']),
    note: z.string().max(2000).nullable().default(null),
  })
  .strict();
