/**
 * A40 merge patient (standards brief §3, trigger rule 5): each PID/MRG pair names the
 * surviving patient (PID-3) and the record merged into it (MRG-1). The registry's own merge
 * moves what the merged record owned; open service-desk cases follow it to the survivor in
 * the same transaction, with a timeline entry saying why.
 */
import type { Identifier, Patient } from '@caredesk/core';
import type { Hl7Message } from '@caredesk/interop/hl7v2';
import type { Kysely } from 'kysely';
import type { AuditFacts } from '../../access/request-audit';
import { appendCaseEvent } from '../../storage/cases/case-store';
import { mergePatients } from '../../storage/patients/patient-merge';
import { writePatient } from '../../storage/patients/patient-rows';
import type { Schema } from '../../storage/schema';
import type { Hl7Context } from '../hl7-inbox';
import { findByIdentifier, upsertPatient } from './adt-patients';
import { readMrg, readPid } from './pid';

export async function mergeFromA40(
  trx: Kysely<Schema>,
  message: Hl7Message,
  ctx: Hl7Context,
  opts: {
    defaultCountry: string;
    zone: string;
    /** After a merge: work other capabilities keep follows the survivor (follow-up plans). */
    onMerged?: (fromId: string, intoId: string) => Promise<void> | undefined;
  },
): Promise<AuditFacts[]> {
  const { defaultCountry } = opts;
  const now = ctx.receivedAt.toISOString();
  const detail = JSON.stringify({ hl7MessageId: ctx.messageId, event: 'ADT^A40' });
  const audited: AuditFacts[] = [];
  const pairs = Math.max(1, message.segments('PID').length);
  for (let i = 1; i <= pairs; i++) {
    const pid = readPid(message, opts, i);
    const priorMr = readMrg(message, i);
    const { patient: survivor, change } = await upsertPatient(trx, ctx.organizationId, pid, {
      now,
      defaultCountry,
      refresh: 'death',
    });
    const patientFact = (action: AuditFacts['action'], patientId: string) =>
      audited.push({ action, patientId, resourceType: 'Patient', resourceId: patientId, detail });
    if (change === 'created') patientFact('create', survivor.id);
    const prior = await findByIdentifier(trx, ctx.organizationId, priorMr);
    if (!prior) {
      // The merged record never reached CareDesk: its MRN now leads to the survivor.
      if (await adoptIdentifier(trx, survivor, priorMr, now)) patientFact('update', survivor.id);
      continue;
    }
    if (prior.id === survivor.id) continue; // merged already (a re-delivery)
    await mergePatients(trx, ctx.organizationId, prior.id, survivor.id, now);
    await repointOpenCases(trx, ctx, prior.id, survivor.id, now);
    await opts.onMerged?.(prior.id, survivor.id);
    patientFact('merge', prior.id);
    patientFact('merge', survivor.id);
  }
  return audited;
}

async function adoptIdentifier(
  trx: Kysely<Schema>,
  survivor: Patient,
  id: Identifier,
  now: string,
): Promise<boolean> {
  if (survivor.identifiers.some((i) => i.system === id.system && i.value === id.value))
    return false;
  await writePatient(
    trx,
    {
      ...survivor,
      identifiers: [...survivor.identifiers, id],
      version: survivor.version + 1,
      updatedAt: now,
    },
    null,
    false,
  );
  return true;
}

async function repointOpenCases(
  trx: Kysely<Schema>,
  ctx: Hl7Context,
  fromId: string,
  intoId: string,
  now: string,
): Promise<void> {
  const open = await trx
    .selectFrom('cases')
    .select(['id', 'version'])
    .where('organization_id', '=', ctx.organizationId)
    .where('patient_id', '=', fromId)
    .where('is_active', '=', 1)
    .execute();
  for (const c of open) {
    await trx
      .updateTable('cases')
      .set({ patient_id: intoId, version: Number(c.version) + 1, updated_at: now })
      .where('id', '=', c.id)
      .execute();
    await appendCaseEvent(trx, {
      caseId: c.id,
      at: now,
      actor: { kind: 'system', id: null, name: 'HL7 ADT feed' },
      kind: 'patient-merged',
      data: { fromPatientId: fromId, intoPatientId: intoId, hl7MessageId: ctx.messageId },
    });
  }
}
