/**
 * What the parsers hand to the writers: one normalised record per natural key, in database units
 * (grosze, ISO UTC strings, raw Allegro enum values). Records travel through the staging database as
 * JSON, so they hold only plain data.
 */
import type { CustomersTable, OrdersTable } from '../db/schema';

export interface OrderLineRecord {
  lineId: string;
  offerId: string | null;
  externalId: string | null;
  name: string;
  quantity: number;
  unitPriceGrosze: number;
  originalUnitPriceGrosze: number | null;
  currency: string;
  vatRate: string | null;
  boughtAt: string | null;
  /** Allegro Prices top-up for the whole line (grosze) and its settlement type; absent = the file does not say. */
  reconciliationGrosze?: number | null;
  reconciliationType?: string | null;
  /** Deposit (kaucja) for the whole line, grosze; absent = the file has no such field (older CSV layout). */
  depositGrosze?: number | null;
  /** Allegro's discount types on the line, distinct, sorted, comma-joined (null = none); absent = the file does not say (CSV). */
  discountTypes?: string | null;
}

/** The buyer's details exactly as the customers table stores them. */
type BuyerColumns = Pick<CustomersTable, 'login' | 'email' | 'firstName' | 'lastName' | 'companyName' | 'phone'>;

export interface BuyerRecord extends BuyerColumns {
  allegroBuyerId: string;
  guest: number;
}

export interface TrackingRecord {
  carrier: string | null;
  number: string;
}

/**
 * The order's own columns, typed as the orders table stores them: orders.apply.ts writes them unchanged,
 * so a column that changes type changes the record with it.
 */
type OrderColumns = Pick<
  OrdersTable,
  | 'revision'
  | 'allegroUpdatedAt'
  | 'boughtAt'
  | 'allegroStatus'
  | 'fulfillmentStatus'
  | 'buyerLogin'
  | 'buyerName'
  | 'marketplace'
  | 'paymentType'
  | 'paymentProvider'
  | 'paidAt'
  | 'paidGrosze'
  | 'totalToPayGrosze'
  | 'deliveryMethodId'
  | 'deliveryMethodName'
  | 'carrier'
  | 'deliveryCostGrosze'
  | 'pickupPointId'
  | 'pickupPointName'
  | 'pickupPointAddress'
  | 'deliveryFirstName'
  | 'deliveryLastName'
  | 'deliveryCompany'
  | 'deliveryStreet'
  | 'deliveryCity'
  | 'deliveryZip'
  | 'deliveryCountry'
  | 'deliveryPhone'
  | 'invoiceCompanyName'
  | 'invoiceTaxId'
  | 'invoiceFirstName'
  | 'invoiceLastName'
  | 'invoiceStreet'
  | 'invoiceCity'
  | 'invoiceZip'
  | 'invoiceCountry'
  | 'buyerMessage'
  | 'sellerNote'
>;

export interface OrderRecord extends OrderColumns {
  /** Where the data came from: Allegro's API JSON (revisioned) or the seller-panel CSV. */
  source: 'api' | 'csv';
  orderId: string;
  /** Payment as far as the file tells: decides whether a new order waits for payment. */
  paymentState: 'paid' | 'unpaid' | 'cod' | 'unknown';
  buyer: BuyerRecord | null;
  /** The table defaults these two; a record always has them. */
  currency: string;
  invoiceRequired: number;
  /** Allegro's dispatch deadline (`delivery.time.dispatch.to`), when given. */
  allegroDispatchTo: string | null;
  /** payment.reconciliation (Allegro Prices top-up of the order), API only; absent in the CSV. */
  paymentReconciliationGrosze?: number | null;
  /** API only: the sum of surcharges[] paid in the order's currency (0 when none) and invoice.dueDate. */
  surchargesGrosze?: number;
  invoiceDueDate?: string | null;
  lines: OrderLineRecord[];
  tracking: TrackingRecord[];
}

export interface OfferRecord {
  offerId: string;
  externalId: string | null;
  title: string | null;
  ean: string | null;
  priceGrosze: number | null;
  currency: string;
  stockQuantity: number | null;
  status: string | null;
  vatRate: string | null;
  marketplace: string;
  /** The row as label → text, stored as the offer's raw JSON. */
  raw: Record<string, string>;
}

export interface ReturnLineRecord {
  offerId: string | null;
  name: string | null;
  quantity: number;
  unitPriceGrosze: number | null;
  currency: string | null;
  reasonCode: string | null;
  reasonText: string | null;
}

export interface ReturnRecord {
  returnId: string;
  referenceNumber: string | null;
  orderId: string | null;
  allegroStatus: string | null;
  createdAt: string | null;
  refundGrosze: number | null;
  currency: string;
  buyerMessage: string | null;
  lines: ReturnLineRecord[];
}

export interface ShipmentRecord {
  orderId: string;
  shipmentId: string | null;
  waybill: string;
  carrier: string | null;
  createdAt: string | null;
}

export interface BillingRecord {
  entryId: string;
  occurredAt: string;
  typeId: string | null;
  typeName: string | null;
  offerId: string | null;
  offerName: string | null;
  orderId: string | null;
  amountGrosze: number;
  currency: string;
  taxPercentage: string | null;
  balanceGrosze: number | null;
}

export interface StockRowRecord {
  sku: string;
  /** True when the sheet had no SKU and one was made up from the name (BEZ-SKU-…). */
  generatedSku: boolean;
  name: string;
  /** Undefined: the sheet says nothing (column not mapped, or value refused); null: explicitly empty. */
  ean?: string | null;
  quantity?: number | null;
  unit?: string | null;
  purchasePriceGrosze?: number | null;
  salePriceGrosze?: number | null;
  vatRate?: string | null;
  location?: string | null;
  reorderPoint?: number | null;
  /** The group heading the row sits under ("KARMY I PRZYSMAKI"); undefined: no heading above it. */
  category?: string;
}

export type StagedKind = 'order' | 'line' | 'badOrder' | 'badLine' | 'meta' | 'offer' | 'return' | 'shipment' | 'billing' | 'stock';

/**
 * A line item that cannot be imported (quantity 0 or below, a price with more than two decimal places…)
 * under an order that can: with "import only valid rows" the order is imported without it and put on
 * hold, its history saying which line and why.
 */
export interface BadLineRecord {
  row: number | null;
  lineId: string | null;
  name: string | null;
  reason: { pl: string; en: string };
}

/** What the owner's stock sheet says about itself: the day it counts ("Stan na 30.11.2026"). */
export interface SheetMetaRecord {
  /** The counted day, YYYY-MM-DD (Warsaw). */
  countedOn: string;
  /** The cell it was read from, as written. */
  text: string;
  row: number;
}
