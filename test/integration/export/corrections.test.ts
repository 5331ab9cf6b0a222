import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salesRegisterFile } from '../../../electron/core/export/export.service';
import { tempCore, type TempCore } from '../../support/temp-core';
import { loadSampleOrders, loadSampleReturns, writeShopSettings } from './support/sample-shop';

/**
 * Corrections as an accounting office books them (issue 14 points 5 and 8), on the Allegro sample shop:
 * - a partial refund whose VAT is the difference of the invoice after and before (art. 106j), the
 *   ZAP-1450 case: VAT 12,34 before, 6,91 after → −5,43 (from the refunded 29,01 alone: −5,42);
 * - a return Allegro reports FINISHED, imported from customer-returns without a refund date or amount,
 *   reaches the register in the month it was imported, naming the corrected document.
 */
let t: TempCore;
let orderId: number;
let ids: Map<string, number>;
const at = '2026-06-10T10:00:00.000Z';

beforeAll(async () => {
  t = await tempCore({ now: () => new Date('2026-08-20T08:00:00Z') });
  writeShopSettings(t.core);
  ids = loadSampleOrders(t.core);
  loadSampleReturns(t.core, ids);
  const db = t.core.sqlite;
  // Two mugs at 32,99 (65,98, VAT 12,34 at 23%), paid 10 June; one comes back and 29,01 is refunded on 20 June.
  orderId = Number(
    db
      .prepare(`INSERT INTO orders (source, buyer_name, allegro_status, status, bought_at, payment_type, paid_at, total_to_pay_grosze, currency, delivery_country,
                  invoice_required, created_at, updated_at)
                VALUES ('manual', 'Jan Kowalski', NULL, 'delivered', ?, 'ONLINE', ?, 6598, 'PLN', 'PL', 0, ?, ?)`)
      .run(at, at, at, at).lastInsertRowid,
  );
  const line = db.prepare(`INSERT INTO order_lines (order_id, name, quantity, unit_price_grosze, currency, vat_rate) VALUES (?, 'Kubek', 2, 3299, 'PLN', '23')`).run(orderId).lastInsertRowid;
  const ret = db
    .prepare(`INSERT INTO returns (order_id, status, received_at, refunded_at, refund_grosze, actor, created_at, updated_at)
              VALUES (?, 'closed', '2026-06-18T10:00:00.000Z', '2026-06-20T10:00:00.000Z', 2901, 'owner', ?, ?)`)
    .run(orderId, at, at).lastInsertRowid;
  db.prepare('INSERT INTO return_lines (return_id, order_line_id, quantity) VALUES (?, ?, 1)').run(ret, line);
  // The FINISHED sample return (855ede1c) as the customer-returns import stores it: closed, no refund
  // date or amount, imported on 5 August.
  db.prepare(`UPDATE returns SET refunded_at = NULL, refund_grosze = NULL, updated_at = '2026-08-05T07:00:00.000Z' WHERE allegro_status = 'FINISHED'`).run();
  // The second FINISHED return: the sample file has the honey jar's return (b4fc3f98, a receipt sale)
  // DELIVERED; a later import at 00:30 Warsaw on 13 August (22:30 UTC the 12th) finds it FINISHED, again without a refund date or amount.
  db.prepare(`UPDATE returns SET allegro_status = 'FINISHED', status = 'closed', refunded_at = NULL, refund_grosze = NULL, updated_at = '2026-08-12T22:30:00.000Z' WHERE order_id = ?`).run(
    ids.get('b4fc3f98-167c-11f1-a45d-4483407d442b')!,
  );
});
afterAll(() => t.dispose());

describe('corrections', () => {
  it('a partial refund: VAT as the difference after − before (ZAP-1450: −5,43, not −5,42), naming the receipt it corrects', async () => {
    const { register } = await salesRegisterFile(t.core, '2026-06', 'csv');
    const sale = register.documents.find((d) => d.sale.orderId === orderId && d.kind === 'sale')!;
    expect(sale.rows.map((r) => [r.gross, r.vat])).toEqual([[6598, 1234]]);
    const correction = register.documents.find((d) => d.sale.orderId === orderId && d.kind === 'correction')!;
    expect(correction.documentType).toBe('ZW');
    expect(correction.rows.map((r) => ({ gross: r.gross, net: r.net, vat: r.vat, correctionDate: r.correctionDate, correctedDocument: r.correctedDocument }))).toEqual([
      { gross: -2901, net: -2358, vat: -543, correctionDate: '2026-06-20', correctedDocument: `ZAP-${orderId}` },
    ]);
  });

  it('a return Allegro finished reaches the register in the month it was imported, at the returned goods’ value, with a warning', async () => {
    const july = (await salesRegisterFile(t.core, '2026-07', 'csv')).register;
    expect(july.documents.filter((d) => d.kind === 'correction')).toEqual([]);
    const august = (await salesRegisterFile(t.core, '2026-08', 'csv')).register; // still running: not closed
    const mug = ids.get('855ede1c-b7dc-11f1-b936-050c9d5757f4')!;
    const correction = august.documents.find((d) => d.kind === 'correction' && d.sale.orderId === mug)!;
    expect(correction).toBeDefined();
    expect(correction.gross).toBe(-5999);
    expect(correction.date).toBe('2026-08-05');
    expect(correction.corrects?.number).toBeTruthy();
    expect(august.warnings).toContainEqual({ code: 'refund_date_assumed', orderId: mug, reference: `ZAP-${mug}` });

    // The second: the jar (74,90 at 5 %) on its own import day (Warsaw's), a receipt's return (ZW) naming the receipt.
    const jar = ids.get('b4fc3f98-167c-11f1-a45d-4483407d442b')!;
    const second = august.documents.find((d) => d.kind === 'correction' && d.sale.orderId === jar)!;
    expect({ type: second.documentType, date: second.date, corrects: second.corrects?.number }).toEqual({ type: 'ZW', date: '2026-08-13', corrects: `ZAP-${jar}` });
    expect(second.rows.map((r) => ({ rate: r.rate, gross: r.gross, net: r.net, vat: r.vat, correctionDate: r.correctionDate }))).toEqual([
      { rate: '5', gross: -7490, net: -7134, vat: -356, correctionDate: '2026-08-13' },
    ]);
    expect(august.warnings).toContainEqual({ code: 'refund_date_assumed', orderId: jar, reference: `ZAP-${jar}` });
    // Each FINISHED return once, and no other correction in the month.
    expect(august.documents.filter((d) => d.kind === 'correction').map((d) => d.sale.orderId).sort((a, b) => a - b)).toEqual([mug, jar].sort((a, b) => a - b));
  });
});
