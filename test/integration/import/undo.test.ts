import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendLedger } from '../../../electron/core/stock/ledger.repository';
import { undoImport, checkUndo } from '../../../electron/core/import/undo';
import { tempCore, type TempCore } from '../../support/temp-core';
import { contentHash, fixture, importBytes, importPath, readFixture, tableCounts } from './support';

/** Undo restores the previous state exactly, and refuses (saying why) when later data depends on the run. */
let t: TempCore;
beforeEach(async () => {
  t = await tempCore({ now: () => new Date('2026-06-16T08:00:00Z') });
});
afterEach(async () => t.dispose());

const one = <T = unknown>(sql: string, ...args: unknown[]) => t.core.sqlite.prepare(sql).pluck().get(...args) as T;

/** page-1 with one open order cancelled by the buyer later (new revision, later updatedAt). */
function cancelledLater(): Buffer {
  const page = JSON.parse(readFixture('checkout-forms.page-1.json').toString('utf8'));
  const order = page.checkoutForms.find((o: { id: string }) => o.id === '82e163c5-1e42-11f1-9776-5f57a991a695');
  order.status = 'CANCELLED';
  order.fulfillment.status = 'CANCELLED';
  order.revision = 'c4nc3l01';
  order.updatedAt = '2026-06-16T07:00:00.000Z';
  return Buffer.from(JSON.stringify(page));
}

describe('undo', () => {
  it('puts every table back exactly, run after run, newest first', async () => {
    const empty = contentHash(t.core.sqlite);
    const sheet = await importPath(t.core, fixture('stan-magazynu.xlsx'));
    const afterSheet = contentHash(t.core.sqlite);
    const orders = await importPath(t.core, fixture('checkout-forms.page-1.json'));
    const afterOrders = contentHash(t.core.sqlite);
    const reservedBefore = one<number>("SELECT reserved FROM products WHERE sku = 'KUB-LAK-350'");
    expect(reservedBefore).toBeGreaterThan(0);

    // A newer revision cancels an open order: its reservations are released…
    const cancel = await importBytes(t.core, 'checkout-forms.cancelled.json', cancelledLater());
    expect(cancel.run).toMatchObject({ inserted: 0, updated: 1, unchanged: 19 });
    expect(one("SELECT status FROM orders WHERE allegro_order_id LIKE '82e163c5%'")).toBe('cancelled');
    expect(one("SELECT count(*) FROM reservations r JOIN order_lines l ON l.id = r.order_line_id JOIN orders o ON o.id = l.order_id WHERE o.allegro_order_id LIKE '82e163c5%'")).toBe(0);
    expect(one<number>("SELECT reserved FROM products WHERE sku = 'KUB-LAK-350'")).toBe(reservedBefore - 2);

    // …and undoing that import brings them back with the same ids and times.
    expect(checkUndo(t.core, cancel.run.id)).toEqual({ possible: true, reason: null });
    expect(undoImport(t.core, cancel.run.id, 'owner')).toMatchObject({ status: 'undone' });
    expect(contentHash(t.core.sqlite)).toBe(afterOrders);
    expect(one<number>("SELECT reserved FROM products WHERE sku = 'KUB-LAK-350'")).toBe(reservedBefore);

    undoImport(t.core, orders.run.id, 'owner');
    expect(contentHash(t.core.sqlite)).toBe(afterSheet);
    undoImport(t.core, sheet.run.id, 'owner');
    expect(contentHash(t.core.sqlite)).toBe(empty);
    expect(tableCounts(t.core.sqlite)).toMatchObject({ products: 0, stock_ledger: 0, locations: 0, orders: 0, reservations: 0 });
    // The history stays, saying what happened.
    expect(t.core.sqlite.prepare('SELECT status FROM import_runs ORDER BY id').pluck().all()).toEqual(['undone', 'undone', 'undone']);
    expect(one("SELECT count(*) FROM audit_log WHERE action = 'import.undo'")).toBe(3);
    // And the same file imports again as if for the first time (rows now name the new run).
    const again = await importPath(t.core, fixture('stan-magazynu.xlsx'));
    expect(again.run).toMatchObject({ inserted: 12 });
    expect(one('SELECT sum(on_hand) FROM products')).toBe(1694);
  });

  it('refuses an import a later import changed, naming it; after undoing the later one it works', async () => {
    await importPath(t.core, fixture('stan-magazynu.xlsx'));
    const orders = await importPath(t.core, fixture('checkout-forms.page-1.json'));
    const cancel = await importBytes(t.core, 'checkout-forms.cancelled.json', cancelledLater());
    const check = checkUndo(t.core, orders.run.id);
    expect(check.possible).toBe(false);
    expect(check.reason!.en).toContain(`later import, no. ${cancel.run.id} (checkout-forms.cancelled.json)`);
    expect(check.reason!.pl).toContain(`późniejszy import nr ${cancel.run.id}`);
    const before = contentHash(t.core.sqlite);
    expect(() => undoImport(t.core, orders.run.id, 'owner')).toThrow(expect.objectContaining({ code: 'not_undoable' }));
    expect(contentHash(t.core.sqlite)).toBe(before);
    undoImport(t.core, cancel.run.id, 'owner');
    expect(checkUndo(t.core, orders.run.id).possible).toBe(true);
  });

  it('refuses when later data points at rows the import created (orders use its products)', async () => {
    const sheet = await importPath(t.core, fixture('stan-magazynu.xlsx'));
    await importPath(t.core, fixture('checkout-forms.page-1.json'));
    const check = checkUndo(t.core, sheet.run.id);
    expect(check.possible).toBe(false);
    expect(check.reason!.en).toMatch(/Later data \((order line|reservation)\) refers to the product/);
    // Plain Polish (the second person walk read "Do: lokalizacja R3-P3 z tego importu odwołują się…").
    expect(check.reason!.pl).toMatch(/^Późniejsze dane \((pozycja zamówienia|rezerwacja)\) odwołują się do danych z tego importu: towar .+\. Cofnięcie by je usunęło lub osierociło\.$/);
  });

  it('refuses when someone changed an imported order in the app (packing)', async () => {
    await importPath(t.core, fixture('stan-magazynu.xlsx'));
    const orders = await importPath(t.core, fixture('checkout-forms.page-1.json'));
    t.core.sqlite.prepare("UPDATE orders SET status = 'to_pick' WHERE allegro_order_id LIKE '1d8af78c%'").run();
    const check = checkUndo(t.core, orders.run.id);
    expect(check.reason!.en).toBe(
      'The order 1d8af78c-4dae-11f1-b0c0-0da1ab2f2a15 was changed in Zaplecze after this import (e.g. packing, a status change, a product link). Undoing would erase that work.',
    );
  });

  it('refuses when stock has moved since a stock-sheet import', async () => {
    const sheet = await importPath(t.core, fixture('stan-magazynu.xlsx'));
    const sheetAgain = await importBytes(t.core, 'stan-2.csv', Buffer.from('Kod (SKU);Nazwa towaru;Ilość\nKOC-WEL-150;Koc wełniany w kratę 150x200 cm, szary;6\n'), { mapping: undefined });
    expect(sheetAgain.run.status).toBe('committed');
    const productId = one<number>("SELECT id FROM products WHERE sku = 'KOC-WEL-150'");
    await appendLedger(t.core.db, { productId, kind: 'receipt', quantity: 3, reason: 'Dostawa', actor: 'owner' }, new Date('2026-06-16T09:00:00Z'));
    const check = checkUndo(t.core, sheetAgain.run.id);
    expect(check.reason!.en).toContain('The stock of KOC-WEL-150 has moved since this import');
    void sheet;
  });

  it('an orders import logs what it inserted as ranges of the run, not a hashed image per row (issue 15)', async () => {
    await importPath(t.core, fixture('stan-magazynu.xlsx'));
    const before = contentHash(t.core.sqlite);
    const orders = await importPath(t.core, fixture('checkout-forms.page-1.json'));
    expect(orders.run.inserted).toBe(20);
    expect(one("SELECT count(*) FROM import_changes WHERE run_id = ? AND op = 'insert'", orders.run.id)).toBe(0);
    const ranges = t.core.sqlite.prepare('SELECT table_name, inserted FROM import_inserted WHERE run_id = ? ORDER BY table_name').all(orders.run.id);
    expect(ranges).toEqual(expect.arrayContaining([{ table_name: 'orders', inserted: 20 }, { table_name: 'order_lines', inserted: one('SELECT count(*) FROM order_lines') }]));
    expect(checkUndo(t.core, orders.run.id)).toEqual({ possible: true, reason: null });
    undoImport(t.core, orders.run.id, 'owner');
    expect(contentHash(t.core.sqlite)).toBe(before);
    expect(one('SELECT count(*) FROM import_inserted')).toBe(0);
  });

  it('refuses when a line of the import was packed, or its reservation removed, in the app afterwards', async () => {
    await importPath(t.core, fixture('stan-magazynu.xlsx'));
    const orders = await importPath(t.core, fixture('checkout-forms.page-1.json'));
    const line = t.core.sqlite.prepare("SELECT l.id, l.name FROM order_lines l JOIN reservations r ON r.order_line_id = l.id ORDER BY l.id LIMIT 1").get() as { id: number; name: string };
    t.core.sqlite.prepare('UPDATE order_lines SET packed_quantity = 1 WHERE id = ?').run(line.id);
    expect(checkUndo(t.core, orders.run.id).reason!.pl).toBe(`Pozycja zamówienia ${line.name} zmieniono w Zapleczu po tym imporcie (np. pakowanie, zmiana statusu, powiązanie z towarem). Cofnięcie skasowałoby tę pracę.`);
    t.core.sqlite.prepare('UPDATE order_lines SET packed_quantity = 0, row_version = 0 WHERE id = ?').run(line.id);
    expect(checkUndo(t.core, orders.run.id).possible).toBe(true);
    t.core.sqlite.prepare('DELETE FROM reservations WHERE order_line_id = ?').run(line.id);
    const check = checkUndo(t.core, orders.run.id);
    expect(check.possible).toBe(false);
    expect(check.reason!.en).toBe('A reservation from this import was deleted later — the import cannot be undone.');
    const hash = contentHash(t.core.sqlite);
    expect(() => undoImport(t.core, orders.run.id, 'owner')).toThrow(expect.objectContaining({ code: 'not_undoable' }));
    expect(contentHash(t.core.sqlite)).toBe(hash);
  });

  it('says so for a run already undone and for a rejected run', async () => {
    const run = (await importPath(t.core, fixture('billing-entries.json'))).run;
    undoImport(t.core, run.id, 'owner');
    expect(checkUndo(t.core, run.id).reason!.en).toBe('This import has already been undone.');
    const rejected = (await importPath(t.core, fixture('hostile/empty.csv'))).run;
    expect(checkUndo(t.core, rejected.id).reason!.en).toContain('changed nothing');
  });
});
