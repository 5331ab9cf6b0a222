import { sql } from 'kysely';
import type { z } from 'zod';
import type { createPurchaseOrderInput, PurchaseOrderRow, receivePurchaseOrderInput } from '../../../shared/contract/planning.contract';
import { ledgerReason } from '../../../shared/domain/ledger-reasons';
import type { Actor } from '../../../shared/domain/roles';
import { recordAudit } from '../audit/audit.repository';
import type { Core } from '../create-core';
import { DomainError } from '../errors';
import { csvBytes } from '../export/csv-writer';
import { warsawDate } from '../orders/dispatch-promise';
import { esc } from '../print/html-text';
import { plDate, plDateTime } from '../print/print-format';
import { printDocument } from '../print/print-document';
import { pageSizeOf } from '../print/print-document';
import { getSettings } from '../settings/settings.service';
import { appendLedger } from '../stock/ledger.repository';
import { prepared } from '../stock/product.repository';
import { arrivalDay } from './reorder.service';
import { getSupplier } from './suppliers.service';

type CreateInput = z.output<typeof createPurchaseOrderInput>;
type ReceiveInput = z.output<typeof receivePurchaseOrderInput>;

const HEAD_SQL = `SELECT o.id, o.number, o.supplier_id AS supplierId, s.name AS supplierName, o.status, o.created_at AS createdAt,
  o.expected_at AS expectedAt, o.received_at AS receivedAt
  FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id`;
const LINES_SQL = `SELECT l.product_id AS productId, p.sku, p.name, p.ean, l.quantity, l.received_quantity AS receivedQuantity, l.unit_cost_grosze AS unitCostGrosze
  FROM purchase_order_lines l JOIN products p ON p.id = l.product_id WHERE l.purchase_order_id = ? ORDER BY l.id`;

function withLines(core: Core, head: Omit<PurchaseOrderRow, 'lines' | 'totalGrosze'>): PurchaseOrderRow {
  const lines = prepared(core.sqlite, LINES_SQL).all(head.id) as PurchaseOrderRow['lines'];
  const totalGrosze = lines.reduce((s, l) => s + l.quantity * (l.unitCostGrosze ?? 0), 0);
  return { ...head, totalGrosze, lines };
}

export function getPurchaseOrder(core: Core, id: number): PurchaseOrderRow {
  const head = prepared(core.sqlite, `${HEAD_SQL} WHERE o.id = ?`).get(id) as Omit<PurchaseOrderRow, 'lines' | 'totalGrosze'> | undefined;
  if (!head) throw new DomainError('not_found', `There is no purchase order with id ${id}.`, { purchaseOrderId: id });
  return withLines(core, head);
}

export function listPurchaseOrders(core: Core): PurchaseOrderRow[] {
  const heads = prepared(core.sqlite, `${HEAD_SQL} ORDER BY o.id DESC LIMIT 200`).all() as Array<Omit<PurchaseOrderRow, 'lines' | 'totalGrosze'>>;
  return heads.map((h) => withLines(core, h));
}

/** A purchase order to one supplier, numbered ZD/<n>/<year>; it expects the goods after the supplier's lead time. */
export function createPurchaseOrder(core: Core, input: CreateInput, actor: Actor): PurchaseOrderRow {
  const supplier = getSupplier(core, input.supplierId);
  const now = core.now();
  const at = now.toISOString();
  const year = warsawDate(now).slice(0, 4);
  const seen = new Set<number>();
  for (const line of input.lines) {
    if (seen.has(line.productId)) throw new DomainError('invalid_input', 'A product appears twice in the order.', { productId: line.productId });
    seen.add(line.productId);
  }
  const id = core.sqlite.transaction(() => {
    const last = prepared(core.sqlite, "SELECT count(*) FROM purchase_orders WHERE number LIKE ?").pluck().get(`ZD/%/${year}`) as number;
    const number = `ZD/${last + 1}/${year}`;
    const id = Number(
      prepared(core.sqlite, 'INSERT INTO purchase_orders (number, supplier_id, status, service_level, created_at, expected_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        number, supplier.id, 'open', input.serviceLevel, at, arrivalDay(now, supplier.leadTimeDays), actor,
      ).lastInsertRowid,
    );
    for (const line of input.lines) {
      const product = prepared(core.sqlite, 'SELECT purchase_price_grosze AS cost FROM products WHERE id = ?').get(line.productId) as { cost: number | null } | undefined;
      if (!product) throw new DomainError('not_found', `There is no product with id ${line.productId}.`, { productId: line.productId });
      prepared(core.sqlite, 'INSERT INTO purchase_order_lines (purchase_order_id, product_id, quantity, unit_cost_grosze) VALUES (?, ?, ?, ?)').run(id, line.productId, line.quantity, product.cost);
    }
    prepared(core.sqlite, 'INSERT INTO audit_log (at, actor, action, entity, entity_id, details_json) VALUES (?, ?, ?, ?, ?, ?)').run(
      at, actor, 'purchaseOrder.create', 'purchase_order', String(id), JSON.stringify({ number, supplierId: supplier.id, lines: input.lines }),
    );
    return id;
  })();
  core.events.emit('data.changed', { areas: ['stock'] });
  return getPurchaseOrder(core, id);
}

/**
 * Goods received against a purchase order: each line received books an ordinary receipt in the ledger
 * (document: the supplier's delivery note; reason names the order), and the order counts received
 * against ordered. Receiving more than ordered is allowed (suppliers round up); the order is received
 * once every line has at least what was ordered.
 */
export async function receivePurchaseOrder(core: Core, input: ReceiveInput, actor: Actor): Promise<PurchaseOrderRow> {
  const order = getPurchaseOrder(core, input.id);
  if (order.status === 'received' || order.status === 'cancelled') throw new DomainError('conflict', `Purchase order ${order.number} is already closed.`, { status: order.status });
  const byProduct = new Map(order.lines.map((l) => [l.productId, l]));
  for (const line of input.lines) {
    if (!byProduct.has(line.productId)) throw new DomainError('invalid_input', 'This product is not on the purchase order.', { productId: line.productId });
  }
  const lines = input.lines.filter((l) => l.quantity > 0);
  if (lines.length === 0) throw new DomainError('invalid_input', 'Nothing was received: enter the units that came.', { field: 'lines' });
  const at = core.now();
  await core.db.transaction().execute(async (trx) => {
    for (const line of lines) {
      const home = prepared(core.sqlite, 'SELECT default_location_id AS loc FROM products WHERE id = ?').get(line.productId) as { loc: number | null };
      await appendLedger(
        trx,
        {
          productId: line.productId,
          locationId: home.loc,
          kind: 'receipt',
          quantity: line.quantity,
          reason: ledgerReason('receipt.purchase_order', order.number, order.supplierName),
          document: input.document,
          unitCostGrosze: byProduct.get(line.productId)!.unitCostGrosze,
          actor,
        },
        at,
      );
      await sql`UPDATE purchase_order_lines SET received_quantity = received_quantity + ${line.quantity} WHERE purchase_order_id = ${order.id} AND product_id = ${line.productId}`.execute(trx);
    }
    const open = await sql<{ n: number }>`SELECT count(*) AS n FROM purchase_order_lines WHERE purchase_order_id = ${order.id} AND received_quantity < quantity`.execute(trx);
    const done = Number(open.rows[0]?.n ?? 0) === 0;
    await sql`UPDATE purchase_orders SET status = ${done ? 'received' : 'partly_received'}, received_at = ${done ? at.toISOString() : null} WHERE id = ${order.id}`.execute(trx);
    await recordAudit(trx, { actor, action: 'purchaseOrder.receive', entity: 'purchase_order', entityId: order.id, details: { document: input.document, lines } }, at);
  });
  core.events.emit('data.changed', { areas: ['stock', 'products'] });
  return getPurchaseOrder(core, order.id);
}

function money(grosze: number): string {
  const sign = grosze < 0 ? '−' : '';
  const abs = Math.abs(grosze);
  const zl = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${sign}${zl},${String(abs % 100).padStart(2, '0')}\u00a0zł`;
}

const CSS = `
.head { display: flex; justify-content: space-between; border-bottom: 0.4mm solid #000; padding-bottom: 2mm; margin-bottom: 3mm; }
.doc { font-weight: 700; font-size: 1.5em; }
.muted { color: #444; font-size: 0.85em; }
.parties { display: flex; gap: 10mm; margin-bottom: 4mm; }
.parties div { flex: 1; white-space: pre-line; }
table { width: 100%; border-collapse: collapse; }
th { text-align: left; font-size: 0.8em; border-bottom: 0.3mm solid #000; padding: 1mm; }
td { border-bottom: 0.2mm solid #888; padding: 1mm; vertical-align: top; }
.num { text-align: right; white-space: nowrap; }
.total td { font-weight: 700; border-bottom: none; }
`;

/** The purchase order as a printable A4 document (supplier, buyer, lines, expected delivery). */
export async function purchaseOrderHtml(core: Core, order: PurchaseOrderRow): Promise<string> {
  const settings = await getSettings(core.db);
  const supplier = getSupplier(core, order.supplierId);
  const rows = order.lines
    .map((l, i) => `<tr><td>${i + 1}</td><td>${esc(l.sku)}${l.ean ? `<div class="muted">${esc(l.ean)}</div>` : ''}</td><td>${esc(l.name)}</td><td class="num">${l.quantity}</td>` +
      `<td class="num">${l.unitCostGrosze === null ? '—' : money(l.unitCostGrosze)}</td><td class="num">${l.unitCostGrosze === null ? '—' : money(l.unitCostGrosze * l.quantity)}</td></tr>`)
    .join('');
  const section =
    `<section class="sheet">` +
    `<header class="head"><div><div class="doc">Zamówienie ${esc(order.number)}</div><div class="muted">Wystawiono: ${esc(plDateTime(new Date(order.createdAt)))}</div></div>` +
    `<div>Oczekiwana dostawa: <b>${esc(plDate(order.expectedAt))}</b></div></header>` +
    `<div class="parties"><div><b>Zamawiający</b>\n${esc(settings.shopName ?? '')}\n${esc(settings.shopAddress ?? '')}${settings.shopNip ? `\nNIP ${esc(settings.shopNip)}` : ''}</div>` +
    `<div><b>Dostawca</b>\n${esc(supplier.name)}${supplier.nip ? `\nNIP ${esc(supplier.nip)}` : ''}${supplier.email ? `\n${esc(supplier.email)}` : ''}</div></div>` +
    `<table><thead><tr><th>Lp.</th><th>SKU / EAN</th><th>Produkt</th><th class="num">Ilość</th><th class="num">Cena netto</th><th class="num">Wartość</th></tr></thead>` +
    `<tbody>${rows}<tr class="total"><td colspan="5" class="num">Razem</td><td class="num">${money(order.totalGrosze)}</td></tr></tbody></table>` +
    `</section>`;
  return printDocument({ title: `Zamówienie ${order.number}`, format: 'a4', css: CSS, sections: [section], pageNumbers: true });
}

export function purchaseOrderCsv(order: PurchaseOrderRow): Uint8Array {
  const rows = [['SKU', 'EAN', 'Nazwa', 'Ilość', 'Cena netto (zł)']];
  for (const l of order.lines) rows.push([l.sku, l.ean ?? '', l.name, String(l.quantity), l.unitCostGrosze === null ? '' : (l.unitCostGrosze / 100).toFixed(2).replace('.', ',')]);
  return csvBytes(rows);
}

function fileBase(order: PurchaseOrderRow): string {
  return `zamowienie-${order.number.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/** Prints the purchase order, saves it as a PDF, or saves its lines as CSV for the supplier's system. */
export async function deliverPurchaseOrder(core: Core, id: number, action: 'print' | 'pdf' | 'csv'): Promise<{ done: boolean; fileName: string; savedTo: string | null }> {
  const order = getPurchaseOrder(core, id);
  const saveTarget = core.ports.saveTarget;
  if (action === 'csv') {
    const fileName = `${fileBase(order)}.csv`;
    if (!saveTarget) throw new DomainError('internal', 'Saving files is not available in this environment.');
    const savedTo = await saveTarget.save(fileName, purchaseOrderCsv(order), 'csv');
    return { done: savedTo !== null, fileName, savedTo };
  }
  const html = await purchaseOrderHtml(core, order);
  const fileName = `${fileBase(order)}.pdf`;
  const printer = core.ports.printer;
  if (action === 'print') {
    if (!printer?.printHtml) throw new DomainError('internal', 'Printing through a print dialog is not available here; save a PDF instead.');
    return { done: await printer.printHtml(html, pageSizeOf('a4')), fileName, savedTo: null };
  }
  if (!printer) throw new DomainError('internal', 'No PDF renderer is available in this environment.');
  if (!saveTarget) throw new DomainError('internal', 'Saving files is not available in this environment.');
  const savedTo = await saveTarget.save(fileName, await printer.htmlToPdf(html, pageSizeOf('a4')), 'pdf');
  return { done: savedTo !== null, fileName, savedTo };
}
