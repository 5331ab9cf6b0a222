import type { VatRate } from '../../../shared/domain/vat';

/** A sale as the database holds it, before any VAT arithmetic (see sales-register.data.ts). */
export interface SourceSale {
  orderId: number;
  allegroOrderId: string | null;
  documentNumber: string | null;
  invoiceRequested: boolean;
  boughtAt: string;
  paidAt: string | null;
  /** Invoice due date from Allegro (EXTENDED_TERM), when known. */
  dueAt: string | null;
  buyerName: string;
  buyerLogin: string | null;
  nip: string | null;
  country: string;
  address: { street: string | null; zip: string | null; city: string | null };
  phone: string | null;
  paymentType: string | null;
  paymentProvider: string | null;
  currency: string;
  /** What the buyer pays in total (goods + delivery + additional services), minor units. */
  totalGross: number;
  /** Delivery as Allegro charged it, minor units (informational; the allocation uses totalGross − goods). */
  deliveryGross: number;
  lines: Array<{ gross: number; rate: VatRate; quantity: number }>;
}

/** A return / refund that corrects a sale in the month it happened. */
export interface SourceReturn {
  returnId: number;
  sale: SourceSale;
  /** The day the correction belongs to (refund day, or the day the goods came back). */
  happenedAt: string;
  /** The refunded amount (positive), or null to take the returned lines' value. */
  refundGross: number | null;
  lines: Array<{ gross: number; rate: VatRate; quantity: number }>;
}

export type DocumentType = 'FS' | 'PA' | 'KFS' | 'KPA';

/** One row of the register: one document and one VAT rate. Money in minor units of `currency`. */
export interface RegisterRow {
  kind: 'sale' | 'correction';
  documentType: DocumentType;
  documentNumber: string | null;
  orderId: number;
  allegroOrderId: string | null;
  /** YYYY-MM-DD, Warsaw. */
  saleDate: string;
  paymentDate: string | null;
  /** The day of the return/refund (corrections only). */
  correctionDate: string | null;
  buyerName: string;
  nip: string | null;
  country: string;
  rate: VatRate;
  net: number;
  vat: number;
  gross: number;
  /** The part of `gross` that is delivery and additional services (allocated pro rata). */
  shipping: number;
  paymentMethod: string;
  currency: string;
}

/** One document (an order's sale, or one return's correction) with its rows, one per rate. */
export interface RegisterDocument {
  kind: 'sale' | 'correction';
  documentType: DocumentType;
  /** The shop's own document number, when recorded. */
  documentNumber: string | null;
  /** Our reference when there is no document number: ZAP-<order id> (sales), ZAP-<order id>/Z<return id> (corrections). */
  reference: string;
  returnId: number | null;
  sale: SourceSale;
  /** Date that puts the document in the month: sale date, or the correction's date. */
  date: string;
  rows: RegisterRow[];
  /** Number of item positions (goods lines, plus delivery when charged) for EDI++. */
  positions: number;
  net: number;
  vat: number;
  gross: number;
}

export interface RegisterTotal {
  currency: string;
  rate: VatRate;
  rows: number;
  net: number;
  vat: number;
  gross: number;
  shipping: number;
}

export type RegisterWarningCode = 'rate_from_product' | 'rate_assumed' | 'foreign_currency' | 'no_goods_value';

export interface RegisterWarning {
  code: RegisterWarningCode;
  orderId: number;
  reference: string;
}

export interface SalesRegister {
  month: string;
  firstDay: string;
  lastDay: string;
  documents: RegisterDocument[];
  rows: RegisterRow[];
  /** Per currency and rate, in the order PLN first, then rates 23, 8, 5, 0, zw, np. */
  totals: RegisterTotal[];
  /** Per currency, all rates together. */
  grandTotals: Array<Omit<RegisterTotal, 'rate'>>;
  warnings: RegisterWarning[];
}
