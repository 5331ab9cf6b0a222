import type { GtuCode } from '../../../shared/domain/gtu';
import type { VatRate } from '../../../shared/domain/vat';
import type { RegisterCashSummary } from '../accounting/cash-register';
import type { Supply } from '../accounting/eu-supply';

/** A sale as the database holds it, before any VAT arithmetic (see sales-register.data.ts). */
export interface SourceSale {
  orderId: number;
  allegroOrderId: string | null;
  documentNumber: string | null;
  invoiceRequested: boolean;
  boughtAt: string;
  paidAt: string | null;
  /**
   * The VAT tax point, YYYY-MM-DD Warsaw: the payment day (prepaid, art. 19a ust. 8; cash on delivery is
   * paid when delivered), else the delivery — known only as the shipment day (taxBasis 'shipment').
   */
  taxDate: string;
  taxBasis: 'payment' | 'shipment';
  /** The document's issue date when known (booked in a closed month, or brought in with its number). */
  issueDate: string | null;
  /** The invoice's KSeF number, when brought in from the invoicing tool. */
  ksef: string | null;
  /** Invoice due date from Allegro (EXTENDED_TERM), when known. */
  dueAt: string | null;
  buyerName: string;
  buyerLogin: string | null;
  nip: string | null;
  /** The buyer's NIP is on the owner's list of related parties (Settings): the JPK_V7 marker TP. Only when so. */
  relatedParty?: true;
  country: string;
  address: { street: string | null; zip: string | null; city: string | null };
  phone: string | null;
  paymentType: string | null;
  paymentProvider: string | null;
  currency: string;
  /**
   * The taxable total, minor units: what the buyer pays (goods + delivery + additional services + Allegro
   * surcharges), plus Allegro Prices top-ups, less packaging deposits.
   */
  totalGross: number;
  /** Of totalGross, the surcharges the buyer paid on top of the order's total (Allegro surcharges[]). */
  surchargeGross: number;
  /** Delivery as Allegro charged it, minor units (informational; the allocation uses totalGross − goods). */
  deliveryGross: number;
  /**
   * The goods lines: gross = what the buyer paid for the line plus any Allegro Prices top-up (topUp, paid by
   * Allegro, art. 29a ust. 1 — part of the taxable amount); deposit = the packaging deposit (kaucja) the
   * buyer paid for it, outside gross and the taxable amount. Both only present when not zero. gtu and
   * splitPayment: the product's JPK_V7 GTU group and annex-15 flag (see shared/domain/gtu.ts), only when set.
   */
  lines: Array<{ gross: number; rate: VatRate; quantity: number; topUp?: number; deposit?: number; gtu?: GtuCode; splitPayment?: true }>;
  /** Of totalGross, Allegro Prices top-ups (lineItems[].reconciliation, payment.reconciliation); only when not zero. */
  topUpGross?: number;
  /** Packaging deposits the buyer paid, left out of totalGross (not taxed); only when not zero. */
  depositGross?: number;
  /** The sale as booked in a closed month (number, issue date), when it was. */
  booked: BookedDocument | null;
}

/** A return / refund that corrects a sale in the month it happened. */
export interface SourceReturn {
  returnId: number;
  sale: SourceSale;
  /** The refund day. */
  happenedAt: string;
  /** The refunded amount (positive), or null to take the returned lines' value. */
  refundGross: number | null;
  lines: Array<{ gross: number; rate: VatRate; quantity: number }>;
}

/** A document as booked in a closed (frozen) month. */
export interface BookedDocument {
  month: string;
  documentType: string;
  documentNumber: string | null;
  issueDate: string | null;
  gross: number;
}

/** A booked sale cancelled afterwards: its correction goes to the first open month. */
export interface SourceCancellation {
  sale: SourceSale;
  /** The day the cancellation was recorded (may be before the month it is booked in). */
  happenedAt: string;
}

/**
 * EDI++ document types: FS invoice, PA receipt, KFS correction of an invoice, ZW a receipt's return
 * (EDI++ has no "KPA").
 */
export type DocumentType = 'FS' | 'PA' | 'KFS' | 'ZW';

/** One row of the register: one document and one VAT rate. Money in minor units of `currency`. */
export interface RegisterRow {
  kind: 'sale' | 'correction';
  documentType: DocumentType;
  documentNumber: string | null;
  /** YYYY-MM-DD; null until the month is closed and the document numbered. */
  issueDate: string | null;
  /** The corrected document's number (or our reference), corrections only. */
  correctedDocument: string | null;
  /** KSeF number of the invoice, or the JPK marker: BFK (invoice outside KSeF), DI (receipt, other document). */
  ksef: string;
  orderId: number;
  allegroOrderId: string | null;
  /** The tax point, YYYY-MM-DD Warsaw (of the corrected sale, for corrections). */
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
  /** Where the sale is taxed (domestic, WDT, WSTO below the threshold, OSS above it); absent = domestic. */
  supply?: Supply;
  /** A foreign-currency document converted to złoty: the NBP rate used; net/VAT/gross are then PLN. */
  fx?: RowFx | null;
  /** The row's gross in the document's own currency (fx.currency), when converted. */
  foreignGross?: number | null;
  /** JPK marker of a summary or linked document: RO (cash register report), WEW (internal summary), FP (invoice to a receipt). */
  jpk?: 'RO' | 'WEW' | 'FP' | null;
  /** Shown but not added to the totals: an invoice to a receipt (FP) whose sale the cash register's report already holds. */
  excluded?: boolean;
  /** Packaging deposits (kaucja) of the sale's goods at this rate: paid by the buyer, not in gross, not taxed; only when not zero. */
  deposit?: number;
  /** The document's JPK_V7 markers from its goods ("GTU_06 MPP", see jpk-markers.ts); only when it has any. */
  markers?: string;
}

/** The NBP table A average rate a document was converted at (art. 31a). */
export interface RowFx {
  currency: string;
  /** "0.1712": złoty for one unit. */
  rate: string;
  rateMicro: number;
  /** e.g. "229/A/NBP/2026". */
  tableNo: string;
  /** YYYY-MM-DD, the table's day. */
  day: string;
}

/** One document (an order's sale, or one return's correction) with its rows, one per rate. */
export interface RegisterDocument {
  kind: 'sale' | 'correction';
  documentType: DocumentType;
  /** The shop's own document number, when recorded. */
  documentNumber: string | null;
  issueDate: string | null;
  /** A correction that cancels a whole booked sale (the order was cancelled after its month closed). */
  cancellation: boolean;
  /** A sale whose tax point is in a closed month, booked in this one (it was not known when that month closed). */
  late: boolean;
  /** The corrected document (corrections): number or reference, and its issue date. */
  corrects: { number: string; issueDate: string | null } | null;
  ksef: string;
  /** Our reference when there is no document number: ZAP-<order id> (sales), ZAP-<order id>/Z<return id> (corrections). */
  reference: string;
  /** A summary document (the cash register's RO, or the WEW of sales without a receipt): the orders it stands for. */
  summaryOf?: Array<{ orderId: number; taxDate: string; gross: number }>;
  /** Where the sale is taxed; absent = domestic. */
  supply?: Supply;
  /** A receipt return (ZW) of a cash register shop: the goods given back as its record names them, kept with a closed month. */
  returnedGoods?: string;
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

export type RegisterWarningCode =
  | 'rate_from_product'
  | 'rate_assumed'
  | 'foreign_currency'
  | 'no_goods_value'
  | 'tax_point_shipment'
  | 'late_sale'
  | 'cancelled_after_booking'
  | 'booked_amount_changed'
  | 'epp_characters_lost'
  | 'refund_date_assumed'
  | 'wdt_check'
  | 'oss_sale'
  | 'wsto_threshold_near';

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
  /** When the month was closed (frozen) for the accountant: its files are then always the same bytes. */
  frozen: { at: string; stamp: string } | null;
  /** NBP rates the month needs and the shop does not have (currency and the table's day): no file until they are. */
  missingRates?: Array<{ currency: string; day: string; orderIds: number[] }>;
  /** The yearly threshold of distance sales to EU consumers (42 000 zł net), as it stands at the month's end. */
  wsto?: { year: string; threshold: number; netBeforeMonth: number; netThroughMonth: number; crossedOn: string | null; lastYearExceeded: boolean };
  /** How receipts are booked (cash register RO, exempt WEW summary, or one PA per order) and the cash register's reconciliation. */
  salesRecording?: RegisterCashSummary;
}
