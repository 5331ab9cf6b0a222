import { existsSync } from 'node:fs';
import { createCore, type Core } from '../core/create-core';
import { silentLogger } from '../core/log';
import { defaultDatabaseFile } from '../core/paths';
import { CliError } from './cli-types';

/**
 * Opens the database named by --db (default: the desktop app's own database). Commands that read
 * refuse a file that does not exist rather than silently creating an empty shop.
 */
export async function openCore(values: Record<string, unknown>, opts: { mustExist: boolean }): Promise<Core> {
  const file = typeof values.db === 'string' && values.db !== '' ? values.db : defaultDatabaseFile();
  if (opts.mustExist && !existsSync(file)) {
    throw new CliError(`No database at ${file}. Create one with: zaplecze init --db ${file}`);
  }
  return createCore({ dbFile: file, logger: silentLogger });
}
