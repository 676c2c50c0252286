import type { DuplicateReason } from '@caredesk/core/patients';
import { api } from '../../api/client';
import type { Patient } from '../../patient-record/patient-api';

/** A pair of records flagged as possibly one person (GET /api/duplicates). */
export interface DuplicatePair {
  patientId: string;
  candidateId: string;
  score: number;
  reasons: DuplicateReason[];
  createdAt: string;
}

export interface DuplicatePage {
  items: DuplicatePair[];
  nextCursor: string | null;
}

/** Ten pairs at a time: each pair opens two records, and every opening is audited. */
export function fetchDuplicates(cursor: string | null): Promise<DuplicatePage> {
  const params = new URLSearchParams({ limit: '10' });
  if (cursor) params.set('cursor', cursor);
  return api<DuplicatePage>('GET', `/api/duplicates?${params.toString()}`);
}

/** "Not the same person": the pair is closed and not flagged again. */
export const dismissPair = (pair: DuplicatePair) =>
  api<undefined>('POST', '/api/duplicates/dismiss', {
    patientId: pair.patientId,
    candidateId: pair.candidateId,
  });

/**
 * Merges `gone` into `kept`, with the versions the reviewer compared: if either record
 * changed since, the server answers 409 and nothing is merged.
 */
export const mergeRecords = (gone: Patient, kept: Patient) =>
  api<Patient>('POST', `/api/patients/${encodeURIComponent(gone.id)}/merge`, {
    into: kept.id,
    version: gone.version,
    intoVersion: kept.version,
  });

export const pairKey = (p: DuplicatePair) => `${p.patientId}|${p.candidateId}`;
