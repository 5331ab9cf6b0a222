import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type BackupFile, type BackupKind, listBackups } from './backup-files';

/**
 * How many copies of each protected kind rotation keeps. A copy taken before a migration is the only
 * way back to the schema before an update, and a copy taken before a restore is the only copy of the
 * database that was replaced: neither counts towards the owner's "keep the last N" setting. Only when
 * three newer copies of the same kind exist is the oldest one deleted — by then it has been superseded by
 * three later updates (or restores), which is the reason rotation needs.
 */
export const PROTECTED_KEEP = 3;
const PROTECTED_KINDS: readonly BackupKind[] = ['before-migration', 'before-restore'];

/** A `.partial` copy older than this is the remains of a backup interrupted by a crash. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

export interface RotationResult {
  deleted: string[];
  kept: string[];
}

/**
 * Deletes old backups: of automatic, manual and before-undo copies the newest `keep` stay; of each
 * protected kind the newest PROTECTED_KEEP stay. Files named in `protect` (a backup waiting to be
 * restored) and files that are not Zaplecze backups are never touched.
 */
export function rotateBackups(dir: string, keep: number, options: { protect?: string[]; now?: Date } = {}): RotationResult {
  if (!Number.isSafeInteger(keep) || keep < 1) throw new RangeError(`keep must be at least 1 (got ${keep})`);
  const protect = new Set(options.protect ?? []);
  const all = listBackups(dir); // newest first
  const deleted: string[] = [];
  const kept: string[] = [];
  const seen = new Map<string, number>();
  for (const backup of all) {
    const pool = PROTECTED_KINDS.includes(backup.kind) ? backup.kind : 'regular';
    const limit = pool === 'regular' ? keep : PROTECTED_KEEP;
    const n = (seen.get(pool) ?? 0) + 1;
    seen.set(pool, n);
    if (n <= limit || protect.has(backup.name) || protect.has(backup.file)) {
      kept.push(backup.name);
      continue;
    }
    if (remove(backup)) deleted.push(backup.name);
    else kept.push(backup.name);
  }
  removeStalePartials(dir, options.now ?? new Date());
  return { deleted, kept };
}

function remove(backup: BackupFile): boolean {
  try {
    rmSync(backup.file, { force: true });
    return true;
  } catch {
    return false; // in use or read-only: try again next time
  }
}

function removeStalePartials(dir: string, now: Date): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!/^zaplecze-.*\.db\.partial$/.test(name)) continue;
    const file = join(dir, name);
    try {
      if (now.getTime() - statSync(file).mtimeMs > STALE_PARTIAL_MS) rmSync(file, { force: true });
    } catch {
      // gone meanwhile, or in use by a backup still running in another process
    }
  }
}
