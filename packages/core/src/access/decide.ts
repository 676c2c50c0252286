import { consentAllows } from '../consent/consent';
import type { AccessContext, AccessRequest, PatientFacts } from './access-context';
import type { Permission } from './roles';

/**
 * The outcome of an access decision. `deny` says how the HTTP edge answers:
 * - `unauthenticated` → 401;
 * - `forbidden` → 403 (the caller may know the thing exists: a missing function-level permission);
 * - `hidden` → 404 (another patient's data: never reveal that it exists, ASVS V8.2.2);
 * - `break-glass` → 403 offering break-the-glass (staff of the organization, out of reach).
 */
export type Decision =
  | { allow: true; via: 'role' | 'own-record' | 'consent' | 'break-glass'; breakGlassId?: string }
  | {
      allow: false;
      deny: 'unauthenticated' | 'forbidden' | 'hidden' | 'break-glass';
      reason: string;
    };

const deny = (d: Exclude<Decision, { allow: true }>['deny'], reason: string): Decision => ({
  allow: false,
  deny: d,
  reason,
});

/**
 * Which permission a patient or caregiver needs instead of the staff one. A patient
 * updates how to reach them (patient.contact), never the whole record: names,
 * identifiers, birth date and deceased status are corrected by staff (field-level
 * authorization, ASVS V8.2.3).
 */
const SELF_EQUIVALENT: Partial<Record<Permission, Permission>> = {
  'patient.read': 'self.read',
  'patient.contact': 'self.update',
  'clinical.read': 'self.read',
  'billing.read': 'self.read',
  'consent.manage': 'self.consent',
  // Asked for as itself where only the patient may act (not staff holding consent.manage):
  // inviting a caregiver opens an account to their record on the patient's word alone.
  'self.consent': 'self.consent',
  'audit.read': 'self.access-log',
  // Their own requests to the service desk: read, open and answer them (never work them).
  'case.read': 'self.read',
  'case.create': 'self.request',
  'case.reply': 'self.request',
  // Asked for as itself where only the patient may act: answering their own survey.
  'self.request': 'self.request',
};

function staffReaches(ctx: AccessContext, patient: PatientFacts): Decision | null {
  const p = ctx.principal;
  if (p?.kind !== 'staff' || p.organizationId !== patient.organizationId) return null;
  const onCareTeam = p.practitionerId !== null && patient.careTeam.includes(p.practitionerId);
  const needsRelationship = patient.restricted || p.reach === 'care-team';
  if (!needsRelationship || onCareTeam) return { allow: true, via: 'role' };
  const grant = ctx.breakGlass.find(
    (g) => g.patientId === patient.patientId && g.expiresAt > ctx.now,
  );
  if (grant) return { allow: true, via: 'break-glass', breakGlassId: grant.id };
  if (ctx.permissions.has('breakglass.use')) {
    return deny('break-glass', 'outside care relationship; break-the-glass available');
  }
  return deny('hidden', 'outside care relationship');
}

/**
 * Decides one access. Pure: same context and request, same answer. Deny by default:
 * every path that does not end in an explicit allow is a denial.
 */
export function decide(ctx: AccessContext, req: AccessRequest): Decision {
  const p = ctx.principal;
  if (!p) return deny('unauthenticated', 'no credentials');
  if (!('patient' in req)) {
    return ctx.permissions.has(req.permission)
      ? { allow: true, via: 'role' }
      : deny('forbidden', `lacks ${req.permission}`);
  }
  const { patient, category } = req;
  switch (p.kind) {
    case 'staff':
    case 'api-token': {
      if (p.organizationId !== patient.organizationId) return deny('hidden', 'other organization');
      if (!ctx.permissions.has(req.permission)) return deny('forbidden', `lacks ${req.permission}`);
      if (p.kind === 'api-token') return { allow: true, via: 'role' };
      return staffReaches(ctx, patient) ?? deny('hidden', 'not reachable');
    }
    case 'patient': {
      const needed = SELF_EQUIVALENT[req.permission];
      if (p.patientId !== patient.patientId) return deny('hidden', 'another patient');
      if (!needed || !ctx.permissions.has(needed))
        return deny('forbidden', `patients cannot ${req.permission}`);
      return { allow: true, via: 'own-record' };
    }
    case 'caregiver': {
      // One account may speak for a patient through more than one RelatedPerson (linked
      // by an administrator and again by the patient's own invitation): any of them counts.
      const proxies = p.proxies.filter((x) => x.patientId === patient.patientId);
      if (proxies.length === 0 || !ctx.permissions.has('proxy.read'))
        return deny('hidden', 'not a proxy of this patient');
      // Proxies only read; anything else is refused without revealing more.
      if (SELF_EQUIVALENT[req.permission] !== 'self.read')
        return deny('hidden', 'proxies only read');
      const allowed = proxies.some((proxy) =>
        consentAllows(ctx.consents, proxy.relatedPersonId, patient.patientId, category, ctx.now),
      );
      if (!allowed) {
        return deny('hidden', `no consent in force for ${category}`);
      }
      return { allow: true, via: 'consent' };
    }
  }
}
