import type { Core } from '../create-core';
import { getInternalValue, setInternalValue } from '../settings/settings.service';
import { type BackupFile, listBackups } from './backup-files';
import { readChecks } from './backup-checks';
import { checkDatabaseFileOffThread } from './check-off-thread';

/**
 * Is the shop file whole? Checked when the app starts (SQLite's `quick_check`: reads every page, a second
 * or two on a big shop) and once a week in full (`integrity_check`: also compares every index with its
 * table), and whenever a backup copy fails its own check or SQLite reports a damaged page. A damaged shop
 * is reported as such — the Backups screen says so and offers the newest verified backup — instead of
 * "something went wrong" on every call.
 */

export interface ShopHealth {
  state: 'ok' | 'damaged' | 'unchecked';
  /** ISO time of the last check in this process (null: not checked yet). */
  checkedAt: string | null;
  /** What SQLite reported (first lines) when damaged. */
  problems: string[];
  /** ISO time of the last full (weekly) check, from the shop's settings. */
  lastFullCheckAt: string | null;
}

/** Internal setting: ISO time of the last full integrity check that passed. */
export const LAST_FULL_CHECK_KEY = 'backup.lastFullCheckAt';
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

const health = new WeakMap<Core, ShopHealth>();

export function shopHealth(core: Core): ShopHealth {
  return health.get(core) ?? { state: 'unchecked', checkedAt: null, problems: [], lastFullCheckAt: null };
}

/** Marks the open shop as damaged (a failed check, a damaged copy, SQLITE_CORRUPT from a call). */
export function markShopDamaged(core: Core, problems: string[]): void {
  const previous = shopHealth(core);
  health.set(core, { ...previous, state: 'damaged', checkedAt: core.now().toISOString(), problems: problems.slice(0, 5) });
}

/**
 * The check at start: `quick_check` always, the full `integrity_check` when the last one passed more than
 * a week ago (or never). The transport calls it right after opening the core. Never throws: the result is
 * kept for `backup.list` (and returned).
 */
export async function checkShopOnStart(core: Core, options: { full?: boolean } = {}): Promise<ShopHealth> {
  let lastFull: string | null = null;
  try {
    lastFull = await getInternalValue<string>(core.db, LAST_FULL_CHECK_KEY);
  } catch {
    // an unreadable settings page: the check below says why
  }
  const now = core.now();
  const fullDue = options.full ?? (lastFull === null || Number.isNaN(Date.parse(lastFull)) || now.getTime() - Date.parse(lastFull) >= WEEK_MS);
  // Off the main thread, with its own read-only connection: the app stays responsive meanwhile.
  const problems = await checkDatabaseFileOffThread(core.dbFile, { full: fullDue });
  if (problems.length === 0 && fullDue) {
    try {
      await setInternalValue(core.db, LAST_FULL_CHECK_KEY, now.toISOString());
      lastFull = now.toISOString();
    } catch {
      // a read-only shop still works; the full check simply runs again next start
    }
  }
  const result: ShopHealth = { state: problems.length === 0 ? 'ok' : 'damaged', checkedAt: now.toISOString(), problems: problems.slice(0, 5), lastFullCheckAt: lastFull };
  health.set(core, result);
  if (problems.length > 0) core.log.error(`The shop database ${core.dbFile} is damaged`, problems.slice(0, 5).join('; '));
  return result;
}

/** The newest backup that passed its check (what a damaged shop is offered to go back to). */
export function newestVerifiedBackup(core: Core): BackupFile | null {
  const checks = readChecks(core.backupDir);
  return listBackups(core.backupDir).find((b) => checks[b.name]?.ok === true) ?? null;
}
