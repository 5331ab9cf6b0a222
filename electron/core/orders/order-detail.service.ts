import type { OrderDetail } from '../../../shared/contract/orders.contract';
import type { OrderStatus } from '../../../shared/domain/order-status';
import type { Role } from '../../../shared/domain/roles';
import type { Core } from '../create-core';
import { DomainError } from '../errors';
import { getSettings } from '../settings/settings.service';
import { prepared } from '../stock/product.repository';
import { nextStatuses } from './order-flow';
import { dispatchByOf, ORDER_LIST_COLUMNS, type RawOrder, toOrderRows } from './order-row';

interface RawDetail extends RawOrder {
  revision: string | null;
  paidGrosze: number | null;
  paymentProvider: string | null;
  deliveryCostGrosze: number | null;
  marketplace: string | null;
  documentNumber: string | null;
  buyerMessage: string | null;
  sellerNote: string | null;
  updatedAt: string;
  importRunId: number | null;
  createdAt: string;
  customerId: number | null;
  pickupPointId: string | null;
  pickupPointAddress: string | null;
  deliveryFirstName: string | null;
  deliveryLastName: string | null;
  deliveryCompany: string | null;
  deliveryStreet: string | null;
  deliveryZip: string | null;
  deliveryCity: string | null;
  deliveryCountry: string | null;
  deliveryPhone: string | null;
  invoiceCompanyName: string | null;
  invoiceTaxId: string | null;
  invoiceFirstName: string | null;
  invoiceLastName: string | null;
  invoiceStreet: string | null;
  invoiceZip: string | null;
  invoiceCity: string | null;
  invoiceCountry: string | null;
}

const DETAIL_SQL = `SELECT ${ORDER_LIST_COLUMNS}, o.revision, o.paid_grosze AS paidGrosze, o.payment_provider AS paymentProvider,
  o.delivery_cost_grosze AS deliveryCostGrosze, o.marketplace, o.document_number AS documentNumber,
  o.buyer_message AS buyerMessage, o.seller_note AS sellerNote, o.updated_at AS updatedAt, o.import_run_id AS importRunId,
  o.created_at AS createdAt, o.customer_id AS customerId, o.pickup_point_id AS pickupPointId,
  o.pickup_point_address AS pickupPointAddress, o.delivery_first_name AS deliveryFirstName,
  o.delivery_last_name AS deliveryLastName, o.delivery_company AS deliveryCompany, o.delivery_street AS deliveryStreet,
  o.delivery_zip AS deliveryZip, o.delivery_city AS deliveryCity, o.delivery_country AS deliveryCountry,
  o.delivery_phone AS deliveryPhone, o.invoice_company_name AS invoiceCompanyName, o.invoice_tax_id AS invoiceTaxId,
  o.invoice_first_name AS invoiceFirstName, o.invoice_last_name AS invoiceLastName, o.invoice_street AS invoiceStreet,
  o.invoice_zip AS invoiceZip, o.invoice_city AS invoiceCity, o.invoice_country AS invoiceCountry
  FROM orders o WHERE o.id = ?`;

function parseDetails(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

export async function orderDetail(core: Core, id: number, role: Role | null): Promise<OrderDetail> {
  const raw = prepared(core.sqlite, DETAIL_SQL).get(id) as RawDetail | undefined;
  if (!raw) throw new DomainError('not_found', `There is no order with id ${id}.`);
  const settings = await getSettings(core.db);
  const now = core.now();
  const [row] = toOrderRows(core.sqlite, [raw], settings.handlingTimeDays, now);
  const customer = raw.customerId
    ? (prepared(core.sqlite, 'SELECT login, email, phone, first_name AS firstName, last_name AS lastName, guest FROM customers WHERE id = ?').get(raw.customerId) as
        | { login: string | null; email: string | null; phone: string | null; firstName: string | null; lastName: string | null; guest: number }
        | undefined)
    : undefined;

  const lines = prepared(
    core.sqlite,
    `SELECT l.id, l.name, l.offer_id AS offerId, l.external_id AS externalId, l.quantity, l.packed_quantity AS packedQuantity,
            l.unit_price_grosze AS unitPriceGrosze, l.currency, coalesce(r.quantity, 0) AS reservedQuantity,
            p.id AS productId, p.sku, p.name AS productName, p.ean, loc.code AS locationCode, p.on_hand AS onHand, p.reserved
     FROM order_lines l
     LEFT JOIN reservations r ON r.order_line_id = l.id
     LEFT JOIN products p ON p.id = l.product_id
     LEFT JOIN locations loc ON loc.id = p.default_location_id
     WHERE l.order_id = ? ORDER BY l.id`,
  ).all(id) as Array<{
    id: number;
    name: string;
    offerId: string | null;
    externalId: string | null;
    quantity: number;
    packedQuantity: number;
    unitPriceGrosze: number;
    currency: string;
    reservedQuantity: number;
    productId: number | null;
    sku: string | null;
    productName: string | null;
    ean: string | null;
    locationCode: string | null;
    onHand: number | null;
    reserved: number | null;
  }>;

  // Timeline: the audit entries about this order, the import that brought it, and its shipments.
  const audit = prepared(core.sqlite, `SELECT at, actor, action, details_json AS detailsJson FROM audit_log WHERE entity = 'order' AND entity_id = ? ORDER BY at, id`).all(String(id)) as Array<{
    at: string;
    actor: string;
    action: string;
    detailsJson: string | null;
  }>;
  const timeline: OrderDetail['timeline'] = audit.map((a) => ({ at: a.at, actor: a.actor, action: a.action, details: parseDetails(a.detailsJson) }));
  if (raw.importRunId !== null && !audit.some((a) => a.action === 'order.import')) {
    const run = prepared(core.sqlite, 'SELECT file_name AS fileName, actor, started_at AS startedAt, format FROM import_runs WHERE id = ?').get(raw.importRunId) as
      | { fileName: string; actor: string; startedAt: string; format: string }
      | undefined;
    if (run) timeline.push({ at: run.startedAt, actor: run.actor, action: 'order.import', details: { file: run.fileName, format: run.format, importRunId: raw.importRunId } });
  }
  // An order the import put on hold says why: the import set the status from Allegro's data without an
  // audit entry of its own, so the reason is read from that data (the same rules as the import's shopStatusFor).
  if (raw.status === 'on_hold' && raw.importRunId !== null && !audit.some((a) => a.action === 'order.status')) {
    const reason =
      raw.fulfillmentStatus === 'SUSPENDED' ? 'suspended' : raw.allegroStatus === 'BOUGHT' ? 'not_filled_in' : raw.allegroStatus === 'FILLED_IN' ? 'not_paid' : raw.paidAt === null ? 'unpaid' : 'other';
    const imported = timeline.find((t) => t.action === 'order.import');
    timeline.push({ at: imported?.at ?? raw.createdAt, actor: 'system', action: 'order.hold', details: { reason, allegroStatus: raw.allegroStatus, fulfillmentStatus: raw.fulfillmentStatus } });
  }
  if (timeline.length === 0 || !timeline.some((t) => t.action === 'order.import' || t.action === 'order.create')) {
    timeline.push({ at: raw.createdAt, actor: 'system', action: 'order.create', details: { source: raw.source } });
  }
  const shipments = prepared(
    core.sqlite,
    'SELECT carrier, tracking_number AS trackingNumber, dispatched_at AS dispatchedAt, created_at AS createdAt FROM shipments WHERE order_id = ? AND cancelled_at IS NULL ORDER BY id',
  ).all(id) as Array<{ carrier: string | null; trackingNumber: string | null; dispatchedAt: string | null; createdAt: string }>;
  for (const s of shipments) {
    if (!audit.some((a) => a.action.startsWith('packing.ship'))) {
      timeline.push({ at: s.dispatchedAt ?? s.createdAt, actor: 'system', action: 'order.shipment', details: { carrier: s.carrier, trackingNumber: s.trackingNumber } });
    }
  }
  timeline.sort((a, b) => a.at.localeCompare(b.at));

  const hasAddress = raw.deliveryStreet || raw.deliveryCity || raw.deliveryLastName || raw.deliveryCompany;
  const hasInvoice = raw.invoiceRequired === 1 || raw.invoiceCompanyName || raw.invoiceTaxId;
  return {
    order: {
      ...row!,
      revision: raw.revision,
      paidGrosze: raw.paidGrosze,
      paymentProvider: raw.paymentProvider,
      deliveryCostGrosze: raw.deliveryCostGrosze,
      marketplace: raw.marketplace,
      documentNumber: raw.documentNumber,
      buyerMessage: raw.buyerMessage,
      sellerNote: raw.sellerNote,
      dispatchByComputed: dispatchByOf(raw, settings.handlingTimeDays).computed,
      updatedAt: raw.updatedAt,
    },
    buyer: {
      login: raw.buyerLogin ?? customer?.login ?? null,
      name: raw.buyerName ?? ([customer?.firstName, customer?.lastName].filter(Boolean).join(' ') || null),
      email: customer?.email ?? null,
      phone: customer?.phone ?? raw.deliveryPhone,
      guest: customer?.guest === 1,
    },
    delivery: {
      methodName: raw.deliveryMethodName,
      carrier: raw.carrier,
      costGrosze: raw.deliveryCostGrosze,
      pickupPoint: raw.pickupPointId || raw.pickupPointName ? { id: raw.pickupPointId, name: raw.pickupPointName, address: raw.pickupPointAddress } : null,
      address: hasAddress
        ? {
            firstName: raw.deliveryFirstName,
            lastName: raw.deliveryLastName,
            company: raw.deliveryCompany,
            street: raw.deliveryStreet,
            zip: raw.deliveryZip,
            city: raw.deliveryCity,
            country: raw.deliveryCountry,
            phone: raw.deliveryPhone,
          }
        : null,
    },
    invoice: hasInvoice
      ? {
          companyName: raw.invoiceCompanyName,
          taxId: raw.invoiceTaxId,
          firstName: raw.invoiceFirstName,
          lastName: raw.invoiceLastName,
          street: raw.invoiceStreet,
          zip: raw.invoiceZip,
          city: raw.invoiceCity,
          country: raw.invoiceCountry,
        }
      : null,
    lines: lines.map((l) => ({
      id: l.id,
      name: l.name,
      offerId: l.offerId,
      externalId: l.externalId,
      quantity: l.quantity,
      packedQuantity: l.packedQuantity,
      unitPriceGrosze: l.unitPriceGrosze,
      currency: l.currency,
      reservedQuantity: l.reservedQuantity,
      product:
        l.productId === null
          ? null
          : {
              id: l.productId,
              sku: l.sku!,
              name: l.productName!,
              ean: l.ean,
              locationCode: l.locationCode,
              onHand: l.onHand!,
              reserved: l.reserved!,
              available: l.onHand! - l.reserved!,
            },
    })),
    shipments: shipments.map(({ carrier, trackingNumber, dispatchedAt }) => ({ carrier, trackingNumber, dispatchedAt })),
    timeline,
    allowedNext: nextStatuses(raw.status as OrderStatus, role),
  };
}
