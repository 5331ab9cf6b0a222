import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { tempCore, type TempCore } from '../../support/temp-core';
import { receive } from '../orders/order-fixtures';

let t: TempCore;
let clock = Date.parse('2026-06-01T08:00:00.000Z');
let shelfA: number;
let shelfB: number;
let mug: number;

beforeEach(async () => {
  // Each call a second later, so "newest first" has a real order to check.
  t = await tempCore({ now: () => new Date((clock += 1000)) });
  shelfA = (await call(t.core, 'stock.saveLocation', { code: 'A-01', name: 'Regał A' })).id;
  shelfB = (await call(t.core, 'stock.saveLocation', { code: 'B-01' })).id;
  mug = (await call(t.core, 'stock.createProduct', { sku: 'KUB-1', name: 'Kubek', locationId: shelfA, salePriceGrosze: 1999, purchasePriceGrosze: 800 })).product.id;
});
afterEach(async () => t.dispose());

const owner = { role: 'owner' as const };
const helper = { role: 'helper' as const };
const onHand = (id: number) => (t.core.sqlite.prepare('SELECT on_hand FROM products WHERE id = ?').pluck().get(id) as number);
const ledgerSum = (id: number) => (t.core.sqlite.prepare('SELECT COALESCE(SUM(quantity),0) FROM stock_ledger WHERE product_id = ?').pluck().get(id) as number);
const audits = (action: string) => t.core.sqlite.prepare('SELECT actor, entity, entity_id AS entityId, details_json AS details FROM audit_log WHERE action = ?').all(action) as Array<{ actor: string; entity: string; entityId: string; details: string }>;

describe('product edits', () => {
  it('refuses a bad EAN check digit, a negative price and a VAT rate not on the list, naming the field', async () => {
    for (const [input, path] of [
      [{ id: mug, ean: '5901234123458' }, 'ean'],
      [{ id: mug, ean: '59012341234' }, 'ean'],
      [{ id: mug, salePriceGrosze: -1 }, 'salePriceGrosze'],
      [{ id: mug, vatRate: '22' }, 'vatRate'],
      [{ id: mug, salePriceGrosze: 12.5 }, 'salePriceGrosze'],
    ] as const) {
      await expect(call(t.core, 'stock.updateProduct', input)).rejects.toMatchObject({ code: 'invalid_input', details: [expect.objectContaining({ path })] });
    }
    expect(await call(t.core, 'stock.updateProduct', { id: mug, ean: '96385074' })).toMatchObject({ product: { ean: '96385074' } }); // valid EAN-8
  });

  it('refuses a SKU another product has (in any case) with conflict on the sku field', async () => {
    await call(t.core, 'stock.createProduct', { sku: 'TAL-1', name: 'Talerz' });
    await expect(call(t.core, 'stock.updateProduct', { id: mug, sku: 'tal-1' })).rejects.toMatchObject({ code: 'conflict', details: { field: 'sku' } });
    await expect(call(t.core, 'stock.createProduct', { sku: 'KUB-1', name: 'Drugi kubek' })).rejects.toMatchObject({ code: 'conflict', details: { field: 'sku' } });
  });

  it('refuses an edit based on an outdated copy', async () => {
    const before = await call(t.core, 'stock.get', { id: mug });
    await call(t.core, 'stock.updateProduct', { id: mug, name: 'Kubek biały', expectedUpdatedAt: before.product.updatedAt });
    await expect(call(t.core, 'stock.updateProduct', { id: mug, name: 'Kubek czarny', expectedUpdatedAt: before.product.updatedAt })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('lets the helper edit other fields but not prices; the audit says who changed what', async () => {
    const current = (await call(t.core, 'stock.get', { id: mug }, helper)).product;
    // The helper's form sends the unchanged sale price back: allowed.
    await call(t.core, 'stock.updateProduct', { id: mug, name: 'Kubek duży', salePriceGrosze: current.salePriceGrosze, reorderPoint: 4 }, helper);
    await expect(call(t.core, 'stock.updateProduct', { id: mug, salePriceGrosze: 100 }, helper)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(call(t.core, 'stock.updateProduct', { id: mug, purchasePriceGrosze: 100 }, helper)).rejects.toMatchObject({ code: 'forbidden' });
    const entry = audits('product.update').at(-1)!;
    expect(entry.actor).toBe('helper');
    expect(JSON.parse(entry.details)).toEqual({ name: { from: 'Kubek', to: 'Kubek duży' }, reorderPoint: { from: 0, to: 4 } });
  });
});

describe('stock operations', () => {
  it('goods received: one receipt per line with document and unit cost; on-hand follows; helper sees no cost', async () => {
    const plate = (await call(t.core, 'stock.createProduct', { sku: 'TAL-1', name: 'Talerz' })).product.id;
    const result = await call(t.core, 'stock.receive', {
      document: 'WZ 12/06/2026',
      supplier: 'Hurtownia Kowalski',
      lines: [
        { productId: mug, quantity: 24, unitCostGrosze: 750 },
        { productId: plate, quantity: 6, locationId: shelfB },
      ],
      updatePurchasePrice: true,
    });
    expect(result.entries).toMatchObject([
      { kind: 'receipt', quantity: 24, document: 'WZ 12/06/2026', reason: 'receipt.supplier ["Hurtownia Kowalski"]', unitCostGrosze: 750, locationCode: 'A-01', actor: 'owner' },
      { kind: 'receipt', quantity: 6, locationCode: 'B-01', unitCostGrosze: null },
    ]);
    expect(onHand(mug)).toBe(24);
    expect(onHand(plate)).toBe(6);
    expect((await call(t.core, 'stock.get', { id: mug })).product.purchasePriceGrosze).toBe(750);
    const history = await call(t.core, 'stock.history', { productId: mug }, helper);
    expect(history.rows[0]).not.toHaveProperty('unitCostGrosze');
    await expect(call(t.core, 'stock.receive', { document: 'X', lines: [{ productId: mug, quantity: 1, unitCostGrosze: 1 }] }, helper)).rejects.toMatchObject({ code: 'forbidden' });
    expect(audits('stock.receive')).toHaveLength(1);
  });

  it('manual adjustment needs a reason and cannot take stock below zero', async () => {
    receive(t.core, mug, 5);
    await expect(call(t.core, 'stock.adjust', { productId: mug, quantity: -1, reason: '  ' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call(t.core, 'stock.adjust', { productId: mug, quantity: 0, reason: 'x' })).rejects.toMatchObject({ code: 'invalid_input' });
    await call(t.core, 'stock.adjust', { productId: mug, quantity: -2, reason: 'Stłuczone przy rozładunku' }, helper);
    expect(onHand(mug)).toBe(3);
    await expect(call(t.core, 'stock.adjust', { productId: mug, quantity: -4, reason: 'Zgubione' })).rejects.toMatchObject({ code: 'insufficient_stock' });
    expect(onHand(mug)).toBe(3);
    expect(audits('stock.adjust')).toHaveLength(1);
    expect(audits('stock.adjust')[0]!.actor).toBe('helper');
  });

  it('move between shelves: two entries, on-hand unchanged, per-shelf quantities follow; more than is there is refused', async () => {
    receive(t.core, mug, 10); // no shelf in the ledger → counts on the home shelf A-01
    const result = await call(t.core, 'stock.move', { productId: mug, fromLocationId: shelfA, toLocationId: shelfB, quantity: 4 });
    // Stored as a code with the shelves as values (issue 13): the stock history says it in the reader's language.
    expect(result.entries.map((e) => [e.kind, e.quantity, e.locationCode, e.reason])).toEqual([
      ['move', 4, 'B-01', 'stock.move ["A-01","B-01"]'],
      ['move', -4, 'A-01', 'stock.move ["A-01","B-01"]'],
    ]);
    expect(onHand(mug)).toBe(10);
    const detail = await call(t.core, 'stock.get', { id: mug });
    expect(detail.byLocation).toEqual([
      { locationId: shelfA, locationCode: 'A-01', quantity: 6 },
      { locationId: shelfB, locationCode: 'B-01', quantity: 4 },
    ]);
    await expect(call(t.core, 'stock.move', { productId: mug, fromLocationId: shelfB, toLocationId: shelfA, quantity: 5 })).rejects.toMatchObject({ code: 'insufficient_stock' });
    await call(t.core, 'stock.move', { productId: mug, fromLocationId: shelfA, toLocationId: shelfB, quantity: 6, makeHome: true });
    expect((await call(t.core, 'stock.get', { id: mug })).product.locationCode).toBe('B-01');
    expect(ledgerSum(mug)).toBe(onHand(mug));
  });

  it('history is newest first with who, why and which document', async () => {
    await call(t.core, 'stock.receive', { document: 'FV/1', lines: [{ productId: mug, quantity: 3 }] });
    await call(t.core, 'stock.adjust', { productId: mug, quantity: -1, reason: 'Reklamacja', document: 'R/7' }, helper);
    const history = await call(t.core, 'stock.history', { productId: mug });
    expect(history.total).toBe(2);
    expect(history.rows.map((r) => [r.kind, r.quantity, r.actor, r.reason, r.document])).toEqual([
      ['adjustment', -1, 'helper', 'Reklamacja', 'R/7'],
      ['receipt', 3, 'owner', 'receipt', 'FV/1'],
    ]);
  });
});

describe('stocktake', () => {
  it('lists the shelf, writes only the differences as stocktake entries, and can zero the uncounted after confirmation', async () => {
    const plate = (await call(t.core, 'stock.createProduct', { sku: 'TAL-1', name: 'Talerz', locationId: shelfA })).product.id;
    const bowl = (await call(t.core, 'stock.createProduct', { sku: 'MIS-1', name: 'Miska', locationId: shelfA })).product.id;
    const visitor = (await call(t.core, 'stock.createProduct', { sku: 'GAR-1', name: 'Garnek', locationId: shelfB })).product.id;
    receive(t.core, mug, 10);
    receive(t.core, plate, 4);
    receive(t.core, bowl, 2);
    receive(t.core, visitor, 3, shelfA); // booked onto A-01 although its home is B-01

    const sheet = await call(t.core, 'stock.stocktakeSheet', { locationId: shelfA });
    expect(sheet.location.code).toBe('A-01');
    expect(sheet.lines.map((l) => [l.sku, l.expected])).toEqual([
      ['GAR-1', 3],
      ['KUB-1', 10],
      ['MIS-1', 2],
      ['TAL-1', 4],
    ]);

    // Counted: mugs 8 (2 missing), plates 4 (right), garnek 3 (right); bowls not counted.
    const partial = await call(t.core, 'stock.stocktakeCommit', {
      locationId: shelfA,
      counts: [
        { productId: mug, counted: 8 },
        { productId: plate, counted: 4 },
        { productId: visitor, counted: 3 },
      ],
    });
    expect(partial.entries.map((e) => [e.kind, e.quantity, e.locationCode, e.reason])).toEqual([['stocktake', -2, 'A-01', 'stocktake.shelf ["A-01"]']]);
    expect(partial).toMatchObject({ unchanged: 2, skipped: 1 });
    expect(onHand(mug)).toBe(8);
    expect(onHand(bowl)).toBe(2);

    // Second pass: nothing counted, uncounted zeroed (the UI asked first) → bowls and the rest go to 0.
    const zeroed = await call(t.core, 'stock.stocktakeCommit', { locationId: shelfA, counts: [{ productId: bowl, counted: 1 }, { productId: mug, counted: 8 }], zeroUncounted: true });
    expect(zeroed.entries.map((e) => e.quantity).sort((a, b) => a - b)).toEqual([-4, -3, -1]);
    expect(onHand(bowl)).toBe(1);
    expect(onHand(plate)).toBe(0);
    expect(onHand(visitor)).toBe(0);
    for (const id of [mug, plate, bowl, visitor]) expect(ledgerSum(id)).toBe(onHand(id));
    const stocktakes = t.core.sqlite.prepare(`SELECT count(*) FROM stock_ledger WHERE kind = 'stocktake'`).pluck().get();
    expect(stocktakes).toBe(4);
    expect(audits('stock.stocktake')).toHaveLength(2);
  });
});

describe('shelves', () => {
  it('codes are unique regardless of case; a shelf in use cannot be deleted, an unused one can', async () => {
    await expect(call(t.core, 'stock.saveLocation', { code: 'a-01' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(call(t.core, 'stock.deleteLocation', { id: shelfA })).rejects.toMatchObject({ code: 'conflict' });
    expect(await call(t.core, 'stock.deleteLocation', { id: shelfB }, owner)).toEqual({ deleted: true });
    expect((await call(t.core, 'stock.locations', {})).map((l) => [l.code, l.productCount])).toEqual([['A-01', 1]]);
  });
});
