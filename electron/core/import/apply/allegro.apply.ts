import { legalDeadline } from '../../returns/legal-deadline';
import { t } from '../problems';
import type { BillingRecord, ReturnRecord, ShipmentRecord } from '../records';
import type { ApplyContext, ApplyCounts } from './context';

type Value = string | number | null;

/** Allegro's return status → the shop's: still coming back (expected), finished (closed), or rejected. */
export function shopReturnStatus(allegroStatus: string | null): 'expected' | 'closed' | 'rejected' {
  if (allegroStatus === 'REJECTED') return 'rejected';
  if (allegroStatus && /^(FINISHED|COMMISSION_REFUND)/.test(allegroStatus)) return 'closed';
  return 'expected';
}


/** Customer returns: upsert by return id; lines linked to the order's lines by offer id. */
export function applyReturns(ctx: ApplyContext): ApplyCounts {
  const { sqlite, staging, writer, problems, sample, at } = ctx;
  const counts: ApplyCounts = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  const shape = writer.shape('returns');
  const find = sqlite.prepare(`SELECT id, ${shape.columns.join(', ')} FROM returns WHERE allegro_return_id = ?`).raw(true);
  const findOrder = sqlite.prepare('SELECT id FROM orders WHERE allegro_order_id = ?').pluck();
  const findLine = sqlite.prepare('SELECT id, product_id FROM order_lines WHERE order_id = ? AND offer_id = ? ORDER BY id LIMIT 1');
  for (const staged of staging.iterate<ReturnRecord>('return')) {
    const r = staged.data;
    const orderId = r.orderId ? ((findOrder.get(r.orderId) as number | undefined) ?? null) : null;
    if (r.orderId && orderId === null) {
      problems.warning('order_not_found', { jsonPath: staged.path, column: 'orderId', value: r.orderId }, t(
        `Zwrot ${r.referenceNumber ?? r.returnId} dotyczy zamówienia ${r.orderId}, którego nie ma w Zapleczu — zapisany bez powiązania (zaimportuj zamówienia, a potem ten plik ponownie).`,
        `Return ${r.referenceNumber ?? r.returnId} is for order ${r.orderId}, which Zaplecze does not have — stored without the link (import the orders, then this file again).`,
      ));
    }
    // The same legal deadline as a return registered by hand: 14 Warsaw days after the withdrawal, to the
    // end of the day, moved past weekends and holidays (art. 32 of the consumer-rights act, art. 115 k.c.).
    const refundDue = r.createdAt && !Number.isNaN(Date.parse(r.createdAt)) ? legalDeadline(r.createdAt) : null;
    const wanted = {
      reference_number: r.referenceNumber,
      allegro_status: r.allegroStatus,
      refund_grosze: r.refundGrosze,
      currency: r.currency,
      buyer_message: r.buyerMessage,
      raw_json: staged.raw,
    };
    const existing = find.get(r.returnId) as Value[] | undefined;
    if (!existing) {
      const returnId = writer.insert('returns', {
        allegro_return_id: r.returnId,
        order_id: orderId,
        status: shopReturnStatus(r.allegroStatus),
        withdrawn_at: r.createdAt,
        received_at: null,
        refund_due_at: refundDue,
        refunded_at: null,
        note: null,
        import_run_id: ctx.runId,
        actor: ctx.actor,
        created_at: at,
        updated_at: at,
        ...wanted,
      });
      for (const line of r.lines) {
        const ol = orderId && line.offerId ? (findLine.get(orderId, line.offerId) as { id: number; product_id: number | null } | undefined) : undefined;
        writer.insert('return_lines', {
          return_id: returnId,
          order_line_id: ol?.id ?? null,
          product_id: ol?.product_id ?? null,
          offer_id: line.offerId,
          name: line.name,
          quantity: line.quantity,
          reason_code: line.reasonCode,
          reason_text: line.reasonText,
          condition: null,
          decision: null,
          location_id: null,
          decided_at: null,
        });
      }
      counts.inserted += 1;
      sample.action(r.returnId, 'insert');
      continue;
    }
    const image = existing.slice(1);
    const desired: Record<string, unknown> = { ...wanted };
    if (writer.get('returns', image, 'order_id') === null && orderId !== null) desired.order_id = orderId;
    // Allegro's progress moves a return the shop has not handled yet; the shop's own steps stay.
    if (writer.get('returns', image, 'status') === 'expected') desired.status = shopReturnStatus(r.allegroStatus);
    // A refund the shop recorded (returns.markRefunded) is what went out; Allegro's proposed amount must not replace it.
    if (writer.get('returns', image, 'refunded_at') !== null) delete desired.refund_grosze;
    const changes = writer.diff('returns', image, desired);
    if (Object.keys(changes).length) {
      writer.update('returns', existing[0] as number, image, { ...changes, updated_at: at });
      counts.updated += 1;
      sample.action(r.returnId, 'update');
    } else {
      counts.unchanged += 1;
      writer.count('returns', 'unchanged');
      sample.action(r.returnId, 'unchanged');
    }
  }
  return counts;
}

/** Tracking numbers per order: added when missing; shipments of orders Zaplecze lacks are skipped. */
export function applyShipments(ctx: ApplyContext): ApplyCounts {
  const { sqlite, staging, writer, problems, sample, at } = ctx;
  const counts: ApplyCounts = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  const findOrder = sqlite.prepare('SELECT id FROM orders WHERE allegro_order_id = ?').pluck();
  const shape = writer.shape('shipments');
  const find = sqlite.prepare(`SELECT id, ${shape.columns.join(', ')} FROM shipments WHERE order_id = ? AND tracking_number = ?`).raw(true);
  for (const staged of staging.iterate<ShipmentRecord>('shipment')) {
    const s = staged.data;
    const orderId = findOrder.get(s.orderId) as number | undefined;
    if (orderId === undefined) {
      counts.rejected += 1;
      sample.action(staged.key, 'skipped');
      problems.warning('order_not_found', { jsonPath: staged.path, column: 'orderId', value: s.orderId }, t(
        `Przesyłka ${s.waybill} należy do zamówienia ${s.orderId}, którego nie ma w Zapleczu — pominięta (zaimportuj najpierw zamówienia).`,
        `Shipment ${s.waybill} belongs to order ${s.orderId}, which Zaplecze does not have — skipped (import the orders first).`,
      ));
      continue;
    }
    const wanted = { carrier: s.carrier, allegro_shipment_id: s.shipmentId, dispatched_at: s.createdAt };
    const existing = find.get(orderId, s.waybill) as Value[] | undefined;
    if (!existing) {
      writer.insert('shipments', { order_id: orderId, tracking_number: s.waybill, ...wanted, import_run_id: ctx.runId, created_at: at });
      counts.inserted += 1;
      sample.action(staged.key, 'insert');
      continue;
    }
    const image = existing.slice(1);
    const changes = writer.diff('shipments', image, wanted);
    if (Object.keys(changes).length) {
      writer.update('shipments', existing[0] as number, image, changes);
      counts.updated += 1;
      sample.action(staged.key, 'update');
    } else {
      counts.unchanged += 1;
      writer.count('shipments', 'unchanged');
      sample.action(staged.key, 'unchanged');
    }
  }
  return counts;
}

/** Billing entries: upsert by entry id. */
export function applyBilling(ctx: ApplyContext): ApplyCounts {
  const { sqlite, staging, writer, sample, at } = ctx;
  const counts: ApplyCounts = { inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
  const shape = writer.shape('billing_entries');
  const find = sqlite.prepare(`SELECT id, ${shape.columns.join(', ')} FROM billing_entries WHERE allegro_entry_id = ?`).raw(true);
  for (const staged of staging.iterate<BillingRecord>('billing')) {
    const b = staged.data;
    const wanted = {
      occurred_at: b.occurredAt,
      type_id: b.typeId,
      type_name: b.typeName,
      offer_id: b.offerId,
      offer_name: b.offerName,
      allegro_order_id: b.orderId,
      amount_grosze: b.amountGrosze,
      currency: b.currency,
      tax_percentage: b.taxPercentage,
      balance_grosze: b.balanceGrosze,
      raw_json: staged.raw,
    };
    const existing = find.get(b.entryId) as Value[] | undefined;
    if (!existing) {
      writer.insert('billing_entries', { allegro_entry_id: b.entryId, ...wanted, import_run_id: ctx.runId, created_at: at, updated_at: at });
      counts.inserted += 1;
      sample.action(b.entryId, 'insert');
      continue;
    }
    const image = existing.slice(1);
    const changes = writer.diff('billing_entries', image, wanted);
    if (Object.keys(changes).length) {
      writer.update('billing_entries', existing[0] as number, image, { ...changes, updated_at: at });
      counts.updated += 1;
      sample.action(b.entryId, 'update');
    } else {
      counts.unchanged += 1;
      writer.count('billing_entries', 'unchanged');
      sample.action(b.entryId, 'unchanged');
    }
  }
  return counts;
}
