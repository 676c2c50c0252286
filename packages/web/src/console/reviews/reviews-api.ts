import { api } from '../../api/client';

/** A break-the-glass access awaiting a privacy officer's review (GET /api/break-glass/reviews). */
export interface PendingReview {
  id: string;
  patientId: string;
  patientName: string | null;
  staffName: string | null;
  reason: string;
  createdAt: string;
  expiresAt: string;
}

export const fetchPendingReviews = () =>
  api<{ items: PendingReview[]; nextCursor: string | null }>(
    'GET',
    '/api/break-glass/reviews?limit=50',
  ).then((r) => r.items);

export const reviewAccess = (
  id: string,
  outcome: 'appropriate' | 'inappropriate',
  note: string | null,
) => api<unknown>('POST', `/api/break-glass/${encodeURIComponent(id)}/review`, { outcome, note });
