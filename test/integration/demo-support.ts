/**
 * Helpers for the demo-shop tests. The check-digit validators are written here again on purpose,
 * independently of the generator's: a test that reused the generator's own function could not catch
 * its mistake.
 */
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';

/** The clock every demo test pins: a Monday morning in late November (winter time in Warsaw). */
export const DEMO_NOW = new Date('2026-11-23T10:00:00.000Z');

export function isValidEan13(code: string): boolean {
  if (!/^\d{13}$/.test(code)) return false;
  const digits = [...code].map(Number);
  // GS1: weights 1,3,1,3… over the first 12 digits; the 13th makes the total a multiple of 10.
  const total = digits.reduce((sum, d, i) => sum + d * (i % 2 === 0 ? 1 : 3), 0);
  return total % 10 === 0;
}

export function isValidNip(code: string): boolean {
  if (!/^\d{10}$/.test(code)) return false;
  const w = [6, 5, 7, 2, 3, 4, 5, 6, 7];
  const sum = w.reduce((acc, weight, i) => acc + weight * Number(code[i]), 0);
  return sum % 11 !== 10 && sum % 11 === Number(code[9]);
}

/**
 * A checksum of every row of every application table (migration bookkeeping excluded: it records the
 * wall-clock time the schema was created). Two databases with the same checksum hold the same data.
 */
export function dataChecksum(sqlite: BetterSqlite3.Database): { total: string; perTable: Record<string, string> } {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const perTable: Record<string, string> = {};
  const total = createHash('sha256');
  for (const table of tables) {
    const hash = createHash('sha256');
    // Sorted in JS so tables without a rowid (another area's, maybe) are covered too.
    const rows = (sqlite.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).map((row) => JSON.stringify(row)).sort();
    for (const row of rows) hash.update(row).update('\n');
    perTable[table] = hash.digest('hex');
    total.update(table).update(perTable[table]!);
  }
  return { total: total.digest('hex'), perTable };
}
