import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Core } from '../../../electron/core/create-core';
import { commitImport, previewImport, type CommitOptions } from '../../../electron/core/import/import.service';

export const FIXTURES = join(__dirname, '../../fixtures/allegro');
export const fixture = (name: string) => join(FIXTURES, name);
export const hostile = (name: string) => join(FIXTURES, 'hostile', name);

/**
 * Tables that record the history of imports rather than the shop's data: an import (or its undo)
 * always adds a run and an audit entry, so "the database is unchanged" means every other table.
 */
// results_dirty*: the Wyniki queue of orders/products whose facts are to be recomputed (a derived cache
// that triggers fill on every change; undo marks the rows it puts back dirty too). at_risk_changes: the
// same kind of log for the orders-at-risk list (migration 2026-12-07-20), also written by undo.
const HISTORY = new Set(['import_runs', 'import_changes', 'import_inserted', 'import_sources', 'audit_log', 'results_dirty', 'results_dirty_products', 'at_risk_changes']);

/**
 * A hash of the content of every table of the shop (rows in rowid order, values with their types),
 * except the import history and SQLite/Kysely internals. FTS5 index tables are left out: they are a
 * derived cache whose pages may be laid out differently after a delete and re-insert.
 */
export function contentHash(sqlite: BetterSqlite3.Database): string {
  const tables = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name")
    .all() as Array<{ name: string; sql: string | null }>;
  const virtual = tables.filter((t) => /CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => t.name);
  const hash = createHash('sha256');
  for (const { name, sql } of tables) {
    if (HISTORY.has(name) || virtual.includes(name) || virtual.some((v) => name.startsWith(`${v}_`))) continue;
    const order = /WITHOUT\s+ROWID/i.test(sql ?? '') ? '1' : 'rowid';
    hash.update(`\u0000${name}\u0000`);
    for (const row of sqlite.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).raw(true).iterate() as Iterable<unknown[]>) {
      hash.update(JSON.stringify(row.map((v) => (typeof v === 'number' && !Number.isInteger(v) ? `f${v}` : v))));
      hash.update('\n');
    }
  }
  return hash.digest('hex');
}

/** Counts of the shop's tables, for readable assertions. */
export function tableCounts(sqlite: BetterSqlite3.Database): Record<string, number> {
  const names = ['products', 'offers', 'locations', 'customers', 'orders', 'order_lines', 'reservations', 'shipments', 'returns', 'return_lines', 'stock_ledger', 'billing_entries'];
  return Object.fromEntries(names.map((n) => [n, sqlite.prepare(`SELECT count(*) FROM ${n}`).pluck().get() as number]));
}

/** Today in Warsaw by the core's clock, YYYY-MM-DD. */
export function warsawToday(core: Core): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' }).format(core.now());
}

/**
 * Preview (rehearsed) then commit a file from disk, as the app does. A stock sheet that does not state
 * its day is imported as counted today — the answer an owner gives for a fresh count (the day itself is
 * tested in stock-count-day.test.ts); pass `countedOn` to say otherwise.
 */
export async function importPath(core: Core, path: string, options: CommitOptions = {}) {
  const name = path.split('/').pop()!;
  const preview = await previewImport(core, { name, path });
  const result = await commitImport(core, preview.token, { mapping: preview.mapping?.mapping, ...(preview.needsCountedOn ? { countedOn: warsawToday(core) } : {}), ...options });
  return { preview, ...result };
}

/** The same from bytes (drag and drop). */
export async function importBytes(core: Core, name: string, bytes: Uint8Array, options: CommitOptions = {}) {
  const preview = await previewImport(core, { name, bytes });
  const result = await commitImport(core, preview.token, { mapping: preview.mapping?.mapping, ...(preview.needsCountedOn ? { countedOn: warsawToday(core) } : {}), ...options });
  return { preview, ...result };
}

export function readFixture(name: string): Buffer {
  return readFileSync(fixture(name));
}
