import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { setImportTempParent } from '../import/source';

/**
 * Files a killed process leaves behind, found and removed when a shop is opened:
 *
 * - `tmp/` beside the shop: the import's staging databases and uploaded files (hundreds of MB for a big
 *   import). Each process keeps its own folder `import-<pid>-<random>`; a folder whose process is gone is
 *   a leftover. Temporary files live here rather than in the system's temp folder so that the space they
 *   take is on the shop's own disk, in plain sight beside it (not hidden in a system folder that fills up
 *   unnoticed), and so that this cleanup can find them.
 * - `backups/zaplecze-….db.<pid>.partial` (and its `-journal`): a backup whose process is gone; older
 *   copies without a process id (written before this version) once they are an hour old.
 * - `<shop>.restoring` (and side files): a restore killed half-way. Called with the shop's "in use" lock
 *   held (createCore), so no restore is running anywhere (a restore holds that lock exclusively).
 *
 * Nothing else is touched: the shop and its `-wal`/`-shm`, the lock files, backups, `damaged-…` copies and
 * anything the owner put in these folders stay.
 */

/** The folder beside the shop for this shop's temporary files. */
export function shopTempDir(dbFile: string): string {
  return join(dirname(resolve(dbFile)), 'tmp');
}

/** A process still running on this computer (EPERM: running, but someone else's). */
export function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Past this age a leftover is removed even if its process id now belongs to another running program. */
const ANCIENT_MS = 7 * 24 * 60 * 60 * 1000;
/** A `.partial` backup without a process id in its name older than this is a crashed backup's. */
const LEGACY_PARTIAL_MS = 60 * 60 * 1000;

function ageMs(path: string, now: Date): number | null {
  try {
    return now.getTime() - statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

function names(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function remove(path: string, removed: string[]): void {
  try {
    rmSync(path, { recursive: true, force: true });
    removed.push(path);
  } catch {
    // in use (Windows) or read-only: next start
  }
}

/** Removes what killed processes left around this shop; returns the removed paths. */
export function cleanLeftovers(dbFile: string, backupDir: string, now: Date = new Date()): string[] {
  const file = resolve(dbFile);
  const removed: string[] = [];

  // tmp/ beside the shop: `<what>-<pid>-<random>` entries of processes that are gone.
  const tmp = shopTempDir(file);
  for (const name of names(tmp)) {
    const path = join(tmp, name);
    const pid = /^[a-z]+-(\d+)-/.exec(name)?.[1];
    const age = ageMs(path, now);
    if (age === null) continue;
    if (pid ? !processAlive(Number(pid)) || age > ANCIENT_MS : age > ANCIENT_MS) remove(path, removed);
  }

  // Half-written backups.
  for (const name of names(backupDir)) {
    const path = join(backupDir, name);
    const withPid = /^zaplecze-.*\.db\.(\d+)\.partial(?:-journal|-wal|-shm)?$/.exec(name);
    if (withPid) {
      if (!processAlive(Number(withPid[1]))) remove(path, removed);
      continue;
    }
    if (/^zaplecze-.*\.db\.partial(?:-journal|-wal|-shm)?$/.test(name) && (ageMs(path, now) ?? 0) > LEGACY_PARTIAL_MS) remove(path, removed);
  }

  // A restore killed half-way.
  const base = basename(file);
  for (const name of names(dirname(file))) {
    if (name === `${base}.restoring` || name === `${base}.restoring-wal` || name === `${base}.restoring-shm` || name === `${base}.restoring-journal`) {
      remove(join(dirname(file), name), removed);
    }
  }
  return removed;
}

/**
 * Run by createCore with the shop's "in use" lock held, before the shop is opened: removes leftovers and
 * points the import's temporary files at `tmp/` beside the shop.
 */
export function prepareShopFolder(dbFile: string, backupDir: string, now: Date = new Date()): string[] {
  const removed = cleanLeftovers(dbFile, backupDir, now);
  setImportTempParent(shopTempDir(dbFile));
  return removed;
}
