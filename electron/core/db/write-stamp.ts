import type { Database as SqliteDatabase } from 'better-sqlite3';

/**
 * A value that changes whenever the shop's data may have changed, whoever wrote: `total_changes()`
 * counts the rows this connection changed (every service, every trigger), `PRAGMA data_version` moves
 * when another connection commits (the import's worker, the command line). For reads kept between
 * calls (Raporty's previews, the packing queue): equal stamps, same data.
 */
export function writeStamp(sqlite: SqliteDatabase): string {
  const version = sqlite.pragma('data_version', { simple: true }) as number;
  const changes = sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  return `${version}:${changes}`;
}
