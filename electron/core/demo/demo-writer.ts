/**
 * Raw prepared INSERTs for the generator. A million orders through Kysely would spend most of the time
 * building query objects; prepared statements with positional arguments keep the cost per row at a few
 * microseconds. Every write goes through the schema's triggers as usual: the ledger still updates
 * products.on_hand and still refuses to take it below zero.
 */
import type { SqliteDatabase } from '../db/connection';
import { demoCategory } from './catalog';

export interface OrderRow {
  id: number;
  allegroOrderId: string;
  customerId: number;
  buyerLogin: string;
  buyerName: string;
  allegroStatus: string;
  fulfillmentStatus: string;
  status: string;
  revision: string;
  updatedAt: string;
  boughtAt: string;
  paymentType: string;
  paymentProvider: string;
  paidAt: string | null;
  paidGrosze: number | null;
  totalToPayGrosze: number;
  deliveryMethodId: string;
  deliveryMethodName: string;
  carrier: string;
  deliveryCostGrosze: number;
  pickupPointId: string | null;
  pickupPointName: string | null;
  pickupPointAddress: string | null;
  deliveryFirstName: string;
  deliveryLastName: string;
  deliveryCompany: string | null;
  deliveryStreet: string;
  deliveryCity: string;
  deliveryZip: string;
  deliveryPhone: string;
  invoiceRequired: boolean;
  invoiceCompanyName: string | null;
  invoiceTaxId: string | null;
  invoiceFirstName: string | null;
  invoiceLastName: string | null;
  invoiceStreet: string | null;
  invoiceCity: string | null;
  invoiceZip: string | null;
  documentNumber: string | null;
  buyerMessage: string | null;
  sellerNote: string | null;
  dispatchBy: string | null;
}

export interface LedgerRow {
  productId: number;
  locationId: number | null;
  kind: 'receipt' | 'sale' | 'return' | 'adjustment' | 'stocktake';
  quantity: number;
  reason: string;
  document: string | null;
  orderId: number | null;
  returnId: number | null;
  unitCostGrosze: number | null;
  at: string;
}

/** Actor of everything the generator writes: the demo is the system's work, not a person's. */
const ACTOR = 'system';

export function createDemoWriter(sqlite: SqliteDatabase) {
  const s = {
    location: sqlite.prepare('INSERT INTO locations (id, code, name, created_at) VALUES (?, ?, ?, ?)'),
    product: sqlite.prepare(
      `INSERT INTO products (id, sku, name, ean, unit, vat_rate, purchase_price_grosze, sale_price_grosze,
         default_location_id, reorder_point, lead_time_days, category, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    offer: sqlite.prepare(
      `INSERT INTO offers (allegro_offer_id, external_id, product_id, title, ean, price_grosze, currency, status,
         marketplace, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'PLN', 'ACTIVE', 'allegro-pl', ?, ?)`,
    ),
    customer: sqlite.prepare(
      `INSERT INTO customers (id, allegro_buyer_id, login, email, first_name, last_name, company_name, phone, guest,
         created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    order: sqlite.prepare(
      `INSERT INTO orders (id, allegro_order_id, source, customer_id, buyer_login, buyer_name, marketplace,
         allegro_status, fulfillment_status, status, revision, allegro_updated_at, bought_at, payment_type,
         payment_provider, paid_at, paid_grosze, total_to_pay_grosze, currency, delivery_method_id,
         delivery_method_name, carrier, delivery_cost_grosze, pickup_point_id, pickup_point_name,
         pickup_point_address, delivery_first_name, delivery_last_name, delivery_company, delivery_street,
         delivery_city, delivery_zip, delivery_country, delivery_phone, invoice_required, invoice_company_name,
         invoice_tax_id, invoice_first_name, invoice_last_name, invoice_street, invoice_city, invoice_zip,
         invoice_country, document_number, buyer_message, seller_note, dispatch_by, created_at, updated_at)
       VALUES (?, ?, 'demo', ?, ?, ?, 'allegro-pl', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLN', ?, ?, ?, ?, ?, ?, ?, ?, ?,
         ?, ?, ?, ?, 'PL', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    line: sqlite.prepare(
      `INSERT INTO order_lines (id, order_id, allegro_line_id, offer_id, external_id, name, product_id, quantity,
         unit_price_grosze, original_unit_price_grosze, currency, vat_rate, bought_at, discount_types)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLN', ?, ?, ?)`,
    ),
    shipment: sqlite.prepare(
      `INSERT INTO shipments (order_id, carrier, tracking_number, allegro_shipment_id, dispatched_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    ledger: sqlite.prepare(
      `INSERT INTO stock_ledger (product_id, location_id, kind, quantity, reason, document, order_id, return_id,
         unit_cost_grosze, actor, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '${ACTOR}', ?)`,
    ),
    returnRow: sqlite.prepare(
      `INSERT INTO returns (id, allegro_return_id, reference_number, order_id, allegro_status, status, withdrawn_at,
         received_at, refund_due_at, refunded_at, refund_grosze, currency, buyer_message, note, actor, created_at,
         updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLN', ?, ?, '${ACTOR}', ?, ?)`,
    ),
    returnAwaitingRefund: sqlite.prepare(
      `UPDATE returns SET status = 'received', allegro_status = 'DELIVERED', refunded_at = NULL, updated_at = ? WHERE id = ?`,
    ),
    returnLine: sqlite.prepare(
      `INSERT INTO return_lines (return_id, order_line_id, product_id, offer_id, name, quantity, reason_code,
         reason_text, condition, decision, location_id, decided_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    complaint: sqlite.prepare(
      `INSERT INTO complaints (order_id, product_id, received_at, answer_due_at, description, demand, status, answer,
         answered_at, actor, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '${ACTOR}', ?, ?)`,
    ),
    orderFulfillment: sqlite.prepare('UPDATE orders SET fulfillment_status = ?, allegro_updated_at = ?, updated_at = ? WHERE id = ?'),
    promotion: sqlite.prepare(
      'INSERT INTO promotions (id, name, starts_at, ends_at, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    promotionItem: sqlite.prepare(
      'INSERT INTO promotion_items (promotion_id, product_id, promo_price_grosze, expected_units) VALUES (?, ?, ?, ?)',
    ),
    audit: sqlite.prepare(
      `INSERT INTO audit_log (at, actor, action, entity, entity_id, details_json) VALUES (?, '${ACTOR}', ?, ?, ?, ?)`,
    ),
    setting: sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
  };

  return {
    location(id: number, code: string, name: string, at: string) {
      s.location.run(id, code, name, at);
    },
    product(p: {
      id: number; sku: string; name: string; ean: string; unit: string; vat: string; purchase: number; sale: number;
      locationId: number | null; reorderPoint: number; leadDays: number; at: string;
    }) {
      s.product.run(p.id, p.sku, p.name, p.ean, p.unit, p.vat, p.purchase, p.sale, p.locationId, p.reorderPoint, p.leadDays, demoCategory(p.sku), p.at, p.at);
    },
    offer(offerId: string, sku: string, productId: number, title: string, ean: string, price: number, at: string) {
      s.offer.run(offerId, sku, productId, title, ean, price, at, at);
    },
    customer(c: {
      id: number; allegroBuyerId: string; login: string; email: string; firstName: string; lastName: string;
      companyName: string | null; phone: string; guest: boolean; at: string;
    }) {
      s.customer.run(c.id, c.allegroBuyerId, c.login, c.email, c.firstName, c.lastName, c.companyName, c.phone, c.guest ? 1 : 0, c.at, c.at);
    },
    order(o: OrderRow) {
      s.order.run(
        o.id, o.allegroOrderId, o.customerId, o.buyerLogin, o.buyerName, o.allegroStatus, o.fulfillmentStatus, o.status,
        o.revision, o.updatedAt, o.boughtAt, o.paymentType, o.paymentProvider, o.paidAt, o.paidGrosze, o.totalToPayGrosze,
        o.deliveryMethodId, o.deliveryMethodName, o.carrier, o.deliveryCostGrosze, o.pickupPointId, o.pickupPointName,
        o.pickupPointAddress, o.deliveryFirstName, o.deliveryLastName, o.deliveryCompany, o.deliveryStreet, o.deliveryCity,
        o.deliveryZip, o.deliveryPhone, o.invoiceRequired ? 1 : 0, o.invoiceCompanyName, o.invoiceTaxId,
        o.invoiceFirstName, o.invoiceLastName, o.invoiceStreet, o.invoiceCity, o.invoiceZip, o.invoiceRequired ? 'PL' : null,
        o.documentNumber, o.buyerMessage, o.sellerNote, o.dispatchBy, o.boughtAt, o.updatedAt,
      );
    },
    line(l: {
      id: number; orderId: number; allegroLineId: string; offerId: string; sku: string; name: string; productId: number;
      quantity: number; unitPrice: number; originalUnitPrice: number; discountTypes: string | null; vat: string; at: string;
    }) {
      s.line.run(l.id, l.orderId, l.allegroLineId, l.offerId, l.sku, l.name, l.productId, l.quantity, l.unitPrice, l.originalUnitPrice, l.vat, l.at, l.discountTypes);
    },
    shipment(orderId: number, carrier: string, tracking: string, allegroShipmentId: string, at: string) {
      s.shipment.run(orderId, carrier, tracking, allegroShipmentId, at, at);
    },
    ledger(e: LedgerRow) {
      s.ledger.run(e.productId, e.locationId, e.kind, e.quantity, e.reason, e.document, e.orderId, e.returnId, e.unitCostGrosze, e.at);
    },
    returnRow(r: {
      id: number; allegroReturnId: string; reference: string; orderId: number; allegroStatus: string; status: string;
      withdrawnAt: string; receivedAt: string | null; refundDueAt: string; refundedAt: string | null; refundGrosze: number;
      buyerMessage: string | null; note: string | null; updatedAt: string;
    }) {
      s.returnRow.run(
        r.id, r.allegroReturnId, r.reference, r.orderId, r.allegroStatus, r.status, r.withdrawnAt, r.receivedAt, r.refundDueAt,
        r.refundedAt, r.refundGrosze, r.buyerMessage, r.note, r.withdrawnAt, r.updatedAt,
      );
    },
    returnLine(l: {
      returnId: number; orderLineId: number; productId: number; offerId: string; name: string; quantity: number;
      reasonCode: string; reasonText: string; condition: string | null; decision: string | null; locationId: number | null;
      decidedAt: string | null;
    }) {
      s.returnLine.run(l.returnId, l.orderLineId, l.productId, l.offerId, l.name, l.quantity, l.reasonCode, l.reasonText, l.condition, l.decision, l.locationId, l.decidedAt);
    },
    complaint(c: {
      orderId: number; productId: number; receivedAt: string; answerDueAt: string; description: string; demand: string;
      status: string; answer: string | null; answeredAt: string | null; updatedAt: string;
    }) {
      return Number(s.complaint.run(c.orderId, c.productId, c.receivedAt, c.answerDueAt, c.description, c.demand, c.status, c.answer, c.answeredAt, c.receivedAt, c.updatedAt).lastInsertRowid);
    },
    /** A return written as refunded that is, after all, still waiting for its money. */
    returnAwaitingRefund(returnId: number, updatedAt: string) {
      s.returnAwaitingRefund.run(updatedAt, returnId);
    },
    /** Allegro's own status change after the order row was written (a fully refunded return). */
    orderFulfillment(orderId: number, fulfillmentStatus: string, at: string) {
      s.orderFulfillment.run(fulfillmentStatus, at, at, orderId);
    },
    promotion(id: number, name: string, startsAt: string, endsAt: string, note: string, at: string) {
      s.promotion.run(id, name, startsAt, endsAt, note, at, at);
    },
    promotionItem(promotionId: number, productId: number, promoPrice: number, expectedUnits: number) {
      s.promotionItem.run(promotionId, productId, promoPrice, expectedUnits);
    },
    audit(at: string, action: string, entity: string | null, entityId: string | number | null, details: unknown) {
      s.audit.run(at, action, entity, entityId === null ? null : String(entityId), details === undefined ? null : JSON.stringify(details));
    },
    setting(key: string, value: unknown) {
      s.setting.run(key, JSON.stringify(value));
    },
  };
}

export type DemoWriter = ReturnType<typeof createDemoWriter>;
