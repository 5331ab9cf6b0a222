import type BetterSqlite3 from 'better-sqlite3';
import type { ImportRun, UndoCheck } from '../../../shared/contract/import.contract';
import type { Actor } from '../../../shared/domain/roles';
import type { Core } from '../create-core';
import { DomainError } from '../errors';
import { flushSearchIndexes } from '../stock/search-index';
import { imageHash, tableShape } from './apply/change-writer';
import { t } from './problems';
import { getRun } from './runs.repository';

type Sqlite = BetterSqlite3.Database;
type Value = string | number | null;

interface Change {
  seq: number;
  table_name: string;
  row_id: number;
  op: 'insert' | 'update' | 'delete';
  before_json: string | null;
  after_hash: string | null;
}

const TABLE_WORDS: Record<string, { pl: string; en: string }> = {
  orders: { pl: 'zamówienie', en: 'order' },
  order_lines: { pl: 'pozycja zamówienia', en: 'order line' },
  products: { pl: 'towar', en: 'product' },
  offers: { pl: 'oferta', en: 'offer' },
  customers: { pl: 'klient', en: 'customer' },
  reservations: { pl: 'rezerwacja', en: 'reservation' },
  returns: { pl: 'zwrot', en: 'return' },
  return_lines: { pl: 'pozycja zwrotu', en: 'return line' },
  shipments: { pl: 'przesyłka', en: 'shipment' },
  locations: { pl: 'lokalizacja', en: 'location' },
  billing_entries: { pl: 'wpis rozliczeniowy', en: 'billing entry' },
  stock_ledger: { pl: 'ruch magazynowy', en: 'stock movement' },
  packing_scans: { pl: 'skan przy pakowaniu', en: 'packing scan' },
  import_links: { pl: 'powiązanie z towarem', en: 'product link' },
};
const word = (table: string) => TABLE_WORDS[table] ?? { pl: table, en: table };

/** A readable name of a row: the order number, SKU, offer id… */
function describeRow(sqlite: Sqlite, table: string, id: number): string {
  const key: Record<string, string> = { orders: 'allegro_order_id', products: 'sku', offers: 'allegro_offer_id', returns: 'reference_number', customers: 'login', shipments: 'tracking_number', locations: 'code', order_lines: 'name', billing_entries: 'allegro_entry_id' };
  const column = key[table];
  if (!column) return `#${id}`;
  const value = sqlite.prepare(`SELECT ${column} FROM ${table} WHERE id = ?`).pluck().get(id) as string | undefined;
  return value ? String(value) : `#${id}`;
}

function laterRun(sqlite: Sqlite, runId: number, table: string, rowId: number): { id: number; file: string } | null {
  return (
    (sqlite
      .prepare(
        `SELECT c.run_id AS id, r.file_name AS file FROM import_changes c JOIN import_runs r ON r.id = c.run_id
         WHERE c.table_name = ? AND c.row_id = ? AND c.run_id > ? AND r.status = 'committed' ORDER BY c.run_id DESC LIMIT 1`,
      )
      .get(table, rowId, runId) as { id: number; file: string } | undefined) ?? null
  );
}

/** Foreign keys of the database as it is now: child table/column → parent table. */
function foreignKeys(sqlite: Sqlite): Array<{ child: string; column: string; parent: string; withoutRowid: boolean }> {
  const tables = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string; sql: string | null }>;
  const out: Array<{ child: string; column: string; parent: string; withoutRowid: boolean }> = [];
  for (const { name, sql } of tables) {
    for (const fk of sqlite.prepare(`PRAGMA foreign_key_list(${JSON.stringify(name)})`).all() as Array<{ table: string; from: string }>) {
      out.push({ child: name, column: fk.from, parent: fk.table, withoutRowid: /WITHOUT\s+ROWID/i.test(sql ?? '') });
    }
  }
  return out;
}

/**
 * Why a run cannot be undone, or null when it can. Nothing is changed. The rules: every row the run
 * wrote must still be exactly as it left it (a later import or a person changed it → later data
 * depends on it), rows it deleted must not have come back, nothing created later may point at rows it
 * created, and no stock has moved since on products whose stock it set.
 */
export function undoBlocker(sqlite: Sqlite, runId: number): { pl: string; en: string } | null {
  const run = getRun(sqlite, runId);
  if (!run) return t('Nie ma takiego importu.', 'There is no such import.');
  if (run.status === 'undone') return t('Ten import został już cofnięty.', 'This import has already been undone.');
  if (run.status !== 'committed') return t('Ten import niczego nie zmienił (został odrzucony), więc nie ma czego cofać.', 'This import changed nothing (it was rejected), so there is nothing to undo.');

  const changes = sqlite.prepare('SELECT seq, table_name, row_id, op, before_json, after_hash FROM import_changes WHERE run_id = ? ORDER BY seq DESC');
  const seen = new Set<string>();
  const statements = new Map<string, BetterSqlite3.Statement>();
  for (const c of changes.iterate(runId) as Iterable<Change>) {
    const key = `${c.table_name}:${c.row_id}`;
    if (seen.has(key)) continue; // only the run's last change of a row says how the run left it
    seen.add(key);
    const shape = tableShape(sqlite, c.table_name);
    let stmt = statements.get(c.table_name);
    if (!stmt) statements.set(c.table_name, (stmt = sqlite.prepare(`SELECT ${shape.columns.join(', ')} FROM ${c.table_name} WHERE id = ?`).raw(true)));
    const current = stmt.get(c.row_id) as Value[] | undefined;
    const what = word(c.table_name);
    if (c.op === 'delete') {
      if (current) return t(`Po imporcie ponownie pojawił się usunięty wiersz (${what.pl} #${c.row_id}).`, `A row this import removed exists again (${what.en} #${c.row_id}).`);
      continue;
    }
    if (!current) {
      const later = laterRun(sqlite, runId, c.table_name, c.row_id);
      if (later) {
        return t(`${cap(what.pl)} #${c.row_id} z tego importu usunął późniejszy import nr ${later.id} (${later.file}). Najpierw cofnij tamten import.`, `The ${what.en} #${c.row_id} from this import was removed by a later import, no. ${later.id} (${later.file}). Undo that import first.`);
      }
      return t(`${cap(what.pl)} ${'#' + c.row_id} z tego importu została później usunięta — importu nie można cofnąć.`, `The ${what.en} #${c.row_id} from this import was deleted later — the import cannot be undone.`);
    }
    if (imageHash(current) !== c.after_hash) {
      const name = describeRow(sqlite, c.table_name, c.row_id);
      const later = laterRun(sqlite, runId, c.table_name, c.row_id);
      return later
        ? t(`${cap(what.pl)} ${name} zmienił późniejszy import nr ${later.id} (${later.file}). Najpierw cofnij tamten import.`, `The ${what.en} ${name} was changed by a later import, no. ${later.id} (${later.file}). Undo that import first.`)
        : t(`${cap(what.pl)} ${name} zmieniono w Zapleczu po tym imporcie (np. pakowanie, zmiana statusu, powiązanie z towarem). Cofnięcie skasowałoby tę pracę.`, `The ${what.en} ${name} was changed in Zaplecze after this import (e.g. packing, a status change, a product link). Undoing would erase that work.`);
    }
  }

  // Rows the run inserted as a range of ids: all still there, none changed since (row_version), and no
  // later run's range overlapping it (an id freed later and taken again).
  const ranges = insertedRanges(sqlite, runId);
  for (const r of ranges) {
    const what = word(r.table_name);
    // Rows the run itself changed after inserting them are judged by their logged image above.
    const loggedHere = `SELECT row_id FROM import_changes WHERE run_id = ? AND table_name = ? AND row_id > ? AND row_id <= ?`;
    const changed = sqlite
      .prepare(`SELECT id FROM ${r.table_name} WHERE id > ? AND id <= ? AND row_version > 0 AND id NOT IN (${loggedHere}) ORDER BY id LIMIT 1`)
      .pluck()
      .get(r.after_id, r.last_id, runId, r.table_name, r.after_id, r.last_id) as number | undefined;
    if (changed !== undefined) {
      const name = describeRow(sqlite, r.table_name, changed);
      const later = laterRun(sqlite, runId, r.table_name, changed);
      return later
        ? t(`${cap(what.pl)} ${name} zmienił późniejszy import nr ${later.id} (${later.file}). Najpierw cofnij tamten import.`, `The ${what.en} ${name} was changed by a later import, no. ${later.id} (${later.file}). Undo that import first.`)
        : t(`${cap(what.pl)} ${name} zmieniono w Zapleczu po tym imporcie (np. pakowanie, zmiana statusu, powiązanie z towarem). Cofnięcie skasowałoby tę pracę.`, `The ${what.en} ${name} was changed in Zaplecze after this import (e.g. packing, a status change, a product link). Undoing would erase that work.`);
    }
    const present = sqlite.prepare(`SELECT count(*) FROM ${r.table_name} WHERE id > ? AND id <= ?`).pluck().get(r.after_id, r.last_id) as number;
    const removedByRun = sqlite.prepare(`SELECT count(DISTINCT row_id) FROM import_changes WHERE run_id = ? AND table_name = ? AND op = 'delete' AND row_id > ? AND row_id <= ?`).pluck().get(runId, r.table_name, r.after_id, r.last_id) as number;
    if (present + removedByRun < r.inserted) {
      const later = sqlite
        .prepare(
          `SELECT c.run_id AS id, ir.file_name AS file FROM import_changes c JOIN import_runs ir ON ir.id = c.run_id
           WHERE c.table_name = ? AND c.op = 'delete' AND c.row_id > ? AND c.row_id <= ? AND c.run_id > ? AND ir.status = 'committed' ORDER BY c.run_id DESC LIMIT 1`,
        )
        .get(r.table_name, r.after_id, r.last_id, runId) as { id: number; file: string } | undefined;
      return later
        ? t(`${cap(what.pl)} z tego importu usunął późniejszy import nr ${later.id} (${later.file}). Najpierw cofnij tamten import.`, `A ${what.en} from this import was removed by a later import, no. ${later.id} (${later.file}). Undo that import first.`)
        : t(`${cap(what.pl)} z tego importu została później usunięta — importu nie można cofnąć.`, `A ${what.en} from this import was deleted later — the import cannot be undone.`);
    }
    // An id freed later and taken again by a later run: undoing this one would delete that run's row.
    const overlapping = sqlite
      .prepare(
        `SELECT i.run_id AS id, ir.file_name AS file FROM import_inserted i JOIN import_runs ir ON ir.id = i.run_id
         WHERE i.table_name = ? AND i.run_id > ? AND i.after_id < ? AND ir.status = 'committed' ORDER BY i.run_id DESC LIMIT 1`,
      )
      .get(r.table_name, runId, r.last_id) as { id: number; file: string } | undefined;
    if (overlapping) {
      return t(`Późniejszy import nr ${overlapping.id} (${overlapping.file}) dodał dane w miejsce usuniętych z tego importu. Najpierw cofnij tamten import.`, `A later import, no. ${overlapping.id} (${overlapping.file}), added data in place of data removed from this import. Undo that import first.`);
    }
  }

  // Rows created later that point at rows this run created (they would be orphaned or cascade away).
  sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS undo_inserted (table_name TEXT NOT NULL, row_id INTEGER NOT NULL, PRIMARY KEY (table_name, row_id)) WITHOUT ROWID');
  sqlite.exec('DELETE FROM temp.undo_inserted');
  try {
    sqlite.prepare("INSERT OR IGNORE INTO temp.undo_inserted SELECT table_name, row_id FROM import_changes WHERE run_id = ? AND op = 'insert'").run(runId);
    for (const r of ranges) {
      sqlite.prepare(`INSERT OR IGNORE INTO temp.undo_inserted SELECT ?, id FROM ${r.table_name} WHERE id > ? AND id <= ?`).run(r.table_name, r.after_id, r.last_id);
    }
    const parents = new Set((sqlite.prepare('SELECT DISTINCT table_name FROM temp.undo_inserted').pluck().all() as string[]));
    for (const fk of foreignKeys(sqlite)) {
      if (!parents.has(fk.parent) || fk.withoutRowid) continue;
      const ownLedger = fk.child === 'stock_ledger' ? ' AND c.import_run_id IS NOT ?' : '';
      const hit = sqlite
        .prepare(
          `SELECT c.${fk.column} AS parent_id FROM ${fk.child} c
           WHERE c.${fk.column} IN (SELECT row_id FROM temp.undo_inserted WHERE table_name = ?)
             AND NOT EXISTS (SELECT 1 FROM temp.undo_inserted u WHERE u.table_name = ? AND u.row_id = c.rowid)
             -- A row this run updated gets its prior image back, which cannot point at a row the run created
             -- (edits made after the run are refused separately, by the row's after-hash).
             AND NOT EXISTS (SELECT 1 FROM import_changes ch WHERE ch.table_name = ? AND ch.row_id = c.rowid AND ch.run_id = ? AND ch.op = 'update')${ownLedger}
           LIMIT 1`,
        )
        .get(...(ownLedger ? [fk.parent, fk.child, fk.child, runId, runId] : [fk.parent, fk.child, fk.child, runId])) as { parent_id: number } | undefined;
      if (hit) {
        const parent = word(fk.parent);
        const child = word(fk.child);
        const name = describeRow(sqlite, fk.parent, hit.parent_id);
        return t(
          `Późniejsze dane (${child.pl}) odwołują się do danych z tego importu: ${parent.pl} ${name}. Cofnięcie by je usunęło lub osierociło.`,
          `Later data (${child.en}) refers to the ${parent.en} ${name} from this import. Undoing would delete or orphan it.`,
        );
      }
    }
  } finally {
    sqlite.exec('DELETE FROM temp.undo_inserted');
  }

  const moved = sqlite
    .prepare(
      `SELECT p.sku FROM stock_ledger l JOIN products p ON p.id = l.product_id
       WHERE l.import_run_id = ? AND EXISTS (SELECT 1 FROM stock_ledger l2 WHERE l2.product_id = l.product_id AND l2.id > l.id AND l2.import_run_id IS NOT ?)
       LIMIT 1`,
    )
    .pluck()
    .get(runId, runId) as string | undefined;
  if (moved) {
    return t(
      `Stan towaru ${moved} zmienił się po tym imporcie (przyjęcie, sprzedaż, inwentaryzacja). Cofnięcie zafałszowałoby stan magazynu.`,
      `The stock of ${moved} has moved since this import (receipt, sale, stocktake). Undoing would falsify the stock.`,
    );
  }
  return null;
}

interface InsertedRange {
  table_name: string;
  after_id: number;
  last_id: number;
  inserted: number;
}

/** The ranges of ids a run inserted (import_inserted; none before that table existed). */
function insertedRanges(sqlite: Sqlite, runId: number): InsertedRange[] {
  const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'import_inserted'").get();
  if (!exists) return [];
  return sqlite.prepare('SELECT table_name, after_id, last_id, inserted FROM import_inserted WHERE run_id = ?').all(runId) as InsertedRange[];
}

const versioned = new WeakMap<Sqlite, Map<string, boolean>>();
/** Does the table carry row_version (kept by a trigger, see migration 2026-12-07-11)? */
export function hasRowVersion(sqlite: Sqlite, table: string): boolean {
  let perDb = versioned.get(sqlite);
  if (!perDb) versioned.set(sqlite, (perDb = new Map()));
  let v = perDb.get(table);
  if (v === undefined) {
    v = (sqlite.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).some((c) => c.name === 'row_version');
    perDb.set(table, v);
  }
  return v;
}

/** Children before parents, so that deleting a range never leaves a row pointing at a deleted one. */
const RANGE_DELETE_ORDER = ['reservations', 'shipments', 'order_lines', 'orders', 'customers'];

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function checkUndo(core: Core, runId: number): UndoCheck {
  const reason = undoBlocker(core.sqlite, runId);
  return { possible: reason === null, reason };
}

/**
 * Undoes a whole import in one transaction: its ledger entries are deleted (allowed only while the run
 * is 'undoing'), then every logged change is reversed newest first — inserted rows deleted, updated
 * rows given their prior image, deleted rows re-inserted with their old id — so the shop's data is
 * exactly as before. Refuses (not_undoable, with the reason) when later data depends on the run.
 */
export function undoImport(core: Core, runId: number, actor: Actor): ImportRun {
  const { sqlite } = core;
  const tx = sqlite.transaction(() => {
    const reason = undoBlocker(sqlite, runId);
    if (reason) throw new DomainError('not_undoable', reason.en, { reason });
    sqlite.prepare("UPDATE import_runs SET status = 'undoing' WHERE id = ?").run(runId);
    sqlite.prepare('DELETE FROM stock_ledger WHERE import_run_id = ?').run(runId);
    // Newest first, in pages (the connection cannot write while a query is still being read).
    const page = sqlite.prepare('SELECT seq, table_name, row_id, op, before_json, after_hash FROM import_changes WHERE run_id = ? AND seq < ? ORDER BY seq DESC LIMIT 5000');
    function* pages(): Generator<Change> {
      let below = Number.MAX_SAFE_INTEGER;
      for (;;) {
        const rows = page.all(runId, below) as Change[];
        if (rows.length === 0) return;
        yield* rows;
        below = rows.at(-1)!.seq;
      }
    }
    // Rows the run inserted as ranges go first (children before parents): a row the run deleted may then
    // come back without meeting the one that took its place (a reservation of the same line).
    const ranges = insertedRanges(sqlite, runId).sort((a, b) => RANGE_DELETE_ORDER.indexOf(a.table_name) - RANGE_DELETE_ORDER.indexOf(b.table_name));
    let reversed = 0;
    for (const r of ranges) {
      reversed += sqlite.prepare(`DELETE FROM ${r.table_name} WHERE id > ? AND id <= ?`).run(r.after_id, r.last_id).changes;
    }
    const inRange = (table: string, id: number) => ranges.some((r) => r.table_name === table && id > r.after_id && id <= r.last_id);
    const changes = pages();
    // One prepared statement per table and kind of change (a big run reverses hundreds of thousands).
    const statements = new Map<string, BetterSqlite3.Statement>();
    const stmt = (key: string, sql: () => string) => {
      let s = statements.get(key);
      if (!s) statements.set(key, (s = sqlite.prepare(sql())));
      return s;
    };
    for (const c of changes) {
      reversed += 1;
      // A row the run inserted and then changed or deleted did not exist before the run: it stays gone.
      if (inRange(c.table_name, c.row_id)) continue;
      const shape = tableShape(sqlite, c.table_name);
      if (c.op === 'insert') {
        stmt(`d:${c.table_name}`, () => `DELETE FROM ${c.table_name} WHERE id = ?`).run(c.row_id);
      } else if (c.op === 'update') {
        const before = JSON.parse(c.before_json!) as Value[];
        // The run's update counted one change in row_version (a trigger); taking it back takes that back too.
        const version = hasRowVersion(sqlite, c.table_name) ? ', row_version = row_version - 1' : '';
        stmt(`u:${c.table_name}`, () => `UPDATE ${c.table_name} SET ${shape.columns.map((col) => `${col} = ?`).join(', ')}${version} WHERE id = ?`).run([...before.slice(0, shape.columns.length), c.row_id]);
      } else {
        const before = JSON.parse(c.before_json!) as Value[];
        // A deleted row of a versioned table was logged with its row_version after the image.
        if (before.length === shape.columns.length + 1) {
          stmt(`iv:${c.table_name}`, () => `INSERT INTO ${c.table_name} (id, ${shape.columns.join(', ')}, row_version) VALUES (?, ${shape.columns.map(() => '?').join(', ')}, ?)`).run([c.row_id, ...before]);
        } else {
          stmt(`i:${c.table_name}`, () => `INSERT INTO ${c.table_name} (id, ${shape.columns.join(', ')}) VALUES (?, ${shape.columns.map(() => '?').join(', ')})`).run([c.row_id, ...before]);
        }
      }
    }
    sqlite.prepare('DELETE FROM import_changes WHERE run_id = ?').run(runId);
    if (ranges.length) sqlite.prepare('DELETE FROM import_inserted WHERE run_id = ?').run(runId);
    if (sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'import_sources'").get()) sqlite.prepare('DELETE FROM import_sources WHERE run_id = ?').run(runId);
    const at = core.now().toISOString();
    sqlite.prepare("UPDATE import_runs SET status = 'undone', undone_at = ? WHERE id = ?").run(at, runId);
    sqlite
      .prepare("INSERT INTO audit_log (at, actor, action, entity, entity_id, details_json) VALUES (?, ?, 'import.undo', 'import', ?, ?)")
      .run(at, actor, String(runId), JSON.stringify({ changes: reversed }));
  });
  tx();
  flushSearchIndexes(sqlite);
  core.events.emit('data.changed', { areas: ['all'] });
  return getRun(sqlite, runId)!;
}
