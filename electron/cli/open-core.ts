import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { pendingRestore } from '../core/backup/restore.service';
import { createCore, type Core } from '../core/create-core';
import { silentLogger } from '../core/log';
import { defaultDatabaseFile } from '../core/paths';
import { CliError, type CliIo } from './cli-types';

/** The database named by --db (default: the desktop app's own database), as an absolute path. */
export function databaseFileOf(values: Record<string, unknown>): string {
  return resolve(typeof values.db === 'string' && values.db !== '' ? values.db : defaultDatabaseFile());
}

/**
 * A restore staged in the app (`<shop>.restore-pending.json`) puts its backup in place at the desktop app's
 * next start, replacing the shop as it is then. Whatever a command writes meanwhile would be silently rolled
 * back, so commands that write refuse (`restore_pending`) and say how to cancel; commands that only read run
 * and warn on stderr (stdout stays what scripts parse).
 */
export function checkPendingRestore(file: string, opts: { writes: boolean; io?: CliIo; command: string }): void {
  const pending = pendingRestore(file);
  if (!pending) return;
  const when = pending.requestedAt ? ` (asked for at ${pending.requestedAt})` : '';
  const staged = `A restore of the backup ${basename(pending.backupFile)} is waiting${when} to replace ${file} when the desktop app next starts.`;
  const cancel = `open the app's Kopie zapasowe screen and choose "Anuluj przywracanie", or run: zaplecze restore --cancel-pending --db ${file}`;
  if (opts.writes) {
    throw new CliError(`${staged} Anything "${opts.command}" wrote now would be lost then, so nothing was done. Start the desktop app to let the restore finish, or cancel the restore: ${cancel}`, 1, 'restore_pending');
  }
  opts.io?.err(`Warning: ${staged} What is shown here is the shop before that restore. To cancel it: ${cancel}`);
}

/**
 * Opens the database named by --db (default: the desktop app's own database). Commands that read
 * refuse a file that does not exist rather than silently creating an empty shop; commands that may
 * create one say so on stderr (`io`), with the path, so a mistyped --db does not go unnoticed. A pending
 * restore refuses commands that write (`writes`) and is mentioned on stderr by the others.
 */
export async function openCore(values: Record<string, unknown>, opts: { mustExist: boolean; io?: CliIo; writes?: { command: string } }): Promise<Core> {
  const file = databaseFileOf(values);
  if (opts.mustExist && !existsSync(file)) {
    const folder = existsSync(dirname(file)) ? '' : ` (the folder ${dirname(file)} does not exist either)`;
    throw new CliError(`No database at ${file}${folder}. Create one with: zaplecze init --db ${file}`, 1, 'folder_missing');
  }
  checkPendingRestore(file, { writes: Boolean(opts.writes), io: opts.io, command: opts.writes?.command ?? '' });
  const core = await createCore({ dbFile: file, logger: silentLogger, mustExist: opts.mustExist });
  if (core.created && opts.io) opts.io.err(`Creating a new shop: ${core.dbFile}`);
  return core;
}
