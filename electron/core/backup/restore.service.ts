import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { openRawSqlite } from '../db/connection';
import { holdShopExclusively } from '../db/shop-lock';
import type { Core } from '../create-core';
import { DomainError } from '../errors';
import { backupFileName, backupStamp, findBackup } from './backup-files';
import { type VerifiedBackup, verifyBackupFile } from './backup-verify';

/**
 * Restoring replaces the database file, which is only safe while no connection has it open. So restore
 * is done with the file closed, in one of two ways:
 *
 * - **Command line / recovery dialog** (`restoreDatabaseFile`): nothing is open — `zaplecze restore`, or the
 *   desktop app's "this database cannot be opened" dialog, which lists `listBackups(dir)` before any core
 *   exists.
 * - **From the running app** (`backup.restore`): the handler verifies the chosen backup and *stages* it
 *   (a small marker file beside the database). The transport that owns the core (Electron main, the test
 *   harness) has registered `whenRestoreStaged(core, …)`; it then closes the core, calls
 *   `applyPendingRestore`, opens a fresh core and reloads its windows — `reopenWithPendingRestore` does the
 *   three steps. A transport that does not swap leaves the marker, and the restore happens on the next start,
 *   when the transport calls `applyPendingRestore(dbFile)` before `createCore`.
 *
 * Either way the database being replaced is first copied to the backup folder (`…-before-restore.db`), or,
 * when it is too damaged to open, its raw bytes are kept as `damaged-<stamp>-zaplecze.db` — nothing is
 * ever overwritten without a copy.
 */

export interface RestoreResult {
  /** The backup that is now the database. */
  restoredFrom: string;
  /** Schema of the restored copy (older than this build's means the next open migrates it, with its own backup first). */
  schemaVersion: string;
  /** Where the replaced database was kept; null when there was none. */
  replacedCopy: string | null;
  /** True when the replaced database could not be opened and its raw bytes were kept instead. */
  replacedWasDamaged: boolean;
}

export interface RestoreOptions {
  dbFile: string;
  backupFile: string;
  /** Where the copy of the replaced database goes; default `backups/` beside the database. */
  backupDir?: string;
  now?: Date;
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

function removeWithSideFiles(file: string): void {
  for (const suffix of ['', ...SIDE_FILES]) rmSync(`${file}${suffix}`, { force: true });
}

/** Copies a database file together with its WAL, so a copy of a live file keeps its latest commits. */
function copyWithWal(from: string, to: string): void {
  removeWithSideFiles(to);
  copyFileSync(from, to);
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${to}-wal`);
}

/** Keeps the database that is about to be replaced; returns where, or null when there is no file. */
async function keepReplaced(dbFile: string, backupDir: string, now: Date): Promise<{ file: string; damaged: boolean } | null> {
  if (!existsSync(dbFile)) return null;
  mkdirSync(backupDir, { recursive: true });
  const target = join(backupDir, backupFileName(now, 'before-restore'));
  const partial = `${target}.partial`;
  let db: BetterSqlite3.Database | null = null;
  try {
    db = openRawSqlite(dbFile, { fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_master').get(); // reads the header: fails on a non-database
    await db.backup(partial);
    db.close();
    db = null;
    const copy = openRawSqlite(partial, { fileMustExist: true });
    copy.pragma('journal_mode = DELETE');
    copy.close();
    renameSync(partial, target);
    return { file: target, damaged: false };
  } catch {
    db?.close();
    removeWithSideFiles(partial);
    // Too damaged to read page by page: keep its bytes (and WAL) as they are, under a name that is not a
    // backup's, so rotation never deletes it and the restore list never offers it.
    const raw = join(backupDir, `damaged-${backupStamp(now)}-zaplecze.db`);
    copyWithWal(dbFile, raw);
    if (existsSync(`${dbFile}-shm`)) copyFileSync(`${dbFile}-shm`, `${raw}-shm`);
    return { file: raw, damaged: true };
  }
}

/**
 * Puts a backup in place of the (closed) database: verifies a staged copy of the backup, keeps a copy of
 * the database it replaces, then swaps the files. Throws `backup_invalid` — having changed nothing — when
 * the backup is damaged, not a Zaplecze database, or from a newer version.
 */
export async function restoreDatabaseFile(options: RestoreOptions): Promise<RestoreResult> {
  // Refused while any other process has the shop open (db/shop-lock.ts): it would keep writing into the
  // replaced file and lose everything it acknowledged. Openers wait while the file is being replaced.
  const exclusive = holdShopExclusively(resolve(options.dbFile));
  try {
    return await replaceDatabaseFile(options);
  } finally {
    exclusive.release();
  }
}

async function replaceDatabaseFile(options: RestoreOptions): Promise<RestoreResult> {
  const dbFile = resolve(options.dbFile);
  const backupFile = resolve(options.backupFile);
  const backupDir = resolve(options.backupDir ?? join(dirname(dbFile), 'backups'));
  const now = options.now ?? new Date();
  if (backupFile === dbFile) throw new DomainError('backup_invalid', 'The backup and the database are the same file.', { reason: 'same_file' });
  if (!existsSync(backupFile)) throw new DomainError('backup_invalid', `There is no backup file ${backupFile}.`, { reason: 'missing' });

  mkdirSync(dirname(dbFile), { recursive: true });
  const staged = `${dbFile}.restoring`;
  copyWithWal(backupFile, staged);
  let verified: VerifiedBackup;
  try {
    // Read-write on our own staged copy: a WAL carried along is folded in, and the copy becomes one file.
    verified = verifyBackupFile(staged, { readonly: false });
    const db = openRawSqlite(staged, { fileMustExist: true });
    db.pragma('journal_mode = DELETE');
    db.close();
  } catch (error) {
    removeWithSideFiles(staged);
    if (error instanceof DomainError) {
      // Name the file the owner chose, not our staging copy.
      throw new DomainError(error.code, error.message.split(staged).join(backupFile), error.details);
    }
    throw error;
  }

  const replaced = await keepReplaced(dbFile, backupDir, now);
  // The old WAL must go before the new file arrives: SQLite would replay it onto the restored pages.
  for (const suffix of SIDE_FILES) rmSync(`${dbFile}${suffix}`, { force: true });
  renameSync(staged, dbFile);
  return {
    restoredFrom: backupFile,
    schemaVersion: verified.schemaVersion,
    replacedCopy: replaced?.file ?? null,
    replacedWasDamaged: replaced?.damaged ?? false,
  };
}

// ——— Restore requested from the running app ———

const markerFile = (dbFile: string) => `${resolve(dbFile)}.restore-pending.json`;

/** The backup waiting to be put in place at the next swap or start, if any. */
export function pendingRestoreBackup(dbFile: string): string | null {
  return pendingRestore(dbFile)?.backupFile ?? null;
}

/** The staged restore with when it was asked for. */
export function pendingRestore(dbFile: string): { backupFile: string; requestedAt: string | null } | null {
  try {
    const marker = JSON.parse(readFileSync(markerFile(dbFile), 'utf8')) as { backupFile?: unknown; requestedAt?: unknown };
    if (typeof marker.backupFile !== 'string') return null;
    return { backupFile: marker.backupFile, requestedAt: typeof marker.requestedAt === 'string' ? marker.requestedAt : null };
  } catch {
    return null;
  }
}

type RestoreListener = () => void;
const listeners = new WeakMap<Core, RestoreListener>();

/**
 * A transport that can swap its core registers here; the listener runs (on a later tick, after the
 * `backup.restore` answer has been sent) when a restore has been staged. It should call
 * `reopenWithPendingRestore`. Returns a function that unregisters.
 */
export function whenRestoreStaged(core: Core, listener: RestoreListener): () => void {
  listeners.set(core, listener);
  return () => {
    if (listeners.get(core) === listener) listeners.delete(core);
  };
}

/**
 * Verifies a backup from the core's backup folder and stages it to replace the database. Returns
 * whether the transport will swap now or the restore waits for the next start.
 */
export function stageRestore(core: Core, backupName: string): { backupFile: string; verified: VerifiedBackup; when: 'now' | 'next-start' } {
  const backup = findBackup(core.backupDir, backupName);
  if (!backup) throw new DomainError('not_found', `There is no backup named ${backupName} in ${core.backupDir}.`);
  const verified = verifyBackupFile(backup.file);
  writeFileSync(markerFile(core.dbFile), JSON.stringify({ backupFile: backup.file, requestedAt: core.now().toISOString() }));
  const listener = listeners.get(core);
  if (listener) setImmediate(listener);
  return { backupFile: backup.file, verified, when: listener ? 'now' : 'next-start' };
}

/** Withdraws a staged restore (nothing has been replaced yet). */
export function cancelPendingRestore(dbFile: string): void {
  rmSync(markerFile(dbFile), { force: true });
}

/**
 * Call with the database closed, before `createCore`: puts a staged backup in place. Returns null when
 * nothing was staged. The marker is removed whether or not the restore succeeds (a backup that fails
 * verification now must not block every later start); a failure is returned for the transport to show.
 */
export async function applyPendingRestore(
  dbFile: string,
  options: { backupDir?: string; now?: Date } = {},
): Promise<RestoreResult | { failed: string; code?: string } | null> {
  const backupFile = pendingRestoreBackup(dbFile);
  if (backupFile === null) {
    rmSync(markerFile(dbFile), { force: true }); // an unreadable marker
    return null;
  }
  const at = (options.now ?? new Date()).toISOString();
  try {
    const result = await restoreDatabaseFile({ dbFile, backupFile, ...options });
    outcomes.set(resolve(dbFile), { at, backupFile, ok: true });
    return result;
  } catch (error) {
    const code = error instanceof DomainError ? error.code : 'internal';
    outcomes.set(resolve(dbFile), { at, backupFile, ok: false, code, message: (error as Error).message });
    return { failed: (error as Error).message, code };
  } finally {
    rmSync(markerFile(dbFile), { force: true });
  }
}

/** How the last staged restore of a shop went in this process (shown on the Backups screen). */
export interface RestoreOutcome {
  at: string;
  backupFile: string;
  ok: boolean;
  /** Error code when refused: shop_in_use, backup_invalid… */
  code?: string;
  message?: string;
}

const outcomes = new Map<string, RestoreOutcome>();

export function lastRestoreOutcome(dbFile: string): RestoreOutcome | null {
  return outcomes.get(resolve(dbFile)) ?? null;
}

/**
 * Closes the core and makes sure the SQLite connection is really closed: Kysely opens its driver
 * lazily, so `core.close()` (Kysely's destroy) leaves the raw connection open when no Kysely query ever
 * ran. Replacing the file under an open connection would let it write old pages into the new file.
 */
export async function closeCoreFully(core: Core): Promise<void> {
  await core.close();
  if (core.sqlite.open) core.sqlite.close();
}

/**
 * What a transport does when its listener fires: close the core, put the staged backup in place, open a
 * fresh core with `open` (the transport's own createCore call), and hand it back for the transport to
 * keep. Calls still in flight on the old core fail with an error; the window reloads afterwards anyway.
 */
export async function reopenWithPendingRestore(
  core: Core,
  open: () => Promise<Core>,
): Promise<{ core: Core; restore: RestoreResult | { failed: string } | null }> {
  const { dbFile, backupDir } = core;
  listeners.delete(core);
  await closeCoreFully(core);
  const restore = await applyPendingRestore(dbFile, { backupDir, now: core.now() });
  return { core: await open(), restore };
}
