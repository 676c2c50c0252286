import { DomainError } from '@caredesk/core';
import type { FastifyRequest } from 'fastify';

/** The organization the request acts in: the signed-in principal's, never a client's claim. */
export function organizationOf(request: FastifyRequest): string {
  const p = request.access?.principal;
  if (!p) throw new DomainError('unauthenticated', 'problem.unauthenticated', 'Sign in first.');
  return p.organizationId;
}
