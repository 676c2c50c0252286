import {
  CASE_PRIORITIES,
  MAX_CALENDAR_INTERVALS,
  MAX_HOLIDAYS,
  SLA_BREACH_ACTIONS,
  type OpeningHours,
} from '@caredesk/core';
import { z } from 'zod';

/**
 * Request shapes for the SLA configuration API. Zod checks types and sizes only; the
 * rules (ranges, order, overlaps, real dates and zones) are core's validateSlaPolicy and
 * validateCalendar, whose issues carry translated messages for each field.
 */
export const slaPolicyBody = z
  .object({
    category: z.string().min(1).max(64),
    priority: z.enum([...CASE_PRIORITIES, '*']),
    firstResponseMinutes: z.number(),
    resolutionMinutes: z.number(),
    warnAtShare: z.number(),
    onBreach: z.array(z.enum(SLA_BREACH_ACTIONS)).max(SLA_BREACH_ACTIONS.length),
  })
  .strict();

export const policyParams = z.object({ id: z.guid().transform((id) => id.toLowerCase()) }).strict();

export const calendarParams = z
  .object({
    // 'default' is the organization's own calendar; anything else names a team.
    teamId: z.union([z.literal('default'), z.guid().transform((id) => id.toLowerCase())]),
  })
  .strict();

const openingHours = z
  .object({
    day: z
      .number()
      .int()
      .min(0)
      .max(6)
      .transform((d) => d as OpeningHours['day']),
    opens: z.string().max(5),
    closes: z.string().max(5),
  })
  .strict();

export const calendarBody = z
  .object({
    timeZone: z.string().max(64),
    hours: z.array(openingHours).max(MAX_CALENDAR_INTERVALS),
    holidays: z.array(z.string().max(10)).max(MAX_HOLIDAYS),
  })
  .strict();
