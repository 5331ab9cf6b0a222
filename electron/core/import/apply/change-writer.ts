import { hash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { EntityCounts } from '../../../../shared/contract/import.contract';

type Sqlite = BetterSqlite3.Database;
type Value = string | number | null;

/** Columns the triggers maintain: never written, never part of a row's image. */
const TRIGGER_MAINTAINED: Record<string, ReadonlySet<string>> = { products: new Set(['on_hand', 'reserved']) };
/** Kept by a trigger on every table that has it (a row's count of changes): never part of an image. */
const ROW_VERSION = 'row_version';

/**
 * Tables whose inserts are logged per run, as a range of ids (import_inserted), not row by row: they
 * carry row_version, which tells undo that a row was changed after the run without its image.
 */
export const RANGE_TABLES: ReadonlySet<string> = new Set(['orders', 'order_lines', 'reservations', 'customers', 'shipments']);

export interface TableShape {
  /** Every column but `id` and the trigger-maintained ones, in table order: the row's "image". */
  columns: string[];
  position: Map<string, number>;
  /** SQL defaults of those columns that have a literal default. */
  defaults: Map<string, Value>;
}

const shapes = new WeakMap<Sqlite, Map<string, TableShape>>();

function literal(dflt: string | null): Value | undefined {
  if (dflt === null) return undefined;
  if (/^'.*'$/s.test(dflt)) return dflt.slice(1, -1).replace(/''/g, "'");
  if (/^-?\d+(\.\d+)?$/.test(dflt)) return Number(dflt);
  if (dflt.toUpperCase() === 'NULL') return null;
  return undefined;
}

/** The shape of a table as the database has it now (columns other migrations add are included). */
export function tableShape(sqlite: Sqlite, table: string): TableShape {
  let perDb = shapes.get(sqlite);
  if (!perDb) shapes.set(sqlite, (perDb = new Map()));
  let shape = perDb.get(table);
  if (!shape) {
    const info = sqlite.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string; dflt_value: string | null }>;
    const skip = TRIGGER_MAINTAINED[table] ?? new Set();
    const cols = info.filter((c) => c.name !== 'id' && c.name !== ROW_VERSION && !skip.has(c.name));
    const defaults = new Map<string, Value>();
    for (const c of cols) {
      const v = literal(c.dflt_value);
      if (v !== undefined) defaults.set(c.name, v);
    }
    shape = { columns: cols.map((c) => c.name), position: new Map(cols.map((c, i) => [c.name, i])), defaults };
    perDb.set(table, shape);
  }
  return shape;
}

/** Hash of a row image (the values in column order): equal images, equal hashes. */
export function imageHash(image: readonly unknown[]): string {
  // One-shot hash: no Hash object per row (an import hashes every row it writes).
  return hash('sha1', JSON.stringify(image), 'base64');
}

/**
 * Writes rows for one import run and logs each change in import_changes, so the run can be undone
 * exactly: inserts are deleted, updates get their prior image back, deletes are re-inserted with the
 * same id. Uses raw prepared statements — an import of 100k orders writes several hundred thousand rows.
 * Counts what it did per table for the preview and the run record.
 */
export class ChangeWriter {
  private seq = 0;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private readonly log: BetterSqlite3.Statement;
  /** Per range table: the largest id before the run's first insert or delete, the largest it inserted, how many. */
  private readonly ranges = new Map<string, { after: number; last: number; inserted: number }>();
  readonly entities = new Map<string, EntityCounts>();

  constructor(
    readonly sqlite: Sqlite,
    readonly runId: number,
  ) {
    this.log = sqlite.prepare('INSERT INTO import_changes (run_id, seq, table_name, row_id, op, before_json, after_hash) VALUES (?, ?, ?, ?, ?, ?, ?)');
  }

  shape(table: string): TableShape {
    return tableShape(this.sqlite, table);
  }

  private stmt(key: string, sql: () => string): BetterSqlite3.Statement {
    let s = this.statements.get(key);
    if (!s) this.statements.set(key, (s = this.sqlite.prepare(sql())));
    return s;
  }

  count(table: string, what: keyof EntityCounts, n = 1): void {
    let c = this.entities.get(table);
    if (!c) this.entities.set(table, (c = { inserted: 0, updated: 0, unchanged: 0 }));
    c[what] += n;
  }

  /** The image a row would have with these values (defaults filled in, every column present). */
  imageOf(table: string, values: Record<string, unknown>): Value[] {
    const shape = this.shape(table);
    return shape.columns.map((c) => {
      const v = values[c];
      if (v === undefined) return shape.defaults.has(c) ? shape.defaults.get(c)! : null;
      return v as Value;
    });
  }

  /** The range of a range table, its lower end read before the run's first insert or delete there. */
  private range(table: string): { after: number; last: number; inserted: number } | null {
    if (!RANGE_TABLES.has(table)) return null;
    let r = this.ranges.get(table);
    if (!r) {
      if (!this.versioned(table)) return null;
      const max = Number(this.sqlite.prepare(`SELECT coalesce(max(id), 0) FROM ${table}`).pluck().get());
      this.ranges.set(table, (r = { after: max, last: max, inserted: 0 }));
    }
    return r;
  }

  private readonly hasVersion = new Map<string, boolean>();
  private versioned(table: string): boolean {
    let v = this.hasVersion.get(table);
    if (v === undefined) {
      v = (this.sqlite.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).some((c) => c.name === ROW_VERSION);
      this.hasVersion.set(table, v);
    }
    return v;
  }

  insert(table: string, values: Record<string, unknown>): number {
    const shape = this.shape(table);
    const image = this.imageOf(table, values);
    const range = this.range(table);
    const stmt = this.stmt(`i:${table}`, () => `INSERT INTO ${table} (${shape.columns.join(', ')}) VALUES (${shape.columns.map(() => '?').join(', ')})`);
    const id = Number(stmt.run(image).lastInsertRowid);
    if (range && id > range.after) {
      // Logged by the run's range (written by finish()); a later change shows in the row's row_version.
      if (id > range.last) range.last = id;
      range.inserted += 1;
    } else {
      this.log.run(this.runId, (this.seq += 1), table, id, 'insert', null, imageHash(image));
    }
    this.count(table, 'inserted');
    return id;
  }

  /** Records the ranges of ids the run inserted (call once, after the last write of the run). */
  finish(): void {
    const save = this.sqlite.prepare('INSERT OR REPLACE INTO import_inserted (run_id, table_name, after_id, last_id, inserted) VALUES (?, ?, ?, ?, ?)');
    for (const [table, r] of this.ranges) if (r.inserted > 0) save.run(this.runId, table, r.after, r.last, r.inserted);
  }

  /** Current image of a row (null when it does not exist). */
  image(table: string, id: number): Value[] | null {
    const shape = this.shape(table);
    const stmt = this.stmt(`s:${table}`, () => `SELECT ${shape.columns.join(', ')} FROM ${table} WHERE id = ?`);
    return (stmt.raw(true).get(id) as Value[] | undefined) ?? null;
  }

  /** Changes some columns of a row whose current image is `before`; returns the new image. */
  update(table: string, id: number, before: Value[], changes: Record<string, unknown>): Value[] {
    const shape = this.shape(table);
    const names = Object.keys(changes).filter((k) => shape.position.has(k)).sort();
    if (names.length === 0) return before;
    const after = before.slice();
    for (const n of names) after[shape.position.get(n)!] = (changes[n] ?? null) as Value;
    const stmt = this.stmt(`u:${table}:${names.join(',')}`, () => `UPDATE ${table} SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`);
    stmt.run([...names.map((n) => (changes[n] ?? null) as Value), id]);
    this.log.run(this.runId, (this.seq += 1), table, id, 'update', JSON.stringify(before), imageHash(after));
    this.count(table, 'updated');
    return after;
  }

  remove(table: string, id: number, before: Value[]): void {
    this.range(table); // read the largest id before a delete can lower it
    // A versioned row is logged with its row_version after the image, so undo puts it back exactly.
    const logged = this.versioned(table) ? [...before, this.stmt(`v:${table}`, () => `SELECT row_version FROM ${table} WHERE id = ?`).pluck().get(id) as number] : before;
    const stmt = this.stmt(`d:${table}`, () => `DELETE FROM ${table} WHERE id = ?`);
    stmt.run(id);
    this.log.run(this.runId, (this.seq += 1), table, id, 'delete', JSON.stringify(logged), null);
  }

  /** Column value of an image by name. */
  get(table: string, image: readonly Value[], column: string): Value {
    return image[this.shape(table).position.get(column)!] ?? null;
  }

  /** The columns of `wanted` whose value differs from the image (only columns named in `wanted`). */
  diff(table: string, image: readonly Value[], wanted: Record<string, unknown>): Record<string, unknown> {
    const shape = this.shape(table);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(wanted)) {
      const at = shape.position.get(k);
      if (at === undefined || v === undefined) continue;
      if ((image[at] ?? null) !== (v ?? null)) out[k] = v;
    }
    return out;
  }
}
