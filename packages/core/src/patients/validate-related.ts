import { isCalendarDate } from '../shared/dates';
import {
  cleanName,
  cleanTelecom,
  cleanText,
  issue,
  type Ctx,
  type Validated,
} from './field-checks';
import { normalizeLanguage } from './language';
import type { CareTeamMember, Coverage, RelatedPerson } from './patient';

export type RelatedPersonInput = Omit<RelatedPerson, 'id' | 'patientId'>;
export type CoverageInput = Omit<Coverage, 'id' | 'patientId'>;
export type CareTeamMemberInput = Omit<CareTeamMember, 'id' | 'patientId'>;

function checkPeriod(ctx: Ctx, start: string | null, end: string | null): void {
  for (const [field, value] of [
    ['periodStart', start],
    ['periodEnd', end],
  ] as const) {
    if (value !== null && !isCalendarDate(value)) {
      issue(ctx, field, 'validation.date.invalid', `${field} must be a real YYYY-MM-DD date`);
    }
  }
  if (start !== null && end !== null && end < start) {
    issue(ctx, 'periodEnd', 'validation.period.order', 'the period ends before it starts');
  }
}

function result<T>(ctx: Ctx, value: T): Validated<T> {
  return ctx.issues.length > 0 ? { ok: false, issues: ctx.issues } : { ok: true, value };
}

/** A caregiver or contact: a name, reachable contact points, an optional language. */
export function validateRelatedPersonInput(
  input: RelatedPersonInput,
  defaultCountry = 'US',
): Validated<RelatedPersonInput> {
  const ctx: Ctx = { issues: [] };
  if (input.names.length === 0)
    issue(ctx, 'names', 'validation.name.required', 'at least one name');
  let language: string | null = null;
  if (input.preferredLanguage !== null) {
    language = normalizeLanguage(input.preferredLanguage);
    if (language === null)
      issue(ctx, 'preferredLanguage', 'validation.language.invalid', 'not a BCP-47 language tag');
  }
  return result(ctx, {
    ...input,
    names: input.names.map((n, i) => cleanName(ctx, `names/${i}`, n)),
    telecom: input.telecom.map((c, i) => cleanTelecom(ctx, `telecom/${i}`, c, defaultCountry)),
    preferredLanguage: language,
  });
}

/**
 * A coverage as the front desk records it from the insurance card. The payer is required
 * (FHIR Coverage.payor is 1..*); coordination-of-benefits order starts at 1 (primary).
 */
export function validateCoverageInput(input: CoverageInput): Validated<CoverageInput> {
  const ctx: Ctx = { issues: [] };
  const text = (path: string, v: string | null, max: number) =>
    v === null ? null : cleanText(ctx, path, v, max);
  const payerName = cleanText(ctx, 'payerName', input.payerName, 200);
  if (payerName === '')
    issue(ctx, 'payerName', 'validation.field.required', 'payerName is required');
  checkPeriod(ctx, input.periodStart, input.periodEnd);
  return result(ctx, {
    ...input,
    payerName,
    payerId: text('payerId', input.payerId, 80),
    planName: text('planName', input.planName, 200),
    memberId: text('memberId', input.memberId, 80),
    groupNumber: text('groupNumber', input.groupNumber, 80),
    subscriberName: text('subscriberName', input.subscriberName, 200),
    subscriberId: text('subscriberId', input.subscriberId, 80),
  });
}

/** A care-team membership: who (a practitioner on file), in what role, for what period. */
export function validateCareTeamMemberInput(
  input: CareTeamMemberInput,
): Validated<CareTeamMemberInput> {
  const ctx: Ctx = { issues: [] };
  const role = cleanText(ctx, 'role', input.role, 80);
  if (role === '') issue(ctx, 'role', 'validation.field.required', 'role is required');
  checkPeriod(ctx, input.periodStart, input.periodEnd);
  return result(ctx, { ...input, role });
}
