import { cleanText } from '../text/clean';

/** Defensive readers for JSON from outside: a field of the wrong type reads as absent, never throws. */
export type Json = Record<string, unknown>;

export function obj(value: unknown): Json | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * A string field, cleaned (NUL and control characters dropped, lone surrogates as U+FFFD, NFC; line breaks
 * kept only in `multiline` fields — text/clean.ts), or null when blank.
 */
export function str(value: unknown, opts: { multiline?: boolean } = {}): string | null {
  if (typeof value === 'string') {
    const s = cleanText(value, opts.multiline);
    return s.trim() === '' ? null : s;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

export function bool(value: unknown): boolean {
  return value === true || value === 'true';
}

/** `a.b.c` of a nested object. */
export function at(root: unknown, ...path: string[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    const o = obj(current);
    if (!o) return undefined;
    current = o[key];
  }
  return current;
}
