import { createHash } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';

/**
 * A fingerprint of a database's content: every table's rows in rowid order (plus the schema), hashed.
 * Two files with the same fingerprint hold the same data, whatever their page layout. Tables named in
 * `ignore` are left out (e.g. `settings`, where the automatic-backup time lives).
 */
export function contentHash(file: string, options: { ignore?: string[] } = {}): string {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return contentHashOf(db, options);
  } finally {
    db.close();
  }
}

export function contentHashOf(db: BetterSqlite3.Database, options: { ignore?: string[] } = {}): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type IN ('table','index','trigger') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name")
    .all() as Array<{ name: string; sql: string | null }>;
  for (const t of tables) hash.update(`${t.name}\n${t.sql ?? ''}\n`);
  // Virtual tables (full-text indexes) are skipped: their content lives in their shadow tables, which
  // are ordinary tables and hashed like any other.
  const dataTables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of dataTables) {
    if (options.ignore?.includes(table)) continue;
    hash.update(`#${table}\n`);
    const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).length;
    // WITHOUT ROWID tables have no rowid: order them by every column instead.
    let select;
    try {
      select = db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`);
    } catch {
      select = db.prepare(`SELECT * FROM "${table}" ORDER BY ${Array.from({ length: columns }, (_, i) => i + 1).join(', ')}`);
    }
    for (const row of select.raw().iterate()) hash.update(`${JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v))}\n`);
  }
  return hash.digest('hex');
}

/** Row counts of every table, for readable failure messages. */
export function tableCounts(db: BetterSqlite3.Database): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
}
