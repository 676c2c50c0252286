import type { AuditEntryInput } from '@caredesk/core';
import { createAuditMac } from '../audit-mac';

/** A fixed test key (never a real deployment's). */
export const TEST_AUDIT_KEY = Buffer.alloc(32, 7);
export const testMac = createAuditMac(TEST_AUDIT_KEY);

/** Deterministic PRNG (mulberry32), so a failing tamper trial can be replayed by its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE = Date.UTC(2025, 0, 1);

/** A plausible entry: staff reads of five patients by three staff members, and some variety. */
export function sampleEntry(i: number, over: Partial<AuditEntryInput> = {}): AuditEntryInput {
  const actions = ['read', 'search', 'update', 'export', 'login', 'read', 'read'] as const;
  return {
    organizationId: 'org-1',
    occurredAt: new Date(BASE + i * 1000).toISOString(),
    actorKind: 'staff',
    actorId: `staff-${i % 3}`,
    actorName: ['Dr Ana Ōzola', 'Nurse Kari', 'Clerk Bob'][i % 3]!,
    actorRoles: [['clinician'], ['nurse'], ['front-desk', 'billing']][i % 3]!,
    onBehalfOf: null,
    patientId: `pat-${i % 5}`,
    action: actions[i % actions.length]!,
    resourceType: 'Patient',
    resourceId: `pat-${i % 5}`,
    outcome: i % 11 === 0 ? 'denied' : 'success',
    purposeOfUse: 'TREAT',
    sourceAddress: `10.0.${i % 7}.${i % 250}`,
    userAgent: 'Mozilla/5.0 (CareDesk test)',
    breakGlass: i % 13 === 0,
    detail: i % 4 === 0 ? `reason ${i}` : null,
    ...over,
  };
}
