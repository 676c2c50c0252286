import {
  CALL_OUTCOMES,
  FOLLOW_UP_STEP_KINDS,
  MAX_CHECKLIST_ITEMS,
  MAX_LOCALIZED_LENGTH,
  MAX_PROGRAM_STEPS,
  REFERRAL_STATES,
} from '@caredesk/core';
import { z } from 'zod';

/**
 * The shapes of the follow-up API (issue #6 points 4–5). zod checks types and sizes; the
 * rules that relate fields (duplicate step keys, translations, escalation on call steps)
 * are core's validateProgram, so the API and the editor's preview say the same thing.
 */
const localized = z
  .object({
    en: z.string().max(MAX_LOCALIZED_LENGTH),
    es: z.string().max(MAX_LOCALIZED_LENGTH),
    lv: z.string().max(MAX_LOCALIZED_LENGTH),
    nb: z.string().max(MAX_LOCALIZED_LENGTH),
  })
  .strict();

const code = z.string().min(1).max(40);

const trigger = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('discharge'),
      patientClasses: z.array(z.string().max(2)).max(10),
      excludeDispositions: z.array(z.string().max(3)).max(30),
    })
    .strict(),
  z
    .object({ kind: z.literal('visit-end'), patientClasses: z.array(z.string().max(2)).max(10) })
    .strict(),
  z.object({ kind: z.literal('enrolment') }).strict(),
  z.object({ kind: z.literal('manual') }).strict(),
]);

const step = z
  .object({
    key: code,
    kind: z.enum(FOLLOW_UP_STEP_KINDS),
    title: localized,
    script: localized,
    checklist: z.array(localized).max(MAX_CHECKLIST_ITEMS),
    dueBusinessDays: z.number().int().min(0).max(1000),
    repeat: z.object({ everyDays: z.number().int(), times: z.number().int() }).strict().nullable(),
    required: z.boolean(),
    escalation: z
      .object({
        afterUnansweredAttempts: z.number().int(),
        notifySupervisor: z.boolean(),
        send: z.enum(['portal-message', 'letter']).nullable(),
        message: localized.nullable(),
      })
      .strict()
      .nullable(),
    needsCaregiverConsent: z.boolean(),
    articleId: z.string().max(36).nullable(),
  })
  .strict();

export const programBody = z
  .object({
    code,
    name: localized,
    description: localized,
    trigger,
    caseCategory: z.string().min(1).max(60),
    steps: z.array(step).max(MAX_PROGRAM_STEPS),
  })
  .strict();

export const publishBody = z
  .object({ program: programBody, expectedVersion: z.number().int().min(1).nullable() })
  .strict();

export const previewBody = z
  .object({ program: programBody, startAt: z.iso.datetime({ offset: true }).optional() })
  .strict();

export const programParams = z.object({ code }).strict();
export const programQuery = z
  .object({ version: z.coerce.number().int().min(1).optional() })
  .strict();

const guid = z.guid().transform((id) => id.toLowerCase());
export const taskParams = z.object({ caseId: guid, taskId: guid }).strict();

const note = z.string().max(2000).optional();

export const callBody = z
  .object({
    outcome: z.enum(CALL_OUTCOMES),
    party: z.enum(['patient', 'caregiver']).default('patient'),
    relatedPersonId: z.string().max(64).optional(),
    note,
    version: z.number().int().min(1),
  })
  .strict();

export const completeBody = z
  .object({ note, articleId: z.guid().optional(), version: z.number().int().min(1) })
  .strict();

export const cancelBody = z
  .object({
    reason: z.enum(['not-needed', 'done-elsewhere', 'patient-declined', 'other']),
    version: z.number().int().min(1),
  })
  .strict();

export const referralBody = z
  .object({
    state: z.enum(REFERRAL_STATES),
    provider: z.string().trim().min(1).max(200),
    reference: z.string().max(100).optional(),
    note,
    version: z.number().int().min(1),
  })
  .strict();

export const worklistQuery = z
  .object({
    scope: z.enum(['mine', 'all']).default('mine'),
    due: z.enum(['overdue', 'day', 'week', 'all']).default('all'),
    kind: z.enum(FOLLOW_UP_STEP_KINDS).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(1024).optional(),
  })
  .strict();

export const enrolBody = z.object({ programCode: code }).strict();
