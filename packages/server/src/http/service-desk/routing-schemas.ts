import {
  AGENT_AVAILABILITIES,
  CASE_CHANNELS,
  CASE_PRIORITIES,
  MAX_AGENT_CAPACITY,
  MAX_LISTED,
  MAX_QUEUE_ORDER,
  QUEUE_STRATEGIES,
} from '@caredesk/core';
import { z } from 'zod';

/**
 * Shapes of the routing API. Objects are strict (an `organizationId` or `lastAssignedAt`
 * slipped into a body is a 400, not a silent mass assignment); the domain then checks
 * names, language tags and category codes precisely (core/service-desk/routing).
 */
const languages = z.array(z.string().max(35)).max(MAX_LISTED);
const categories = z.array(z.string().max(64)).max(MAX_LISTED);
const id = z.string().min(1).max(64);

export const queueBody = z
  .object({
    name: z.string().max(400),
    teamId: id.nullable().default(null),
    strategy: z.enum(QUEUE_STRATEGIES),
    requiredSkills: z
      .object({ languages: languages.default([]), categories: categories.default([]) })
      .strict()
      .default({ languages: [], categories: [] }),
    matches: z
      .object({
        categories: categories.default([]),
        priorities: z.array(z.enum(CASE_PRIORITIES)).max(CASE_PRIORITIES.length).default([]),
        channels: z.array(z.enum(CASE_CHANNELS)).max(CASE_CHANNELS.length).default([]),
      })
      .strict()
      .default({ categories: [], priorities: [], channels: [] }),
    order: z.number().int().min(0).max(MAX_QUEUE_ORDER),
    active: z.boolean().default(true),
  })
  .strict();

export const agentBody = z
  .object({
    languages,
    categories,
    capacity: z.number().int().min(0).max(MAX_AGENT_CAPACITY),
  })
  .strict();

export const availabilityBody = z.object({ availability: z.enum(AGENT_AVAILABILITIES) }).strict();

export const queueParams = z.object({ id }).strict();
export const agentParams = z.object({ accountId: id }).strict();
