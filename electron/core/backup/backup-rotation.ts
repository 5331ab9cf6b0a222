import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type BackupFile, type BackupKind, listBackups } from './backup-files';
import { checkDatabaseFile, type CopyCheck, DAMAGED_PREFIX, readChecks, setApartDamaged, writeChecks } from './backup-checks';

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

/** Copies set apart as damaged (`damaged-zaplecze-…`) kept for rescue; older ones are deleted. */
const DAMAGED_KEEP = 3;

export interface RotationResult {
  deleted: string[];
  kept: string[];
  /** Copies that failed their check now and were set apart as `damaged-<name>`. */
  setApart: string[];
}

/**
 * Deletes old backups: of automatic, manual and before-undo copies the newest `keep` *verified* ones stay;
 * of each protected kind the newest PROTECTED_KEEP verified ones. A copy not checked yet (taken before
 * checks existed, or by a process whose record was lost) is checked first (`quick_check`); one that fails
 * is set apart as damaged and does not count — so copies of a shop that went bad never push the last good
 * copies out. Files named in `protect` (a backup waiting to be restored) and files that are not Zaplecze
 * backups are never touched.
 */
export function rotateBackups(dir: string, keep: number, options: { protect?: string[]; now?: Date } = {}): RotationResult {
  if (!Number.isSafeInteger(keep) || keep < 1) throw new RangeError(`keep must be at least 1 (got ${keep})`);
  const now = options.now ?? new Date();
  const protect = new Set(options.protect ?? []);
  const all = listBackups(dir); // newest first
  const checks: Record<string, CopyCheck> = readChecks(dir);
  const deleted: string[] = [];
  const kept: string[] = [];
  const setApart: string[] = [];
  const seen = new Map<string, number>();
  for (const backup of all) {
    const isProtected = protect.has(backup.name) || protect.has(backup.file);
    let check = checks[backup.name];
    if (!check) {
      const problems = checkDatabaseFile(backup.file);
      check = problems.length === 0 ? { ok: true, at: now.toISOString() } : { ok: false, at: now.toISOString(), problems: problems.slice(0, 5) };
      checks[backup.name] = check;
    }
    if (!check.ok) {
      if (isProtected) {
        kept.push(backup.name);
        continue;
      }
      try {
        setApartDamaged(dir, backup.name);
        checks[`${DAMAGED_PREFIX}${backup.name}`] = check;
        setApart.push(backup.name);
      } catch {
        kept.push(backup.name); // in use: next time
      }
      continue;
    }
    const pool = PROTECTED_KINDS.includes(backup.kind) ? backup.kind : 'regular';
    const limit = pool === 'regular' ? keep : PROTECTED_KEEP;
    const n = (seen.get(pool) ?? 0) + 1;
    seen.set(pool, n);
    if (n <= limit || isProtected) {
      kept.push(backup.name);
      continue;
    }
    if (remove(backup)) deleted.push(backup.name);
    else kept.push(backup.name);
  }
  deleted.push(...removeOldDamaged(dir));
  writeChecks(dir, checks);
  removeStalePartials(dir, now);
  return { deleted, kept, setApart };
}

/** Of the copies set apart as damaged, the newest DAMAGED_KEEP stay (raw copies of a replaced shop are never deleted). */
export function removeOldDamaged(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const damaged = names.filter((n) => n.startsWith(`${DAMAGED_PREFIX}zaplecze-`) && n.endsWith('.db')).sort().reverse();
  const removed: string[] = [];
  for (const name of damaged.slice(DAMAGED_KEEP)) {
    try {
      rmSync(join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // in use
    }
  }
  return removed;
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
    if (!/^zaplecze-.*\.db(?:\.\d+)?\.partial$/.test(name)) continue;
    const file = join(dir, name);
    try {
      if (now.getTime() - statSync(file).mtimeMs > STALE_PARTIAL_MS) rmSync(file, { force: true });
    } catch {
      // gone meanwhile, or in use by a backup still running in another process
    }
  }
}
