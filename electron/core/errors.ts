import type { ErrorCode } from '../../shared/domain/errors';

/**
 * An expected failure with a stable code (see shared/domain/errors.ts). Services throw it; `dispatch`
 * turns it into `{ ok: false, error }`. The message is plain English for logs and scripts; the UI shows
 * its own translation of the code.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/**
 * SQLite constraint failures raised by our own triggers carry a code word as their message
 * (see the initial migration): turn those into domain errors, leave anything else alone.
 */
export function domainErrorFromSqlite(error: unknown): DomainError | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT')) return null;
  if (error.message.includes('insufficient_stock')) {
    return new DomainError('insufficient_stock', 'Not enough stock: on-hand would go below zero.');
  }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE') return new DomainError('conflict', 'That value is already taken.');
  return null;
}
