import {
  CASE_STATUSES,
  MACRO_AUDIENCES,
  MACRO_LANGUAGES,
  MACRO_LIMITS,
  MACRO_PLACEHOLDERS,
  type MacroPlaceholder,
} from '@caredesk/core';
import { z } from 'zod';

/**
 * The macro API's shapes. Objects are strict (an unknown field, such as a client trying
 * to set `organizationId` or `id`, is a 400). Lengths are outer bounds in UTF-16 units;
 * the domain counts code points and checks placeholders, tags and texts precisely.
 */
const text = (max: number) => z.string().max(max * 4);
const language = z.enum(MACRO_LANGUAGES);

export const macroIdParams = z
  .object({ id: z.guid().transform((id) => id.toLowerCase()) })
  .strict();

export const macroListQuery = z
  .object({
    q: z.string().max(200).default(''),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(1024).optional(),
  })
  .strict();

const bodySchema = z
  .object({
    language,
    subject: text(MACRO_LIMITS.subject).optional(),
    body: text(MACRO_LIMITS.body),
  })
  .strict();

const actionsSchema = z
  .object({
    setStatus: z.enum(CASE_STATUSES).optional(),
    setCategory: text(MACRO_LIMITS.category).optional(),
    addTags: z
      .array(text(MACRO_LIMITS.tag))
      .max(MACRO_LIMITS.tags * 2)
      .optional(),
    removeTags: z
      .array(text(MACRO_LIMITS.tag))
      .max(MACRO_LIMITS.tags * 2)
      .optional(),
  })
  .strict();

export const macroInputSchema = z
  .object({
    name: text(MACRO_LIMITS.name),
    names: z.partialRecord(language, text(MACRO_LIMITS.name)).optional(),
    bodies: z.array(bodySchema).max(MACRO_LANGUAGES.length * 2),
    actions: actionsSchema.default({}),
    audience: z.enum(MACRO_AUDIENCES).default('public-reply'),
  })
  .strict();

export const macroUpdateSchema = macroInputSchema
  .extend({
    version: z.number().int().min(1),
    active: z.boolean().optional(),
  })
  .strict();

/** Sample or real facts, one optional text per placeholder on the allow-list. */
const factsSchema = z
  .object(
    Object.fromEntries(
      MACRO_PLACEHOLDERS.map((p) => [p, z.string().max(2000).nullable().optional()]),
    ) as Record<MacroPlaceholder, z.ZodOptional<z.ZodNullable<z.ZodString>>>,
  )
  .strict();

export const previewBody = z
  .object({
    language: z.string().min(2).max(35),
    facts: factsSchema.default({}),
    /** The reader's time zone; default: the organization's. */
    timeZone: z.string().max(64).optional(),
  })
  .strict();
