import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createCore, type Core } from '../core/create-core';
import { silentLogger } from '../core/log';
import { defaultDatabaseFile } from '../core/paths';
import { CliError, type CliIo } from './cli-types';

/** The database named by --db (default: the desktop app's own database), as an absolute path. */
export function databaseFileOf(values: Record<string, unknown>): string {
  return resolve(typeof values.db === 'string' && values.db !== '' ? values.db : defaultDatabaseFile());
}

/**
 * Opens the database named by --db (default: the desktop app's own database). Commands that read
 * refuse a file that does not exist rather than silently creating an empty shop; commands that may
 * create one say so on stderr (`io`), with the path, so a mistyped --db does not go unnoticed.
 */
export async function openCore(values: Record<string, unknown>, opts: { mustExist: boolean; io?: CliIo }): Promise<Core> {
  const file = databaseFileOf(values);
  if (opts.mustExist && !existsSync(file)) {
    const folder = existsSync(dirname(file)) ? '' : ` (the folder ${dirname(file)} does not exist either)`;
    throw new CliError(`No database at ${file}${folder}. Create one with: zaplecze init --db ${file}`, 1, 'folder_missing');
  }
  const core = await createCore({ dbFile: file, logger: silentLogger, mustExist: opts.mustExist });
  if (core.created && opts.io) opts.io.err(`Creating a new shop: ${core.dbFile}`);
  return core;
}
