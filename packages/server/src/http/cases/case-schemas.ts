import {
  CASE_CHANNELS,
  CASE_PRIORITIES,
  CASE_STATUSES,
  MAX_MESSAGE,
  MAX_SUBJECT,
} from '@caredesk/core';
import { z } from 'zod';

/**
 * The service desk's JSON shapes. Strict objects: an unknown field is a 400 (no mass
 * assignment of status, assignee or number through a create). Bounds are outer limits;
 * the domain checks text precisely.
 */
const text = (max: number) => z.string().max(max * 4);
const slug = z.string().max(40);

export const attachmentParams = z
  .object({
    caseId: z.guid().transform((id) => id.toLowerCase()),
    attachmentId: z.guid().transform((id) => id.toLowerCase()),
  })
  .strict();

export const caseIdParams = z
  .object({ caseId: z.guid().transform((id) => id.toLowerCase()) })
  .strict();

const caseFields = {
  channel: z.enum(CASE_CHANNELS),
  category: slug,
  priority: z.enum(CASE_PRIORITIES).optional(),
  subject: text(MAX_SUBJECT),
  message: text(MAX_MESSAGE).optional(),
  language: z.string().max(35).optional(),
  tags: z.array(slug).max(20).optional(),
  links: z
    .array(z.object({ type: slug, id: z.string().max(200) }).strict())
    .max(50)
    .optional(),
};

/** Staff open a case for a patient, or for a caller not yet identified. */
export const staffNewCaseBody = z
  .object({
    ...caseFields,
    patientId: z.string().max(64).optional(),
    caller: z
      .object({
        name: text(200).optional(),
        phone: z.string().max(40).optional(),
        email: z.string().max(254).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** A patient asks for help from the portal: the channel is the portal, the rest is theirs. */
export const patientNewCaseBody = z
  .object({
    category: slug,
    subject: text(MAX_SUBJECT),
    message: text(MAX_MESSAGE),
    channel: z.enum(CASE_CHANNELS).optional(),
    priority: z.enum(CASE_PRIORITIES).optional(),
  })
  .strict();

export const casePatchBody = z
  .object({
    version: z.number().int().min(1),
    status: z.enum(CASE_STATUSES).optional(),
    priority: z.enum(CASE_PRIORITIES).optional(),
    category: slug.optional(),
    tags: z.array(slug).max(20).optional(),
    assigneeId: z.string().max(64).nullable().optional(),
    teamId: z.string().max(64).nullable().optional(),
  })
  .strict();

export const replyBody = z
  .object({
    body: text(MAX_MESSAGE),
    visibility: z.enum(['public', 'internal']).default('public'),
    status: z.enum(CASE_STATUSES).optional(),
    // Base64 of at most 10 MB each (case-attachments checks the decoded bytes).
    attachments: z
      .array(
        z
          .object({
            filename: z.string().max(1000),
            contentBase64: z
              .string()
              .max(14_000_000)
              .regex(/^[A-Za-z0-9+/]*={0,2}$/),
          })
          .strict(),
      )
      .max(5)
      .optional(),
  })
  .strict();

export const inboxQuery = z
  .object({
    view: z.enum(['mine', 'unassigned', 'team', 'queue', 'all', 'breaching']).default('mine'),
    teamId: z.string().max(64).optional(),
    queueId: z.string().max(64).optional(),
    status: z.enum(CASE_STATUSES).optional(),
    category: slug.optional(),
    priority: z.enum(CASE_PRIORITIES).optional(),
    channel: z.enum(CASE_CHANNELS).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().max(1024).optional(),
  })
  .strict();
