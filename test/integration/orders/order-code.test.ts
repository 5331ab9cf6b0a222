import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { tempCore, type TempCore } from '../../support/temp-core';
import { fixture, importBytes } from '../import/support';
import { insertOrder } from './order-fixtures';

/**
 * Issue 12 point 10: one rule for a scanned or typed order code, on a real SQLite file. A code of our own
 * shape (ZAP-<id>, a bare number) names our order of that number on every screen; an Allegro file whose
 * order ids have that shape is refused, so a scanned slip never opens another buyer's order.
 */
const owner = { role: 'owner' as const };
const helper = { role: 'helper' as const };

let t: TempCore | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

/** The sample checkout forms with the first order's id replaced (as a hostile or odd file would carry). */
function formsWithIds(ids: string[]): Uint8Array {
  const json = JSON.parse(readFileSync(fixture('checkout-forms.page-1.json'), 'utf8')) as { checkoutForms: Array<{ id: string }> };
  ids.forEach((id, i) => (json.checkoutForms[i]!.id = id));
  return new TextEncoder().encode(JSON.stringify(json));
}

describe('order codes: one lookup rule', () => {
  it('an import refuses order ids shaped like our own codes (ZAP-1, 12) and imports the rest with valid rows only', async () => {
    t = await tempCore();
    const own = insertOrder(t.core, { buyerName: 'Anna Nowak', status: 'delivered', boughtAt: '2026-06-01T10:00:00.000Z' });
    expect(own).toBe(1);
    const bytes = formsWithIds(['ZAP-1', '12']);
    const { preview, run } = await importBytes(t.core, 'checkout-forms.json', bytes, { validRowsOnly: true });
    const refused = preview.problems.filter((p) => p.column === 'id' && p.severity === 'error');
    expect(refused.map((p) => p.value).sort()).toEqual(['12', 'ZAP-1']);
    expect(refused[0]!.message.pl).toContain('wygląda jak numer nadany przez Zaplecze');
    expect(run.status).toBe('committed');
    const stored = t.core.sqlite.prepare("SELECT count(*) FROM orders WHERE allegro_order_id IN ('ZAP-1', '12')").pluck().get();
    expect(stored).toBe(0);

    // Scanning ZAP-1 at returns, at the orders screen and at packing all name our order #1.
    expect((await call(t.core, 'orders.lookup', { code: 'ZAP-1' }, helper)).id).toBe(own);
    expect((await call(t.core, 'returns.findOrder', { code: 'ZAP-1' }, helper)).order?.id).toBe(own);
  });

  it('in a shop imported before the check, ZAP-1 still means our order #1 everywhere, and the other order prints its own number', async () => {
    t = await tempCore();
    const own = insertOrder(t.core, { buyerName: 'Anna Nowak', status: 'delivered', boughtAt: '2026-06-01T10:00:00.000Z', lines: [{ name: 'Kubek' }] });
    // What an older version let in: an imported order whose Allegro id is "ZAP-1" (another buyer).
    const imported = insertOrder(t.core, { allegroOrderId: 'ZAP-1', buyerName: 'Obcy Kupujący', status: 'delivered', boughtAt: '2026-06-02T10:00:00.000Z', lines: [{ name: 'Miód' }] });
    const plainImported = insertOrder(t.core, { allegroOrderId: String(own), buyerName: 'Jan Inny', status: 'to_pick', boughtAt: '2026-06-03T10:00:00.000Z', lines: [{ name: 'Świeca' }] });

    for (const code of ['ZAP-1', 'zap-1', ' ZAP 1 ', '1']) {
      expect((await call(t.core, 'orders.lookup', { code }, helper)).id, code).toBe(own);
      expect((await call(t.core, 'returns.findOrder', { code }, helper)).order?.id, code).toBe(own);
    }
    // Its slip and lists show our number for it, which a scan finds back.
    const importedNumber = (await call(t.core, 'returns.findOrder', { code: `ZAP-${imported}` }, helper)).order!.number;
    expect(importedNumber).toBe(`ZAP-${imported}`);
    expect((await call(t.core, 'orders.lookup', { code: importedNumber }, helper)).id).toBe(imported);
    const queue = await call(t.core, 'packing.queue', { filter: 'all' }, owner);
    expect(queue.rows.find((r) => r.id === plainImported)?.number).toBe(`ZAP-${plainImported}`);
    // An ordinary Allegro id is still found as it is, in any case.
    const uuid = insertOrder(t.core, { allegroOrderId: '855ede1c-b7dc-11f1-b936-050c9d5757f4', status: 'delivered', boughtAt: '2026-06-04T10:00:00.000Z' });
    expect((await call(t.core, 'orders.lookup', { code: '855EDE1C-B7DC-11F1-B936-050C9D5757F4' }, helper)).id).toBe(uuid);
    expect((await call(t.core, 'returns.findOrder', { code: '855ede1c-b7dc-11f1-b936-050c9d5757f4' }, helper)).order?.id).toBe(uuid);
  });
});
