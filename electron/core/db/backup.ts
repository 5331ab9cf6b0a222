import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SqliteDatabase } from './connection';

/** File-name-safe timestamp: 2026-11-23T19-41-07Z. */
export function stamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
}

/**
 * A consistent copy of the whole database in one synchronous step (VACUUM INTO): used before migrations,
 * where nothing else is running yet. Long-running backups of big databases use the online backup API
 * instead (see backups/), which does not block.
 */
export function snapshotTo(sqlite: SqliteDatabase, backupDir: string, label: string, now: Date): string {
  mkdirSync(backupDir, { recursive: true });
  const file = join(backupDir, `zaplecze-${stamp(now)}-${label}.db`);
  sqlite.prepare('VACUUM INTO ?').run(file);
  return file;
}
