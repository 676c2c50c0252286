import { DATA_CATEGORIES, RELATIONSHIPS } from '@caredesk/core';
import { z } from 'zod';

/**
 * A patient's invitation of a caregiver. Strict (no `status`, `kind` or `organizationId`
 * to slip in); outer bounds only: the registry's name and e-mail checks run in the service.
 */
export const caregiverInvitationBody = z
  .object({
    givenName: z.string().max(800),
    familyName: z.string().max(800),
    email: z.string().max(320),
    // Naming oneself as one's own caregiver makes no sense here.
    relationship: z.enum(RELATIONSHIPS).refine((r) => r !== 'ONESELF', 'not oneself'),
    permit: z.array(z.enum(DATA_CATEGORIES)).min(1).max(DATA_CATEGORIES.length),
    until: z.iso.datetime({ offset: true }).nullable().default(null),
  })
  .strict();
