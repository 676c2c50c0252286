import { DomainError } from '@caredesk/core';

/**
 * Keyset-pagination cursors (architecture rule 8): the sort key of the last row seen,
 * opaque to clients. A tampered cursor is a 400, never a query error.
 */
export function encodeCursor(parts: string[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): string[] {
  try {
    if (cursor.length > 1024 || !/^[A-Za-z0-9_-]*$/.test(cursor)) throw new Error('shape');
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parts) &&
      parts.length === arity &&
      parts.every((p): p is string => typeof p === 'string')
    ) {
      return parts;
    }
  } catch {
    // fall through to the domain error
  }
  throw new DomainError(
    'validation',
    'validation.cursor.invalid',
    'The page cursor is not valid.',
    [{ path: 'cursor', messageKey: 'validation.cursor.invalid', detail: 'malformed cursor' }],
  );
}
