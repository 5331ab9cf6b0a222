import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync } from '../atomic-write';
import { openRawSqlite } from '../db/connection';

/**
 * Which backups were checked and found whole. Every new copy gets SQLite's `PRAGMA quick_check` before it
 * counts as a backup; rotation then keeps the newest N *verified* copies, so copies of a database that has
 * gone bad can never push the last good copies out of the folder.
 *
 * The results live in `zaplecze-checks.json` in the backup folder (name → when, ok). Copies made before
 * checks existed (or by another process that lost a write race on this file) are simply checked again
 * by the next rotation. A copy that fails is set apart as `damaged-<its name>`: not offered for restore,
 * never counted, never deleted by rotation (the newest few are kept, see backup-rotation.ts) — it may
 * still hold data someone wants to rescue.
 */

export const CHECKS_FILE = 'zaplecze-checks.json';
export const DAMAGED_PREFIX = 'damaged-';

export interface CopyCheck {
  ok: boolean;
  /** ISO time of the check. */
  at: string;
  /** What SQLite reported (first lines) when not ok. */
  problems?: string[];
}

/**
 * SQLite's quick check of a database file (read-only; never changes it): [] when whole, else what it
 * found. `full` runs `integrity_check` (also compares every index with its table: slower).
 */
export function checkDatabaseFile(file: string, options: { full?: boolean } = {}): string[] {
  let db;
  try {
    db = openRawSqlite(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return [`cannot be opened: ${(error as Error).message}`];
  }
  try {
    const rows = db.pragma(options.full ? 'integrity_check(20)' : 'quick_check(20)', { simple: false }) as Array<Record<string, string>>;
    const lines = rows.map((r) => String(Object.values(r)[0]));
    return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
  } catch (error) {
    return [(error as Error).message];
  } finally {
    db.close();
  }
}

export function readChecks(dir: string): Record<string, CopyCheck> {
  try {
    const parsed = JSON.parse(readFileSync(join(dir, CHECKS_FILE), 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, CopyCheck>) : {};
  } catch {
    return {};
  }
}

/** Records checks (and forgets copies no longer in the folder). Written whole or not at all. */
export function writeChecks(dir: string, checks: Record<string, CopyCheck>): void {
  const kept: Record<string, CopyCheck> = {};
  for (const [name, check] of Object.entries(checks)) if (existsSync(join(dir, name))) kept[name] = check;
  try {
    writeFileAtomicSync(join(dir, CHECKS_FILE), `${JSON.stringify(kept, null, 1)}\n`);
  } catch {
    // A read-only or full folder: the copies are checked again next time, nothing is lost.
  }
}

export function recordCheck(dir: string, name: string, check: CopyCheck): void {
  writeChecks(dir, { ...readChecks(dir), [name]: check });
}

/** Moves a copy that failed its check out of the backups (`damaged-<name>`); returns the new path. */
export function setApartDamaged(dir: string, name: string): string {
  const target = join(dir, `${DAMAGED_PREFIX}${name}`);
  renameSync(join(dir, name), target);
  return target;
}
