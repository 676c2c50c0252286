import { FIRST_CLASS_LANGUAGES, PERMISSIONS, STAFF_ROLES } from '@caredesk/core';
import { z } from 'zod';

/**
 * Shapes of the auth and admin API. Objects are strict (mass assignment of `status`,
 * `roles` or `organizationId` where not offered is a 400). Passwords are bounded here in
 * UTF-16 units; the policy then checks characters and bytes.
 */
const email = z.string().trim().min(3).max(320);
const password = z.string().min(1).max(1024);
const name = z.string().trim().min(1).max(200);

export const loginBody = z.object({ email, password }).strict();

export const verifyBody = z
  .object({
    code: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    recoveryCode: z.string().min(8).max(32).optional(),
  })
  .strict()
  .refine((b) => (b.code === undefined) !== (b.recoveryCode === undefined), {
    message: 'give either code or recoveryCode',
  });

export const codeBody = z.object({ code: z.string().regex(/^\d{6}$/) }).strict();
export const disableBody = z.object({ password, code: z.string().regex(/^\d{6}$/) }).strict();
export const changePasswordBody = z
  .object({ currentPassword: password, newPassword: password })
  .strict();
/** The screens' language: one of the four the web app is written in. */
export const languageBody = z.object({ language: z.enum(FIRST_CLASS_LANGUAGES) }).strict();
export const resetRequestBody = z.object({ email }).strict();
export const tokenPasswordBody = z
  .object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,128}$/), password })
  .strict();

const staffRole = z.enum(STAFF_ROLES);
const reach = z.enum(['organization', 'care-team']);
const id = z.string().min(1).max(64);

export const inviteBody = z
  .object({
    kind: z.enum(['staff', 'patient', 'caregiver']).default('staff'),
    email,
    displayName: name,
    preferredLanguage: z
      .string()
      .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/)
      .optional(),
    roles: z.array(staffRole).max(STAFF_ROLES.length).optional(),
    reach: reach.optional(),
    practitionerId: id.nullable().optional(),
    patientId: id.optional(),
    relatedPersonIds: z.array(id).max(20).optional(),
  })
  .strict();

export const accessBody = z
  .object({
    roles: z.array(staffRole).min(1).max(STAFF_ROLES.length),
    reach: reach.optional(),
    practitionerId: id.nullable().optional(),
  })
  .strict();

export const listQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(1024).optional(),
  })
  .strict();

export const idParams = z.object({ id }).strict();
export const memberParams = z.object({ id, accountId: id }).strict();
export const teamBody = z.object({ name: z.string().trim().min(1).max(100) }).strict();

export const tokenBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    scopes: z.array(z.enum(PERMISSIONS)).min(1).max(PERMISSIONS.length),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
