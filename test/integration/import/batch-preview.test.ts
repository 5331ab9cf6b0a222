import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { commitImport, previewBatch, previewImport } from '../../../electron/core/import/import.service';
import { tempCore, type TempCore } from '../../support/temp-core';
import { contentHash, fixture } from './support';

/**
 * Issue 15 point 7: several files chosen together were each previewed against the database as it is —
 * returns "of an order not in Zaplecze", shipments "invalid" under "Gotowy do importu". A batch is
 * previewed as one, in the order the data depends on, each file as if the ones before it were imported.
 */
let t: TempCore;
beforeEach(async () => {
  t = await tempCore({ now: () => new Date('2026-06-16T08:00:00Z') });
});
afterEach(async () => t.dispose());

// Chosen in the worst order: what depends on others first.
const FILES = ['customer-returns.json', 'checkout-forms.shipments.json', 'checkout-forms.page-1.json', 'offers-szablon.xlsx', 'stan-magazynu.xlsx'];

async function previewAll() {
  const single = [];
  for (const name of FILES) single.push(await previewImport(t.core, { name, path: fixture(name) }));
  return single;
}

describe('issue 15.7: files chosen together are previewed as one', () => {
  it('in dependency order, each as if the earlier ones were imported; nothing is written; the commits do what the previews said', async () => {
    const empty = contentHash(t.core.sqlite);
    const single = await previewAll();
    const alone = Object.fromEntries(single.map((p) => [p.file, p]));
    // Alone, against an empty shop: every return and shipment is for an order Zaplecze does not have.
    expect(alone['customer-returns.json']!.problems.filter((p) => p.code === 'order_not_found' || /nie ma w Zapleczu|not in Zaplecze/.test(p.message.en + p.message.pl)).length).toBeGreaterThan(0);
    expect(alone['checkout-forms.shipments.json']!.counts.inserted).toBe(0);

    const batch = await previewBatch(t.core, single.map((p) => p.token));
    expect(batch.map((p) => p.file)).toEqual(['stan-magazynu.xlsx', 'offers-szablon.xlsx', 'checkout-forms.page-1.json', 'customer-returns.json', 'checkout-forms.shipments.json']);
    const by = Object.fromEntries(batch.map((p) => [p.file, p]));
    expect(by['customer-returns.json']!.counts).toMatchObject({ inserted: 5, rejected: 0 });
    expect(by['customer-returns.json']!.problems.filter((p) => /nie ma w Zapleczu|not in Zaplecze/.test(p.message.en + p.message.pl))).toEqual([]);
    expect(by['checkout-forms.shipments.json']!.counts).toMatchObject({ inserted: 7, rejected: 0 });
    // The orders find the sheet's products through the offers: their open lines reserve stock.
    expect(by['checkout-forms.page-1.json']!.entities.reservations?.inserted ?? 0).toBeGreaterThan(0);
    expect(by['offers-szablon.xlsx']!.counts.inserted).toBe(13);
    expect(contentHash(t.core.sqlite)).toBe(empty);

    // Imported in that order, each does exactly what its batch preview said.
    for (const p of batch) {
      const { run } = await commitImport(t.core, p.token, { mapping: p.mapping?.mapping });
      expect(run.status, p.file).toBe('committed');
      expect({ inserted: run.inserted, updated: run.updated, unchanged: run.unchanged }, p.file).toEqual({ inserted: p.counts.inserted, updated: p.counts.updated, unchanged: p.counts.unchanged });
    }
  });

  it('refreshed after a file is imported and after a mapping changes; through the contract (the import worker)', async () => {
    const b64 = (name: string) => readFileSync(fixture(name)).toString('base64');
    const tokens: string[] = [];
    for (const name of FILES) tokens.push((await call(t.core, 'import.preview', { name, contentBase64: b64(name) })).token);
    const first = await call(t.core, 'import.previewBatch', { tokens });
    expect(first.previews[0]!.file).toBe('stan-magazynu.xlsx');

    // The owner imports the sheet: the rest, previewed again, now see its products in the shop.
    const sheet = first.previews[0]!;
    expect((await call(t.core, 'import.commit', { token: sheet.token, mapping: sheet.mapping!.mapping })).run.status).toBe('committed');
    const rest = await call(t.core, 'import.previewBatch', { tokens: tokens.filter((x) => x !== sheet.token) });
    expect(rest.previews.map((p) => p.file)).toEqual(['offers-szablon.xlsx', 'checkout-forms.page-1.json', 'customer-returns.json', 'checkout-forms.shipments.json']);
    expect(rest.previews[3]!.counts.inserted).toBe(7);

    // A mapping change in a batch member: the batch preview follows it.
    const again = await call(t.core, 'import.preview', { name: 'stan-2.xlsx', contentBase64: b64('stan-magazynu.xlsx') });
    const changed = { ...again.mapping!.mapping, columns: again.mapping!.mapping.columns.map((c) => (c.field === 'quantity' ? { ...c, field: 'reorderPoint' as const } : c)) };
    expect((await call(t.core, 'import.previewBatch', { tokens: [again.token] })).previews[0]!.entities.stockLedger?.inserted ?? 0).toBe(0);
    await call(t.core, 'import.remap', { token: again.token, mapping: changed });
    const withSheet = (await call(t.core, 'import.previewBatch', { tokens: [again.token, rest.previews[1]!.token] })).previews;
    expect(withSheet[0]!.file).toBe('stan-2.xlsx');
    // The same sheet's quantities were booked already; read as the minimum stock instead, products change.
    expect(withSheet[0]!.counts.updated).toBeGreaterThan(0);

    await expect(call(t.core, 'import.previewBatch', { tokens: [] })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call(t.core, 'import.previewBatch', { tokens: ['imp_nie_ma_takiego'] })).rejects.toMatchObject({ code: 'not_found' });
  });
});
