/**
 * What the parsers hand to the writers: one normalised record per natural key, in database units
 * (grosze, ISO UTC strings, raw Allegro enum values). Records travel through the staging database as
 * JSON, so they hold only plain data.
 */

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
  /** CSV only: the line's own row, for the order's raw JSON. */
  rawRow?: Record<string, string>;
}

export interface BuyerRecord {
  allegroBuyerId: string;
  login: string | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  phone: string | null;
  guest: number;
}

export interface TrackingRecord {
  carrier: string | null;
  number: string;
}

export interface OrderRecord {
  /** Where the data came from: Allegro's API JSON (revisioned) or the seller-panel CSV. */
  source: 'api' | 'csv';
  orderId: string;
  revision: string | null;
  allegroUpdatedAt: string | null;
  boughtAt: string;
  allegroStatus: string | null;
  fulfillmentStatus: string | null;
  /** Payment as far as the file tells: decides whether a new order waits for payment. */
  paymentState: 'paid' | 'unpaid' | 'cod' | 'unknown';
  buyer: BuyerRecord | null;
  buyerLogin: string | null;
  buyerName: string | null;
  marketplace: string | null;
  paymentType: string | null;
  paymentProvider: string | null;
  paidAt: string | null;
  paidGrosze: number | null;
  totalToPayGrosze: number;
  currency: string;
  deliveryMethodId: string | null;
  deliveryMethodName: string | null;
  carrier: string | null;
  deliveryCostGrosze: number | null;
  pickupPointId: string | null;
  pickupPointName: string | null;
  pickupPointAddress: string | null;
  deliveryFirstName: string | null;
  deliveryLastName: string | null;
  deliveryCompany: string | null;
  deliveryStreet: string | null;
  deliveryCity: string | null;
  deliveryZip: string | null;
  deliveryCountry: string | null;
  deliveryPhone: string | null;
  invoiceRequired: number;
  invoiceCompanyName: string | null;
  invoiceTaxId: string | null;
  invoiceFirstName: string | null;
  invoiceLastName: string | null;
  invoiceStreet: string | null;
  invoiceCity: string | null;
  invoiceZip: string | null;
  invoiceCountry: string | null;
  buyerMessage: string | null;
  sellerNote: string | null;
  /** Allegro's dispatch deadline (`delivery.time.dispatch.to`), when given. */
  allegroDispatchTo: string | null;
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
}

export type StagedKind = 'order' | 'line' | 'badOrder' | 'offer' | 'return' | 'shipment' | 'billing' | 'stock';
