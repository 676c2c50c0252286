import { randomUUID } from 'node:crypto';
import { DomainError, type Role } from '@caredesk/core';
import { isUniqueViolation } from '../storage/unique-violation';
import { normalizeEmail, toAccount, type Account, type AccountRow, type Db } from './accounts';
import type { NewAccountInput } from './account-admin-service';
import { notFound } from './identity-deps';

/** Refuses a change that would leave the organization without an active administrator. */
export async function requireAnotherAdmin(trx: Db, target: Account): Promise<void> {
  const others = await trx
    .selectFrom('accounts')
    .select(['id', 'roles'])
    .where('organization_id', '=', target.organizationId)
    .where('kind', '=', 'staff')
    .where('status', '=', 'active')
    .where('id', '!=', target.id)
    .execute();
  if (!others.some((r) => (JSON.parse(r.roles) as string[]).includes('admin'))) {
    throw new DomainError(
      'conflict',
      'admin.last-admin',
      'The organization needs at least one administrator.',
    );
  }
}

export async function requirePractitioner(db: Db, id: string): Promise<void> {
  const found = await db
    .selectFrom('practitioners')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found) throw notFound('patients.practitioner.notFound', 'practitioner');
}

/** Inserts an account after checking what it links to belongs to the organization. */
export async function insertAccount(
  trx: Db,
  input: NewAccountInput,
  status: 'invited' | 'active',
  passwordHash: string | null,
  now: Date,
): Promise<Account> {
  const roles: Role[] =
    input.kind === 'staff' ? [...new Set(input.roles ?? [])].sort() : [input.kind];
  if (input.kind === 'staff' && roles.length === 0) {
    throw new DomainError('validation', 'admin.roles.required', 'A staff account needs a role.', [
      { path: 'roles', messageKey: 'admin.roles.required', detail: 'empty' },
    ]);
  }
  if (input.kind === 'staff' && input.practitionerId)
    await requirePractitioner(trx, input.practitionerId);
  const links = input.kind === 'caregiver' ? await caregiverLinks(trx, input) : [];
  if (input.kind === 'patient') {
    const p = input.patientId
      ? await trx
          .selectFrom('patients')
          .select('id')
          .where('id', '=', input.patientId)
          .where('organization_id', '=', input.organizationId)
          .executeTakeFirst()
      : undefined;
    if (!p) throw notFound('patients.notFound', 'patient');
  }
  const row: AccountRow = {
    id: randomUUID(),
    organization_id: input.organizationId,
    kind: input.kind,
    email: normalizeEmail(input.email),
    display_name: input.displayName,
    preferred_language: input.preferredLanguage ?? 'en',
    roles: JSON.stringify(roles),
    reach: input.kind === 'staff' ? (input.reach ?? 'organization') : 'organization',
    practitioner_id: input.kind === 'staff' ? (input.practitionerId ?? null) : null,
    patient_id: input.kind === 'patient' ? input.patientId! : null,
    status,
    password_hash: passwordHash,
    password_changed_at: passwordHash ? now.toISOString() : null,
    mfa_enabled: 0,
    mfa_secret: null,
    mfa_pending_secret: null,
    mfa_last_step: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  try {
    await trx.insertInto('accounts').values(row).execute();
  } catch (e) {
    if (isUniqueViolation(e))
      throw new DomainError(
        'conflict',
        'auth.email.taken',
        'An account already uses this e-mail address.',
      );
    throw e;
  }
  if (links.length > 0) {
    await trx
      .insertInto('caregiver_links')
      .values(
        links.map((l) => ({
          account_id: row.id,
          related_person_id: l.id,
          patient_id: l.patient_id,
          created_at: row.created_at,
        })),
      )
      .execute();
  }
  return toAccount(row);
}

async function caregiverLinks(
  trx: Db,
  input: NewAccountInput,
): Promise<Array<{ id: string; patient_id: string }>> {
  const ids = [...new Set(input.relatedPersonIds ?? [])];
  const rows = ids.length
    ? await trx
        .selectFrom('related_persons')
        .select(['id', 'patient_id'])
        .where('id', 'in', ids)
        // Only people attached to a patient of this organization.
        .where('patient_id', 'in', (eb) =>
          eb
            .selectFrom('patients')
            .select('id')
            .where('organization_id', '=', input.organizationId),
        )
        .execute()
    : [];
  if (ids.length === 0 || rows.length !== ids.length) {
    throw new DomainError(
      'validation',
      'admin.related-person.invalid',
      'Name the people this caregiver helps.',
      [
        {
          path: 'relatedPersonIds',
          messageKey: 'admin.related-person.invalid',
          detail: 'unknown or missing related person',
        },
      ],
    );
  }
  return rows;
}
