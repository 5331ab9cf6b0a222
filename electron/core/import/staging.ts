import { hash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { openRawSqlite } from '../db/connection';
import { rmSync } from 'node:fs';
import type { StagedKind } from './records';
import { tempPath } from './source';

export interface StagedRecord<T> {
  seq: number;
  key: string;
  parent: string | null;
  row: number | null;
  path: string | null;
  data: T;
  raw: string | null;
}

/**
 * What an order's `raw` holds in staging: a digest of its source text, not the text. It only tells an
 * order repeated unchanged from one that differs (the source is kept once, by the run); the text was
 * 2.4 KB an order written to the scratch file and read back (issue 15).
 */
export function rawDigest(text: string): string {
  return hash('sha1', text, 'base64');
}

/**
 * A private scratch SQLite file per preview, holding the parsed, normalised records keyed by their
 * natural key. Parsing happens here, outside the shop database's write transaction; the commit then
 * reads the records back in file order. Being SQLite, it also deduplicates by key and joins the
 * sections of a CSV (line items before their orders) in bounded memory.
 */
export class Staging {
  readonly file = tempPath('.staging.db');
  private readonly db: BetterSqlite3.Database;
  private readonly insert: BetterSqlite3.Statement;
  private readonly find: BetterSqlite3.Statement;
  private readonly replaceStmt: BetterSqlite3.Statement;
  private pending = 0;
  private closed = false;
  /** The file the records were read from (kept once, compressed, by an orders CSV import). */
  sourcePath: string | null = null;

  constructor() {
    // The process's addon (the Electron build inside the app), not necessarily npm's Node build.
    this.db = openRawSqlite(this.file);
    // Scratch data: a crash loses nothing of value, so no journal and no fsync.
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.exec(`
      CREATE TABLE rec (
        seq    INTEGER PRIMARY KEY,
        kind   TEXT NOT NULL,
        key    TEXT NOT NULL,
        parent TEXT,
        row    INTEGER,
        path   TEXT,
        data   TEXT NOT NULL,
        raw    TEXT
      );
      CREATE UNIQUE INDEX rec_key ON rec(kind, key);
      CREATE INDEX rec_parent ON rec(kind, parent) WHERE parent IS NOT NULL;
    `);
    this.insert = this.db.prepare('INSERT OR IGNORE INTO rec (kind, key, parent, row, path, data, raw) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.find = this.db.prepare('SELECT seq, key, parent, row, path, data, raw FROM rec WHERE kind = ? AND key = ?');
    this.replaceStmt = this.db.prepare('UPDATE rec SET row = ?, path = ?, data = ?, raw = ? WHERE kind = ? AND key = ?');
    this.db.exec('BEGIN');
  }

  /** Adds a record; returns false (and changes nothing) when one with the same key is already staged. */
  put(kind: StagedKind, key: string, data: unknown, place: { row?: number | null; path?: string | null; parent?: string | null; raw?: string | null }): boolean {
    const result = this.insert.run(kind, key, place.parent ?? null, place.row ?? null, place.path ?? null, this.encode(data), place.raw ?? null);
    this.tick();
    return result.changes === 1;
  }

  get<T>(kind: StagedKind, key: string): StagedRecord<T> | null {
    const row = this.find.get(kind, key) as { seq: number; key: string; parent: string | null; row: number | null; path: string | null; data: string; raw: string | null } | undefined;
    return row ? { ...row, data: this.decode<T>(row.data) } : null;
  }

  /**
   * A record's top-level keys are kept once per shape, in memory, not in every row: the text is
   * `[shape, ...values]` (`[-1, value]` for anything but a plain object). A staged order was 1.4 KB of
   * JSON, over half of it key names — the staging file is the largest transient file of a big import
   * (issue 15). Keys whose value is undefined are left out, as JSON.stringify leaves them out.
   */
  private readonly shapes: string[][] = [];
  private readonly shapeIds = new Map<string, number>();

  private encode(data: unknown): string {
    if (data === null || typeof data !== 'object' || Array.isArray(data) || Object.getPrototypeOf(data) !== Object.prototype) return JSON.stringify([-1, data]);
    const keys: string[] = [];
    const values: unknown[] = [];
    for (const [k, v] of Object.entries(data)) {
      if (v === undefined || typeof v === 'function') continue;
      keys.push(k);
      values.push(v);
    }
    const signature = keys.join('\u0000');
    let id = this.shapeIds.get(signature);
    if (id === undefined) {
      id = this.shapes.push(keys) - 1;
      this.shapeIds.set(signature, id);
    }
    return JSON.stringify([id, ...values]);
  }

  private decode<T>(text: string): T {
    const row = JSON.parse(text) as unknown[];
    const id = row[0] as number;
    if (id === -1) return row[1] as T;
    const keys = this.shapes[id]!;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i += 1) out[keys[i]!] = row[i + 1];
    return out as T;
  }

  /** Replaces the data of a staged record (a newer revision of the same order later in the file). */
  replace(kind: StagedKind, key: string, data: unknown, place: { row?: number | null; path?: string | null; raw?: string | null }): void {
    this.replaceStmt.run(place.row ?? null, place.path ?? null, this.encode(data), place.raw ?? null, kind, key);
    this.tick();
  }

  private tick(): void {
    this.pending += 1;
    if (this.pending >= 5000) {
      this.db.exec('COMMIT; BEGIN');
      this.pending = 0;
    }
  }

  /** Ends the writing phase. */
  seal(): void {
    if (this.db.inTransaction) this.db.exec('COMMIT');
  }

  count(kind: StagedKind): number {
    return this.db.prepare('SELECT count(*) FROM rec WHERE kind = ?').pluck().get(kind) as number;
  }

  // Prepared once: a statement prepared per call holds native memory until garbage collection, which
  // does not see it — 100k calls would hold hundreds of MB.
  private hasStatement: BetterSqlite3.Statement | null = null;
  private childCountStatement: BetterSqlite3.Statement | null = null;
  has(kind: StagedKind, key: string): boolean {
    this.hasStatement ??= this.db.prepare('SELECT 1 FROM rec WHERE kind = ? AND key = ?');
    return this.hasStatement.get(kind, key) !== undefined;
  }

  /** Records of a kind in the order they first appeared in the file (streamed). */
  *iterate<T>(kind: StagedKind): Generator<StagedRecord<T>> {
    const stmt = this.db.prepare('SELECT seq, key, parent, row, path, data, raw FROM rec WHERE kind = ? ORDER BY seq');
    for (const row of stmt.iterate(kind) as Iterable<{ seq: number; key: string; parent: string | null; row: number | null; path: string | null; data: string; raw: string | null }>) {
      yield { ...row, data: this.decode<T>(row.data) };
    }
  }

  /**
   * Records of `kind` in file order, each with its `childKind` records (in file order) — one query for the
   * whole file instead of one per record, which a 100k-order CSV would otherwise run 100k times.
   * `+p.kind` keeps the planner on the table in file order (children come from rec_parent in file order
   * too), so both ORDER BY terms come free; through rec_key it sorted the whole file in a temp B-tree.
   */
  *iterateWithChildren<T, C>(kind: StagedKind, childKind: StagedKind): Generator<{ record: StagedRecord<T>; children: Array<StagedRecord<C>> }> {
    const stmt = this.db.prepare(
      `SELECT p.seq, p.key, p.parent, p.row, p.path, p.data, p.raw, c.seq, c.key, c.parent, c.row, c.path, c.data, c.raw
       FROM rec p LEFT JOIN rec c ON c.kind = ? AND c.parent = p.key
       WHERE +p.kind = ? ORDER BY p.seq, c.seq`,
    ).raw(true);
    type Raw = [number, string, string | null, number | null, string | null, string, string | null];
    let current: { record: StagedRecord<T>; children: Array<StagedRecord<C>> } | null = null;
    for (const row of stmt.iterate(childKind, kind) as Iterable<[...Raw, ...Raw]>) {
      if (!current || current.record.seq !== row[0]) {
        if (current) yield current;
        current = { record: { seq: row[0], key: row[1], parent: row[2], row: row[3], path: row[4], data: this.decode<T>(row[5]), raw: row[6] }, children: [] };
      }
      if (row[7] !== null) current.children.push({ seq: row[7], key: row[8], parent: row[9], row: row[10], path: row[11], data: this.decode<C>(row[12]), raw: row[13] });
    }
    if (current) yield current;
  }

  /** Every key of a kind (for small kinds, such as the keys of rejected orders). */
  keys(kind: StagedKind): Set<string> {
    return new Set(this.db.prepare('SELECT key FROM rec WHERE kind = ?').pluck().all(kind) as string[]);
  }

  /** How many `kind` records name `parent` (an order's line items; read by index for the preview's few rows). */
  childCount(kind: StagedKind, parent: string): number {
    this.childCountStatement ??= this.db.prepare('SELECT count(*) FROM rec WHERE kind = ? AND parent = ?');
    return this.childCountStatement.pluck().get(kind, parent) as number;
  }

  /** Parent keys named by records of a kind (orders that have bad line items). */
  parents(kind: StagedKind): Set<string> {
    return new Set(this.db.prepare('SELECT DISTINCT parent FROM rec WHERE kind = ? AND parent IS NOT NULL').pluck().all(kind) as string[]);
  }

  /** Keys of `kind` records whose parent key has no record of `parentKind` (line items without an order). */
  orphans(kind: StagedKind, parentKind: StagedKind): Array<{ key: string; parent: string; row: number | null }> {
    return this.db
      .prepare('SELECT c.key, c.parent, c.row FROM rec c WHERE c.kind = ? AND NOT EXISTS (SELECT 1 FROM rec p WHERE p.kind = ? AND p.key = c.parent) ORDER BY c.seq')
      .all(kind, parentKind) as Array<{ key: string; parent: string; row: number | null }>;
  }

  /** Records of `kind` that no `childKind` record names as parent (orders without line items). */
  childless(kind: StagedKind, childKind: StagedKind): Array<{ key: string; row: number | null }> {
    return this.db
      .prepare('SELECT p.key, p.row FROM rec p WHERE p.kind = ? AND NOT EXISTS (SELECT 1 FROM rec c WHERE c.kind = ? AND c.parent = p.key) ORDER BY p.seq')
      .all(kind, childKind) as Array<{ key: string; row: number | null }>;
  }

  dispose(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.db.close();
    } finally {
      rmSync(this.file, { force: true });
    }
  }
}
