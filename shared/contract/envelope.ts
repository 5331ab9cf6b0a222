import type { ErrorCode } from '../domain/errors';

/** What a problem looks like on the wire: a stable code, a plain message, optional structured details. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** Every call answers with exactly one of these; no exceptions or stack traces cross the boundary. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string, details?: unknown): Result<never> =>
  details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } };

/** Shape of one validation problem in `invalid_input` details. */
export interface InputIssue {
  path: string;
  message: string;
  /** The same problem as a sentence a shop owner reads, in both languages (see shared/contract/issue-text.ts). */
  text?: { pl: string; en: string };
}
