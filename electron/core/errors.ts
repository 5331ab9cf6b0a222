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
  // A damaged page (or a file that is no longer a database) is reported as that, not as `internal`.
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT_'))) {
    return new DomainError('database_corrupt', `The shop database is damaged (${error.message}). Restore the newest verified backup.`, { reason: 'shop_damaged' });
  }
  if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT')) return null;
  if (error.message.includes('insufficient_stock')) {
    return new DomainError('insufficient_stock', 'Not enough stock: on-hand would go below zero.');
  }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE') return new DomainError('conflict', 'That value is already taken.');
  return null;
}

/**
 * Failures of the disk or of a second process, from SQLite or from the file system, as errors a person can
 * act on: "busy — try again", "the disk is full", "the file is read-only", "the folder does not exist",
 * "no permission". SQLite undoes the statement (and, for a full disk, the whole transaction) before
 * reporting these, so the message can truthfully say nothing was changed. Null for anything else.
 */
export function storageError(error: unknown, what = 'the shop file'): DomainError | null {
  if (error instanceof DomainError) return error;
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  const detail = error.message;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DomainError('database_busy', `Another program is writing to ${what} right now; nothing was changed — try again in a moment. (${detail})`);
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || (code === 'SQLITE_IOERR_WRITE' && /disk|full|space/i.test(detail))) {
    return new DomainError('disk_full', `The disk is full; nothing was changed. Free some space and try again. (${detail})`);
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return new DomainError('read_only', `${what[0]!.toUpperCase()}${what.slice(1)} is read-only; nothing was changed. (${detail})`);
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new DomainError('folder_missing', `The folder or file does not exist: ${(error as { path?: string }).path ?? detail}`);
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return new DomainError('no_permission', `The system refused access to ${(error as { path?: string }).path ?? what}. (${detail})`);
  }
  return null;
}
