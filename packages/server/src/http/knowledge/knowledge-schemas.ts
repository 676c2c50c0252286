import { KB_AUDIENCES, KB_LANGUAGES, KB_STATUSES } from '@caredesk/core';
import { z } from 'zod';

/**
 * The knowledge base's JSON shapes. Objects are strict: an unknown field (say `status`
 * or `organizationId` in an edit) is a 400, never silently applied. Lengths here are
 * outer bounds in UTF-16 units; core checks titles and bodies in code points.
 */
const language = z.enum(KB_LANGUAGES);
const category = z.string().min(1).max(80);

export const translationSchema = z
  .object({
    language,
    title: z.string().max(800),
    body: z.string().max(80_000),
  })
  .strict();

export const articleInputSchema = z
  .object({
    category,
    audience: z.enum(KB_AUDIENCES),
    translations: z.array(translationSchema).max(KB_LANGUAGES.length),
  })
  .strict();

export const articleUpdateSchema = articleInputSchema
  .extend({ version: z.number().int().min(1) })
  .strict();

/**
 * Publishing or archiving may name the version the editor saw: a newer one is a 409. The
 * body may be left out altogether (Fastify then hands the schema null).
 */
export const transitionSchema = z
  .object({ version: z.number().int().min(1).optional() })
  .strict()
  .nullish();

const page = {
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(1024).optional(),
};

export const staffArticlesQuery = z
  .object({
    q: z.string().max(200).optional(),
    language: language.optional(),
    category: category.optional(),
    status: z.enum(KB_STATUSES).optional(),
    audience: z.enum(KB_AUDIENCES).optional(),
    ...page,
  })
  .strict();

export const helpArticlesQuery = z
  .object({
    q: z.string().max(200).optional(),
    language: language.optional(),
    category: category.optional(),
    ...page,
  })
  .strict();

export const helpArticleQuery = z.object({ language: language.optional() }).strict();

export const suggestionsQuery = z
  .object({ text: z.string().max(4000), language: language.optional() })
  .strict();
