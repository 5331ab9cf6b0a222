import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { openRawSqlite } from '../db/connection';
import { whenIdle } from '../db/idle';
import type { Core } from '../create-core';
import { getInternalValue, getSettings, setInternalValue } from '../settings/settings.service';
import { isShopEmpty } from '../shop/shop-stats.service';
import { type BackupFile, backupFileName, listBackups, parseBackupName } from './backup-files';
import { DAMAGED_PREFIX, readChecks, recordCheck } from './backup-checks';
import { checkDatabaseFileOffThread } from './check-off-thread';
import { removeOldDamaged, rotateBackups } from './backup-rotation';
import { markShopDamaged, newestVerifiedBackup } from './shop-health';
import { DomainError } from '../errors';
import { pendingRestoreBackup } from './restore.service';

export interface BackupProgress {
  totalPages: number;
  remainingPages: number;
}

export interface CreateBackupOptions {
  /** Why it is taken: `auto`, `manual`, `before-undo`… (lowercase, dashes). Default `manual`. */
  label?: string;
  /** Write exactly here instead of the backup folder (`zaplecze backup --out`); such a file is never rotated. */
  outFile?: string;
  onProgress?: (progress: BackupProgress) => void;
  /**
   * Pages copied per step. Between steps better-sqlite3 hands control back to the event loop, so a backup
   * of a 1M-order database never freezes the window; 256 pages (1 MB) per step keeps each step around a
   * millisecond (see bench: "backup: longest event-loop stall").
   */
  pagesPerStep?: number;
}

/** Internal setting key: ISO time of the last automatic (start-of-day) backup. */
export const LAST_AUTOMATIC_BACKUP_KEY = 'backup.lastAutomaticAt';
const DEFAULT_PAGES_PER_STEP = 256;

// One backup at a time per database: two overlapping copies would only compete for the disk.
const running = new WeakMap<Core, Promise<unknown>>();

function serialised<T>(core: Core, job: () => Promise<T>): Promise<T> {
  const previous = running.get(core) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(job);
  running.set(core, next);
  return next;
}

/** `<target>.<pid>.partial`: the copy while it is being written. */
export function partialName(target: string): string {
  return `${target}.${process.pid}.partial`;
}

/**
 * A copy that fails its check means the shop itself is damaged (the copy has the shop's pages as they
 * are). The copy is kept apart as `damaged-<name>` (never offered, never counted, never rotating a good
 * copy away), the shop is marked damaged, and the caller gets `database_corrupt` naming the newest
 * verified backup to go back to.
 */
async function damagedCopy(core: Core, partial: string, target: string, outFile: boolean, problems: string[]): Promise<DomainError> {
  markShopDamaged(core, problems);
  let keptAs: string | null = null;
  if (!outFile) {
    const name = `${DAMAGED_PREFIX}${basename(target)}`;
    try {
      renameSync(partial, join(core.backupDir, name));
      recordCheck(core.backupDir, name, { ok: false, at: core.now().toISOString(), problems: problems.slice(0, 5) });
      keptAs = name;
      removeOldDamaged(core.backupDir); // a shop damaged for weeks keeps only the newest few such copies
    } catch {
      // left for the catch below to remove
    }
  }
  await checkUnrecordedBackups(core, { untilOneGood: true }).catch(() => undefined); // copies of older versions
  const good = newestVerifiedBackup(core);
  return new DomainError(
    'database_corrupt',
    `The shop database ${core.dbFile} is damaged (SQLite's check of the copy found: ${problems.slice(0, 2).join('; ')}). ` +
      `No backup was made and no older backup was deleted${keptAs ? `; the damaged copy was kept apart as ${keptAs}` : ''}. ` +
      (good ? `The newest verified backup is ${good.name}.` : 'There is no verified backup to go back to.'),
    { reason: 'shop_damaged', problems: problems.slice(0, 5), keptApart: keptAs, newestVerified: good?.name ?? null },
  );
}

function freeTarget(dir: string, at: Date, label: string): string {
  // Two backups within the same millisecond (tests, a double click) get consecutive stamps.
  let t = at.getTime();
  for (;;) {
    const file = join(dir, backupFileName(new Date(t), label));
    if (!existsSync(file) && !existsSync(partialName(file)) && !existsSync(`${file}.partial`)) return file;
    t += 1;
  }
}

/**
 * A consistent copy of the live database made with SQLite's online backup API, in steps, while the app
 * keeps working (writes made meanwhile by this connection are carried into the copy). The copy is written
 * to `<name>.partial` and renamed only when complete, so a crash mid-backup never leaves a file that looks
 * like a backup; it is switched to rollback-journal mode so it is one self-contained file.
 */
export function createBackup(core: Core, options: CreateBackupOptions = {}): Promise<BackupFile> {
  return serialised(core, async () => {
    const label = options.label ?? 'manual';
    const target = options.outFile ? resolve(options.outFile) : freeTarget(core.backupDir, core.now(), label);
    mkdirSync(dirname(target), { recursive: true });
    // The writer's process id in the name: a start can tell a killed backup's leftover from one running now.
    const partial = partialName(target);
    rmSync(partial, { force: true });
    const step = options.pagesPerStep ?? DEFAULT_PAGES_PER_STEP;
    try {
      // A step reads pages through this connection. Kysely transactions span event-loop turns, so a step
      // can land inside one and copy pages not committed yet; SQLite restarts the backup if that transaction
      // rolls back, but not if the *last* step ran inside it. So: start outside a transaction, and when the
      // copy finished while one was open, take it again (transactions here last milliseconds).
      for (let attempt = 0; ; attempt++) {
        await whenIdle(core.sqlite);
        await core.sqlite.backup(partial, {
          progress: (p) => {
            options.onProgress?.(p);
            return step;
          },
        });
        if (!core.sqlite.inTransaction || attempt >= 5) break;
        rmSync(partial, { force: true });
      }
      let problems: string[];
      try {
        const copy = openRawSqlite(partial, { fileMustExist: true });
        try {
          copy.pragma('journal_mode = DELETE');
        } finally {
          copy.close();
        }
        // The copy counts as a backup only once SQLite finds every page whole.
        problems = await checkDatabaseFileOffThread(partial);
      } catch (error) {
        problems = [(error as Error).message];
      }
      if (problems.length > 0) throw await damagedCopy(core, partial, target, Boolean(options.outFile), problems);
      renameSync(partial, target);
      if (!options.outFile) recordCheck(core.backupDir, basename(target), { ok: true, at: core.now().toISOString() });
    } catch (error) {
      rmSync(partial, { force: true });
      rmSync(`${partial}-journal`, { force: true });
      throw error;
    }
    const parsed = parseBackupName(target.slice(dirname(target).length + 1));
    const name = target.slice(dirname(target).length + 1);
    return {
      name,
      file: target,
      createdAt: parsed?.createdAt ?? core.now().toISOString(),
      label: parsed?.label ?? label,
      kind: parsed?.kind ?? 'manual',
      sizeBytes: statSync(target).size,
    };
  });
}

/**
 * Checks (off the main thread) the backups that have no check on record — copies made by an older version
 * or by a process whose record was lost — and records the results. Newest first; with `untilOneGood`, stops
 * at the first copy that passes (what a damaged shop needs to offer).
 */
export async function checkUnrecordedBackups(core: Core, options: { untilOneGood?: boolean } = {}): Promise<void> {
  const checks = readChecks(core.backupDir);
  for (const backup of listBackups(core.backupDir)) {
    const known = checks[backup.name];
    if (known?.ok && options.untilOneGood) return;
    if (known) continue;
    const problems = await checkDatabaseFileOffThread(backup.file);
    const at = core.now().toISOString();
    recordCheck(core.backupDir, backup.name, problems.length === 0 ? { ok: true, at } : { ok: false, at, problems: problems.slice(0, 5) });
    if (problems.length === 0 && options.untilOneGood) return;
  }
}

/** Deletes old backups in the core's backup folder by the owner's setting (see backup-rotation.ts). */
export async function rotateCoreBackups(core: Core): Promise<string[]> {
  const { backupKeep } = await getSettings(core.db);
  const pending = pendingRestoreBackup(core.dbFile);
  // Copies with no check on record are checked first, off the main thread, so rotation itself finds every
  // result recorded and does not block.
  await checkUnrecordedBackups(core);
  return rotateBackups(core.backupDir, backupKeep, { protect: pending ? [pending] : [], now: core.now() }).deleted;
}

/**
 * A copy taken right before something that is hard to take back (undoing an import, a bulk change).
 * The import service calls `await backupBeforeRisk(core, 'before-undo')` before it deletes an import's
 * rows. Returns the backup; old backups are rotated afterwards.
 */
export async function backupBeforeRisk(core: Core, label: `before-${string}` = 'before-undo'): Promise<BackupFile> {
  const backup = await createBackup(core, { label });
  await rotateCoreBackups(core);
  return backup;
}

/** The calendar day in Poland: "at most daily" means at most one automatic backup per Polish day. */
function polishDay(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

export async function lastAutomaticBackupAt(core: Core): Promise<string | null> {
  return getInternalValue<string>(core.db, LAST_AUTOMATIC_BACKUP_KEY);
}

/**
 * The start-of-day backup. The transport calls it once after opening the core (without awaiting it
 * before showing the window): when no automatic backup was taken yet today, it takes one, remembers
 * the time in settings and rotates. An empty shop has nothing to keep and is skipped.
 */
export async function backupOnStartIfDue(core: Core, options: Pick<CreateBackupOptions, 'onProgress'> = {}): Promise<BackupFile | null> {
  if (isShopEmpty(core.sqlite)) return null;
  const now = core.now();
  const last = await lastAutomaticBackupAt(core);
  if (last !== null && !Number.isNaN(Date.parse(last)) && polishDay(new Date(last)) === polishDay(now) && Date.parse(last) <= now.getTime()) {
    return null;
  }
  const backup = await createBackup(core, { label: 'auto', ...options });
  await setInternalValue(core.db, LAST_AUTOMATIC_BACKUP_KEY, now.toISOString());
  await rotateCoreBackups(core);
  return backup;
}
