import type { Database as SqliteDatabase } from 'better-sqlite3';
import { OPEN_ORDER_STATUSES } from '../../../shared/domain/order-status';

/**
 * Which rows of the shop changed since a report was computed, so that Raporty keeps a figure a write
 * could not have moved (issue 16). The whole-shop stamp (db/write-stamp.ts) threw every preview away
 * on any write: one stock receipt today made the next visit walk the whole ledger to last month's end
 * again (~1 s at 100k orders) and rebuild last month's register (~1–1.5 s), though neither can change.
 *
 * How: TEMP triggers on this connection's tables call a JS function on every row written (every service,
 * every trigger of the schema). A watcher is told each change and decides whether it concerns it.
 * What the triggers cannot see makes every watcher stale: a commit of another connection (the import's
 * worker, the command line: `PRAGMA data_version` moves) and a change of the schema (a table made again
 * would have lost its TEMP triggers: `PRAGMA schema_version` moves; the triggers are then made again).
 * A write rolled back still counts: a watcher may go stale for nothing, never stay fresh wrongly.
 */
export interface RowChange {
  table: string;
  op: 'insert' | 'update' | 'delete';
  /**
   * stock_ledger: the entry's created_at (new for insert, old for delete). products update: 1 when a
   * column other than the stock counters changed. orders update: 1 unless only the status moved between
   * open ones (see OPEN_MOVE_COLUMNS). audit_log insert: the action. settings: the key. Otherwise null.
   */
  detail: string | number | null;
}

export interface Watcher {
  /** False once a change it cares about (or one nobody could see) happened since it was made. */
  fresh(): boolean;
  /** Stops watching (a kept value replaced). */
  close(): void;
}

/** The columns of products that stock moves keep up to date (the ledger's triggers, reservations): not what a product is. */
const STOCK_COUNTERS = new Set(['on_hand', 'reserved', 'updated_at']);

/**
 * An order moved between open statuses (new, to pick, packed, on hold — Zamówienia and Pakowanie all day
 * long): only status, updated_at and row_version change. The sales register tells statuses apart only as
 * cancelled, shipped, delivered or none of these, and reads updated_at of cancelled orders only.
 */
const OPEN_MOVE_COLUMNS = new Set(['status', 'updated_at', 'row_version']);
const OPEN = OPEN_ORDER_STATUSES.map((s) => `'${s}'`).join(', ');

interface Journal {
  watchers: Set<{ concerns: (c: RowChange) => boolean; stale: boolean }>;
  schemaVersion: number;
}

/**
 * Kept on the connection itself (one SQL function per connection, whichever copy of this module asks: a
 * second copy's WeakMap would register the function again and silence the first copy's watchers).
 */
const JOURNAL = Symbol.for('zaplecze.changeJournal');
type WithJournal = SqliteDatabase & { [JOURNAL]?: Journal };
const FUNCTION = 'zaplecze_row_changed';

function pragmaNumber(sqlite: SqliteDatabase, name: string): number {
  return sqlite.pragma(name, { simple: true }) as number;
}

/** The ordinary tables of the shop file (not SQLite's own, not a full-text index's shadow tables, which only mirror other tables). */
function watchedTables(sqlite: SqliteDatabase): Array<{ name: string; columns: string[] }> {
  const tables = sqlite
    .prepare(`SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'`)
    .pluck()
    .all() as string[];
  const virtuals = sqlite.prepare(`SELECT name FROM main.sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`).pluck().all() as string[];
  const shadow = (name: string) => virtuals.some((v) => name.startsWith(`${v}_`));
  return tables
    .filter((t) => !shadow(t))
    .map((name) => ({ name, columns: (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(name) as string[]) }));
}

const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

/** SQL: 1 when a column outside `ignored` changed in the row (OLD vs NEW), else 0. */
function changedBesides(columns: string[], ignored: ReadonlySet<string>): string {
  const other = columns.filter((c) => !ignored.has(c)).map((c) => `OLD.${quote(c)} IS NOT NEW.${quote(c)}`);
  return other.length ? `(${other.join(' OR ')})` : '0';
}

function detailOf(table: string, op: RowChange['op'], columns: string[]): string {
  if (table === 'stock_ledger') return op === 'delete' ? 'OLD.created_at' : 'NEW.created_at';
  if (table === 'audit_log' && op === 'insert') return 'NEW.action';
  if (table === 'settings') return op === 'delete' ? 'OLD.key' : 'NEW.key';
  if (table === 'products' && op === 'update') return changedBesides(columns, STOCK_COUNTERS);
  if (table === 'orders' && op === 'update') return `(${changedBesides(columns, OPEN_MOVE_COLUMNS)} OR NOT (OLD.status IN (${OPEN}) AND NEW.status IN (${OPEN})))`;
  return 'NULL';
}

function install(sqlite: SqliteDatabase, journal: Journal): void {
  const statements: string[] = [];
  for (const { name, columns } of watchedTables(sqlite)) {
    for (const op of ['insert', 'update', 'delete'] as const) {
      const trigger = quote(`zaplecze_watch_${name}_${op}`);
      statements.push(`DROP TRIGGER IF EXISTS temp.${trigger}`);
      statements.push(
        `CREATE TEMP TRIGGER ${trigger} AFTER ${op.toUpperCase()} ON main.${quote(name)} BEGIN SELECT ${FUNCTION}('${name}', '${op}', ${detailOf(name, op, columns)}); END`,
      );
    }
  }
  sqlite.transaction(() => {
    for (const s of statements) sqlite.exec(s);
  })();
  // The TEMP triggers change the temp schema only; main's schema_version is what a migration moves.
  journal.schemaVersion = pragmaNumber(sqlite, 'schema_version');
}

/** The journal with its triggers in place, or null when they cannot be made now (see below). */
function journalOf(sqlite: SqliteDatabase): Journal | null {
  let journal = (sqlite as WithJournal)[JOURNAL];
  if (!journal) {
    const created: Journal = { watchers: new Set(), schemaVersion: -1 };
    journal = created;
    sqlite.function(FUNCTION, { deterministic: false, varargs: false }, (table: unknown, op: unknown, detail: unknown) => {
      const change = { table: String(table), op: op as RowChange['op'], detail: (detail ?? null) as RowChange['detail'] };
      for (const w of created.watchers) if (!w.stale && w.concerns(change)) w.stale = true;
      return null;
    });
    (sqlite as WithJournal)[JOURNAL] = created;
  }
  if (pragmaNumber(sqlite, 'schema_version') !== journal.schemaVersion) {
    for (const w of journal.watchers) w.stale = true;
    // Inside another caller's open transaction (a service between its awaits) the triggers would vanish
    // with its rollback, unseen: they are made outside transactions only.
    if (sqlite.inTransaction) return null;
    install(sqlite, journal);
  }
  return journal;
}

/**
 * Starts watching the shop for changes `concerns` says matter. Make it before reading what it guards: a
 * write while the value is computed makes it stale, as it should.
 */
export function watchChanges(sqlite: SqliteDatabase, concerns: (change: RowChange) => boolean): Watcher {
  const journal = journalOf(sqlite);
  // Nothing can be watched yet: the value is used once and not kept.
  if (!journal) return { fresh: () => false, close: () => {} };
  const entry = { concerns, stale: false };
  journal.watchers.add(entry);
  const dataVersion = pragmaNumber(sqlite, 'data_version');
  const schemaVersion = journal.schemaVersion;
  return {
    fresh() {
      if (entry.stale) return false;
      if (pragmaNumber(sqlite, 'data_version') !== dataVersion || pragmaNumber(sqlite, 'schema_version') !== schemaVersion) entry.stale = true;
      return !entry.stale;
    },
    close() {
      journal.watchers.delete(entry);
    },
  };
}
