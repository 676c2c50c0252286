import type { CarePlan, Condition, Encounter, MedicationRequest } from '@caredesk/core/clinical';
import { api } from '../api/client';

/**
 * The patient's clinical lists (server: http/clinical), in the core's own shapes
 * (core/src/clinical): shared types, not copies. Newest first, a page at a time.
 */
export type {
  CarePlan,
  CodedValue,
  Condition,
  Encounter,
  MedicationRequest,
} from '@caredesk/core/clinical';

export interface Page<T> {
  items: T[];
  /** Hand back to get the next page; null on the last one. */
  nextCursor: string | null;
}

const list =
  <T>(path: string) =>
  (patientId: string, cursor: string | null, limit = 10): Promise<Page<T>> => {
    const params = new URLSearchParams({ limit: String(limit) });
    if (cursor) params.set('cursor', cursor);
    return api<Page<T>>(
      'GET',
      `/api/patients/${encodeURIComponent(patientId)}/${path}?${params.toString()}`,
    );
  };

export const fetchEncounters = list<Encounter>('encounters');
export const fetchConditions = list<Condition>('conditions');
export const fetchMedications = list<MedicationRequest>('medications');
export const fetchCarePlans = list<CarePlan>('care-plans');
