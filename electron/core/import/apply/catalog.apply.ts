import { ledgerReason } from '../../../../shared/domain/ledger-reasons';
import { OPEN_ORDER_STATUSES } from '../../../../shared/domain/order-status';
import { t } from '../problems';
import type { OfferRecord, SheetMetaRecord, StockRowRecord } from '../records';
import { STOCK_CHANGE_COLUMN } from '../formats/stock-sheet';
import { dateTime } from '../text/values';
import type { ApplyContext, ApplyCounts } from './context';

type Value = string | number | null;

/**
 * Order lines nothing matched before get a product now that products or offers exist (the owner may
 * import the orders first and the stock sheet later) — and open orders reserve stock for them.
 */
export function relinkUnmatchedLines(ctx: ApplyContext): void {
  const { sqlite, writer, matcher, at } = ctx;
  const shape = writer.shape('order_lines');
  const rows = sqlite
    .prepare(
      `SELECT l.id, o.status, ${shape.columns.map((c) => `l.${c}`).join(', ')}
       FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.product_id IS NULL`,
    )
    .raw(true)
    .all() as Value[][];
  const open = new Set<string>(OPEN_ORDER_STATUSES);
  const reservedStmt = sqlite.prepare('SELECT 1 FROM reservations WHERE order_line_id = ?');
  for (const row of rows) {
    const id = row[0] as number;
    const status = row[1] as string;
    const image = row.slice(2);
    const productId = matcher.matchLine(writer.get('order_lines', image, 'offer_id') as string | null, writer.get('order_lines', image, 'external_id') as string | null);
    if (productId === null) continue;
    writer.update('order_lines', id, image, { product_id: productId });
    const quantity = Number(writer.get('order_lines', image, 'quantity')) - Number(writer.get('order_lines', image, 'packed_quantity') ?? 0);
    const reserved = reservedStmt.get(id);
    if (open.has(status) && quantity > 0 && !reserved) writer.insert('reservations', { order_line_id: id, product_id: productId, quantity, created_at: at });
  }
}

/** Offers (workbook Szablon or its CSV): upsert by offer id; products created for SKUs the shop lacks. */
export function applyOffers(ctx: ApplyContext): ApplyCounts {
  const { sqlite, staging, writer, matcher, sample, at } = ctx;
  const counts: ApplyCounts = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  const shape = writer.shape('offers');
  const find = sqlite.prepare(`SELECT id, ${shape.columns.join(', ')} FROM offers WHERE allegro_offer_id = ?`).raw(true);
  const total = staging.count('offer');
  let done = 0;
  for (const staged of staging.iterate<OfferRecord>('offer')) {
    done += 1;
    if (done % 1000 === 0) ctx.progress(done, total);
    const r = staged.data;
    const existing = find.get(r.offerId) as Value[] | undefined;
    let productId = existing ? (writer.get('offers', existing.slice(1), 'product_id') as number | null) : null;
    productId ??= matcher.matchOffer(r.offerId, r.externalId, r.ean);
    if (productId === null && r.externalId) {
      // The offer names a SKU the shop does not have yet: the product starts from the offer's data.
      const ean = r.ean && !matcher.eanTaken(r.ean) ? r.ean : null;
      productId = writer.insert('products', {
        sku: r.externalId,
        name: r.title ?? r.externalId,
        ean,
        vat_rate: r.vatRate ?? '23',
        sale_price_grosze: r.priceGrosze,
        purchase_price_grosze: null,
        default_location_id: null,
        lead_time_days: null,
        import_run_id: ctx.runId,
        created_at: at,
        updated_at: at,
      });
      matcher.addProduct(productId, r.externalId, ean);
    }
    const wanted = {
      external_id: r.externalId,
      title: r.title,
      ean: r.ean,
      price_grosze: r.priceGrosze,
      currency: r.currency,
      stock_quantity: r.stockQuantity,
      status: r.status,
      marketplace: r.marketplace,
      raw_json: staged.raw,
    };
    if (!existing) {
      writer.insert('offers', { allegro_offer_id: r.offerId, product_id: productId, ...wanted, import_run_id: ctx.runId, created_at: at, updated_at: at });
      counts.inserted += 1;
      sample.action(r.offerId, 'insert');
    } else {
      const image = existing.slice(1);
      const changes = writer.diff('offers', image, { ...wanted, product_id: productId });
      if (Object.keys(changes).length) {
        writer.update('offers', existing[0] as number, image, { ...changes, updated_at: at });
        counts.updated += 1;
        sample.action(r.offerId, 'update');
      } else {
        counts.unchanged += 1;
        writer.count('offers', 'unchanged');
        sample.action(r.offerId, 'unchanged');
      }
    }
    matcher.setOffer(r.offerId, productId, r.ean);
  }
  relinkUnmatchedLines(ctx);
  return counts;
}

/**
 * The owner's stock sheet: products upserted by SKU, shelves created by code, and the counted
 * quantity recorded as a stocktake entry in the ledger (the difference to what the books say), so
 * on-hand equals the sheet and importing it again adds nothing.
 */
export function applyStockSheet(ctx: ApplyContext): ApplyCounts {
  const { sqlite, staging, writer, matcher, problems, sample, at } = ctx;
  const counts: ApplyCounts = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  const shape = writer.shape('products');
  const find = sqlite.prepare(`SELECT id, on_hand, ${shape.columns.join(', ')} FROM products WHERE sku = ?`).raw(true);
  const findLocation = sqlite.prepare('SELECT id FROM locations WHERE code = ? COLLATE NOCASE').pluck();
  const ledger = sqlite.prepare(
    `INSERT INTO stock_ledger (product_id, location_id, kind, quantity, reason, document, order_id, return_id, import_run_id, unit_cost_grosze, actor, created_at)
     VALUES (?, ?, 'stocktake', ?, ?, ?, NULL, NULL, ?, ?, ?, ?)`,
  );
  const total = staging.count('stock');
  let done = 0;
  // A sheet is a count at a moment — the day it states, or the day the owner gave: the difference is
  // taken against the ledger as it stood at the end of that day and booked then, so sales and receipts
  // since are not undone.
  const day = ctx.countedOn ?? staging.get<SheetMetaRecord>('meta', 'countedOn')?.data.countedOn ?? null;
  const endOfDay = day ? dateTime(`${day.split('-').reverse().join('.')} 23:59:59`) : null;
  const countedAt = endOfDay?.ok && endOfDay.value && endOfDay.value < at ? endOfDay.value : at;
  const ledgerAt = sqlite.prepare('SELECT coalesce(sum(quantity), 0) FROM stock_ledger WHERE product_id = ? AND created_at <= ?').pluck();
  const locationId = (code: string | null | undefined): number | null | undefined => {
    if (code === undefined) return undefined;
    if (code === null) return null;
    const found = findLocation.get(code) as number | undefined;
    return found ?? writer.insert('locations', { code, name: null, created_at: at });
  };
  for (const staged of staging.iterate<StockRowRecord>('stock')) {
    done += 1;
    if (done % 1000 === 0) ctx.progress(done, total);
    const r = staged.data;
    const location = locationId(r.location);
    let ean = r.ean;
    const existing = find.get(r.sku) as Value[] | undefined;
    if (ean && matcher.eanTaken(ean) && matcher.productByEan(ean) !== (existing ? (existing[0] as number) : null)) {
      problems.warning('ean_taken', { row: staged.row, column: 'EAN', value: ean }, t(
        `Wiersz ${staged.row}: EAN ${ean} ma już inny towar w magazynie — nie przypisano go do ${r.sku}.`,
        `Row ${staged.row}: EAN ${ean} already belongs to another product — not given to ${r.sku}.`,
      ));
      ean = undefined;
    }
    const wanted: Record<string, unknown> = {
      name: r.name,
      ean,
      unit: r.unit === null ? 'szt.' : r.unit,
      vat_rate: r.vatRate ?? undefined,
      purchase_price_grosze: r.purchasePriceGrosze,
      sale_price_grosze: r.salePriceGrosze,
      default_location_id: location,
      reorder_point: r.reorderPoint ?? undefined,
      // Rows under a group heading take it as their category; a sheet without headings leaves it as it is.
      category: r.category,
    };
    let id: number;
    let onHand = 0;
    let changed = false;
    if (!existing) {
      id = writer.insert('products', { sku: r.sku, ...Object.fromEntries(Object.entries(wanted).filter(([, v]) => v !== undefined)), lead_time_days: null, import_run_id: ctx.runId, created_at: at, updated_at: at });
      matcher.addProduct(id, r.sku, ean ?? null);
      counts.inserted += 1;
      sample.action(r.sku, 'insert');
      changed = true;
    } else {
      id = existing[0] as number;
      onHand = Number(existing[1]);
      const image = existing.slice(2);
      const changes = writer.diff('products', image, wanted);
      if (Object.keys(changes).length) {
        writer.update('products', id, image, { ...changes, updated_at: at });
        changed = true;
      }
      if (ean) matcher.addProduct(id, r.sku, ean);
    }
    const booked = countedAt === at ? onHand : Number(ledgerAt.get(id, countedAt));
    if (r.quantity !== undefined && r.quantity !== null) {
      // The preview table says what happens to each product's stock: "43 → 45".
      sample.set(r.sku, STOCK_CHANGE_COLUMN, `${onHand} → ${onHand + (r.quantity - booked)}`);
    }
    if (r.quantity !== undefined && r.quantity !== null && r.quantity !== booked) {
      ledger.run(id, location ?? null, r.quantity - booked, ledgerReason('stock.sheet', ctx.fileName), ctx.fileName, ctx.runId, r.purchasePriceGrosze ?? null, ctx.actor, countedAt);
      writer.count('stock_ledger', 'inserted');
      changed = true;
      if (existing) {
        const now = onHand + (r.quantity - booked);
        problems.warning('stock_from_to', { row: staged.row, column: 'Ilość', value: `${onHand} → ${now}` }, t(
          `Wiersz ${staged.row}, ${r.sku}: stan ${onHand} → ${now} szt.${countedAt !== at ? ` (arkusz liczy ${r.quantity} na swój dzień, magazyn miał wtedy ${booked})` : ''}.`,
          `Row ${staged.row}, ${r.sku}: stock ${onHand} → ${now}${countedAt !== at ? ` (the sheet counts ${r.quantity} on its day, the books had ${booked} then)` : ''}.`,
        ));
      }
    }
    if (existing) {
      if (changed) {
        counts.updated += 1;
        sample.action(r.sku, 'update');
      } else {
        counts.unchanged += 1;
        writer.count('products', 'unchanged');
        sample.action(r.sku, 'unchanged');
      }
    }
  }
  relinkUnmatchedLines(ctx);
  return counts;
}
