import type { Core } from '../../../../electron/core/create-core';
import { appendLedger } from '../../../../electron/core/stock/ledger.repository';
import { reserveOrder } from '../../../../electron/core/stock/reservations.repository';

/**
 * A tiny shop written straight into a real database: shelves, products with stock (through the
 * ledger, like every real receipt) and orders with lines and reservations, as an import would leave
 * them. Each test builds exactly what it needs.
 */

const T0 = '2026-11-20T08:00:00.000Z';

export async function addLocation(core: Core, code: string): Promise<number> {
  const row = await core.db.insertInto('locations').values({ code, name: null, createdAt: T0 }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export interface ProductSpec {
  sku: string;
  name?: string;
  ean?: string | null;
  onHand?: number;
  locationId?: number | null;
  allowBackorder?: boolean;
  purchasePriceGrosze?: number | null;
}

export async function addProduct(core: Core, spec: ProductSpec): Promise<number> {
  const row = await core.db
    .insertInto('products')
    .values({
      sku: spec.sku,
      name: spec.name ?? `Produkt ${spec.sku}`,
      ean: spec.ean ?? null,
      purchasePriceGrosze: spec.purchasePriceGrosze ?? null,
      salePriceGrosze: 1999,
      defaultLocationId: spec.locationId ?? null,
      leadTimeDays: null,
      allowBackorder: spec.allowBackorder ? 1 : 0,
      importRunId: null,
      createdAt: T0,
      updatedAt: T0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (spec.onHand) {
    await appendLedger(core.db, { productId: row.id, locationId: spec.locationId ?? null, kind: 'receipt', quantity: spec.onHand, reason: 'Dostawa (test)', actor: 'system' }, new Date(T0));
  }
  return row.id;
}

export interface OrderSpec {
  allegroOrderId?: string | null;
  status?: 'new' | 'to_pick' | 'packed' | 'shipped' | 'delivered' | 'on_hold' | 'cancelled';
  dispatchBy?: string | null;
  boughtAt?: string;
  buyerLogin?: string;
  deliveryMethodName?: string | null;
  carrier?: string | null;
  lines: Array<{ productId: number | null; quantity: number; name?: string; packed?: number; unitPriceGrosze?: number }>;
  /** How it is paid (default: paid online at purchase). */
  payment?: 'paid' | 'unpaid' | 'cod';
  /** Reserve the lines as the importer does for open orders (default: true for open statuses). */
  reserve?: boolean;
}

export async function addOrder(core: Core, spec: OrderSpec): Promise<{ id: number; lineIds: number[] }> {
  const status = spec.status ?? 'to_pick';
  const order = await core.db
    .insertInto('orders')
    .values({
      allegroOrderId: spec.allegroOrderId === undefined ? null : spec.allegroOrderId,
      customerId: null,
      buyerLogin: spec.buyerLogin ?? 'kupujacy_1',
      buyerName: 'Jan Kowalski',
      marketplace: 'allegro-pl',
      allegroStatus: 'READY_FOR_PROCESSING',
      fulfillmentStatus: null,
      status,
      revision: null,
      allegroUpdatedAt: null,
      boughtAt: spec.boughtAt ?? T0,
      paymentType: spec.payment === 'cod' ? 'CASH_ON_DELIVERY' : 'ONLINE',
      paymentProvider: null,
      paidAt: spec.payment === 'unpaid' || spec.payment === 'cod' ? null : (spec.boughtAt ?? T0),
      paidGrosze: null,
      totalToPayGrosze: 5000,
      deliveryMethodId: null,
      deliveryMethodName: spec.deliveryMethodName === undefined ? 'Allegro Paczkomaty InPost' : spec.deliveryMethodName,
      carrier: spec.carrier === undefined ? 'inpost' : spec.carrier,
      deliveryCostGrosze: null,
      pickupPointId: null,
      pickupPointName: null,
      pickupPointAddress: null,
      deliveryFirstName: 'Jan',
      deliveryLastName: 'Kowalski',
      deliveryCompany: null,
      deliveryStreet: 'Polna 1',
      deliveryCity: 'Poznań',
      deliveryZip: '60-001',
      deliveryCountry: 'PL',
      deliveryPhone: null,
      invoiceCompanyName: null,
      invoiceTaxId: null,
      invoiceFirstName: null,
      invoiceLastName: null,
      invoiceStreet: null,
      invoiceCity: null,
      invoiceZip: null,
      invoiceCountry: null,
      documentNumber: null,
      buyerMessage: null,
      sellerNote: null,
      dispatchBy: spec.dispatchBy === undefined ? '2026-11-21T22:59:59.000Z' : spec.dispatchBy,
      rawJson: null,
      importRunId: null,
      createdAt: T0,
      updatedAt: T0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const lineIds: number[] = [];
  for (const [i, line] of spec.lines.entries()) {
    const row = await core.db
      .insertInto('orderLines')
      .values({
        orderId: order.id,
        allegroLineId: null,
        offerId: null,
        externalId: line.productId === null ? `OFF-${i}` : null,
        name: line.name ?? `Pozycja ${i + 1}`,
        productId: line.productId,
        quantity: line.quantity,
        unitPriceGrosze: line.unitPriceGrosze ?? 2500,
        originalUnitPriceGrosze: null,
        vatRate: '23',
        packedQuantity: line.packed ?? 0,
        boughtAt: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    lineIds.push(row.id);
  }
  const open = ['new', 'to_pick', 'packed', 'on_hold'].includes(status);
  if (spec.reserve ?? open) await reserveOrder(core.db, order.id, new Date(T0));
  return { id: order.id, lineIds };
}

export function product(core: Core, id: number): { onHand: number; reserved: number } {
  return core.sqlite.prepare('SELECT on_hand AS onHand, reserved FROM products WHERE id = ?').get(id) as { onHand: number; reserved: number };
}

export function ledgerSum(core: Core, id: number): number {
  return (core.sqlite.prepare('SELECT coalesce(sum(quantity), 0) AS s FROM stock_ledger WHERE product_id = ?').get(id) as { s: number }).s;
}

export function auditActions(core: Core, entityId: number): Array<{ action: string; actor: string; details: unknown }> {
  return (core.sqlite.prepare("SELECT action, actor, details_json AS d FROM audit_log WHERE entity = 'order' AND entity_id = ? ORDER BY id").all(String(entityId)) as Array<{ action: string; actor: string; d: string | null }>).map((r) => ({
    action: r.action,
    actor: r.actor,
    details: r.d === null ? null : JSON.parse(r.d),
  }));
}
