import { sql } from 'kysely';
import type { PackOrder, ShipCarrier } from '../../../shared/contract/packing.contract';
import { ledgerReason } from '../../../shared/domain/ledger-reasons';
import type { Actor } from '../../../shared/domain/roles';
import { recordAudit } from '../audit/audit.repository';
import type { Core } from '../create-core';
import { DomainError } from '../errors';
import { canCorrect } from '../orders/order-flow';
import { appendLedger } from '../stock/ledger.repository';
import { prepared } from '../stock/product.repository';
import { reserveOrder } from '../stock/reservations.repository';
import { packView } from './complete.service';
import { immediateTransaction } from './immediate-transaction';
import { readPackOrder, type RawPackOrder } from './pack-order.repository';
import { checkTrackingNumber } from './ship.service';

/*
 * Mending packing mistakes after the fact, without a database editor: a tracking number typed wrong,
 * a parcel booked as sent that never left, an order that must be packed again. Owner only, each with a
 * reason in the audit. The stock ledger is never edited: undoing a shipment writes reversal entries
 * that put the sold units back.
 */

function requireOwner(actor: Actor): void {
  if (actor !== 'owner') throw new DomainError('forbidden', 'Only the owner may correct a shipment or reopen an order.');
}

interface RawShipment {
  id: number;
  carrier: string | null;
  trackingNumber: string | null;
}

function activeShipments(core: Core, orderId: number): RawShipment[] {
  return prepared(core.sqlite, 'SELECT id, carrier, tracking_number AS trackingNumber FROM shipments WHERE order_id = ? AND cancelled_at IS NULL ORDER BY id').all(orderId) as RawShipment[];
}

/** Replaces a shipment's tracking number (and carrier, when given). The same checks as shipping. */
export async function correctTracking(
  core: Core,
  input: { orderId: number; shipmentId: number; trackingNumber: string; carrier?: ShipCarrier | null | undefined; reason: string; confirmUnusualTracking?: boolean | undefined },
  actor: Actor,
): Promise<PackOrder> {
  requireOwner(actor);
  const at = core.now();
  const tracking = input.trackingNumber.trim();
  await immediateTransaction(core, async (trx) => {
    readPackOrder(core.sqlite, input.orderId);
    const shipment = activeShipments(core, input.orderId).find((s) => s.id === input.shipmentId);
    if (!shipment) throw new DomainError('not_found', `Order ${input.orderId} has no shipment ${input.shipmentId}.`, { orderId: input.orderId, shipmentId: input.shipmentId });
    const carrier = input.carrier === undefined ? shipment.carrier : input.carrier;
    checkTrackingNumber(core, tracking, carrier as ShipCarrier | null, input.confirmUnusualTracking === true);
    if (tracking === shipment.trackingNumber && carrier === shipment.carrier) return;
    prepared(core.sqlite, 'UPDATE shipments SET tracking_number = ?, carrier = ? WHERE id = ?').run(tracking, carrier, shipment.id);
    await recordAudit(
      trx,
      {
        actor,
        action: 'shipment.correctTracking',
        entity: 'order',
        entityId: input.orderId,
        details: { shipmentId: shipment.id, from: shipment.trackingNumber, to: tracking, carrierFrom: shipment.carrier, carrierTo: carrier, reason: input.reason.trim() },
      },
      at,
    );
  });
  core.events.emit('data.changed', { areas: ['orders'] });
  return packView(core, input.orderId);
}

/**
 * The undo of a shipment inside the caller's transaction: every sale this order booked and not yet
 * reversed is reversed (same product, shelf, document and cost, opposite quantity), the shipments
 * are marked undone, the order goes back to packed and its lines are reserved again in full (the
 * units are back on the shelf and still belong to this order). Refused once a return of the order
 * exists: its units came back through the return, and the return's refund depends on the sale.
 */
async function undoShipmentIn(core: Core, trx: Parameters<Parameters<typeof immediateTransaction>[1]>[0], order: RawPackOrder, reason: string, actor: Actor, at: Date) {
  const returned = prepared(core.sqlite, 'SELECT count(*) AS n FROM returns WHERE order_id = ?').get(order.id) as { n: number };
  if (returned.n > 0) {
    throw new DomainError('conflict', `Order ${order.id} has a return registered; undo the return first, then the shipment.`, { reason: 'has_return', orderId: order.id });
  }
  const iso = at.toISOString();
  const shipments = activeShipments(core, order.id);
  prepared(core.sqlite, 'UPDATE shipments SET cancelled_at = ?, cancel_reason = ? WHERE order_id = ? AND cancelled_at IS NULL').run(iso, reason, order.id);
  // Net sales of this order per product and shelf: the original sales (negative) plus any earlier reversals.
  const net = prepared(
    core.sqlite,
    `SELECT product_id AS productId, location_id AS locationId, sum(quantity) AS quantity,
            max(document) AS document, max(unit_cost_grosze) AS unitCostGrosze
     FROM stock_ledger WHERE order_id = ? AND kind = 'sale'
     GROUP BY product_id, location_id HAVING sum(quantity) < 0`,
  ).all(order.id) as Array<{ productId: number; locationId: number | null; quantity: number; document: string | null; unitCostGrosze: number | null }>;
  const restored: Array<{ productId: number; quantity: number }> = [];
  for (const n of net) {
    await appendLedger(
      trx,
      {
        productId: n.productId,
        locationId: n.locationId,
        kind: 'sale',
        quantity: -n.quantity,
        reason: ledgerReason('shipment.undo', reason),
        document: n.document,
        orderId: order.id,
        unitCostGrosze: n.unitCostGrosze,
        actor,
      },
      at,
    );
    restored.push({ productId: n.productId, quantity: -n.quantity });
  }
  prepared(core.sqlite, 'UPDATE orders SET status = ?, updated_at = ? WHERE id = ?').run('packed', iso, order.id);
  // Packed lines are whole again: reserve each line's full quantity (reserveOrder reserves only what is still to pack).
  const reserved = await sql`
    INSERT INTO reservations (order_line_id, product_id, quantity, created_at)
    SELECT l.id, l.product_id, l.quantity, ${iso}
    FROM order_lines l
    WHERE l.order_id = ${order.id} AND l.product_id IS NOT NULL AND l.quantity > 0
      AND NOT EXISTS (SELECT 1 FROM reservations r WHERE r.order_line_id = l.id)
  `.execute(trx);
  await recordAudit(
    trx,
    {
      actor,
      action: 'shipment.undo',
      entity: 'order',
      entityId: order.id,
      details: { from: order.status, reason, shipments: shipments.map((s) => ({ id: s.id, carrier: s.carrier, trackingNumber: s.trackingNumber })), restored, reserved: Number(reserved.numAffectedRows ?? 0) },
    },
    at,
  );
}

/** A shipment booked by mistake: units back into stock by reversal entries, the order back to packed. */
export async function undoShipment(core: Core, orderId: number, reason: string, actor: Actor): Promise<PackOrder> {
  requireOwner(actor);
  const at = core.now();
  await immediateTransaction(core, async (trx) => {
    const order = readPackOrder(core.sqlite, orderId);
    if (!canCorrect(order.status, 'packed')) {
      throw new DomainError('conflict', `Order ${orderId} is ${order.status}; only a shipped order can have its shipment undone.`, { reason: 'not_shipped', status: order.status });
    }
    await undoShipmentIn(core, trx, order, reason.trim(), actor, at);
  });
  core.events.emit('data.changed', { areas: ['orders', 'stock', 'products'] });
  return packView(core, orderId);
}

/**
 * A packed or shipped order back to packing, to be packed and checked again from the start: a
 * shipped one is undone first (as undoShipment), then every line's scans are cleared and the order
 * is reserved for what is to pack.
 */
export async function reopenOrder(core: Core, orderId: number, reason: string, actor: Actor): Promise<PackOrder> {
  requireOwner(actor);
  const at = core.now();
  const why = reason.trim();
  await immediateTransaction(core, async (trx) => {
    const order = readPackOrder(core.sqlite, orderId);
    if (!canCorrect(order.status, 'to_pick')) {
      throw new DomainError('conflict', `Order ${orderId} is ${order.status}; only a packed or shipped order can be reopened.`, { reason: 'not_reopenable', status: order.status });
    }
    if (order.status === 'shipped') await undoShipmentIn(core, trx, order, why, actor, at);
    const cleared = prepared(core.sqlite, 'UPDATE order_lines SET packed_quantity = 0, forced_quantity = 0 WHERE order_id = ? AND packed_quantity > 0').run(orderId).changes;
    prepared(core.sqlite, 'UPDATE orders SET status = ?, updated_at = ? WHERE id = ?').run('to_pick', at.toISOString(), orderId);
    // Reservations follow "still to pack": drop and take them again for the full quantities.
    prepared(core.sqlite, 'DELETE FROM reservations WHERE order_line_id IN (SELECT id FROM order_lines WHERE order_id = ?)').run(orderId);
    const reserved = await reserveOrder(trx, orderId, at);
    await recordAudit(trx, { actor, action: 'order.reopen', entity: 'order', entityId: orderId, details: { from: order.status, reason: why, clearedLines: cleared, reserved } }, at);
  });
  core.events.emit('data.changed', { areas: ['orders', 'stock', 'products'] });
  return packView(core, orderId);
}
