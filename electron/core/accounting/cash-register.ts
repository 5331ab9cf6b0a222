import type { VatRate } from '../../../shared/domain/vat';
import type { SqliteDatabase } from '../db/connection';
import type { RegisterDocument, RegisterRow, SourceSale } from '../export/register.types';
import { RATE_ORDER } from '../export/vat-rate-text';

/**
 * How a shop books its sales without an invoice (issue 14 point 7), a setting:
 * - `per_order`: one receipt document (PA) per order, as before — what a shop gets until it chooses;
 * - `cash_register`: the shop prints receipts on a cash register (kasa fiskalna). The accountant books the
 *   register's monthly (periodic) report — one RO document with its totals per rate, as the owner copies
 *   them from the printout — not the receipts; Zaplecze's own receipt sales are the reconciliation. An
 *   invoice to a consumer is an invoice to a receipt (FP): listed, but not added to the totals, since the
 *   RO already holds that sale;
 * - `exempt`: the shop is exempt from the cash register (online payments through a bank, rozporządzenie
 *   w sprawie zwolnień z kas, poz. 37): its sales without an invoice are one internal summary (WEW) per
 *   month, per rate.
 */
export type SalesRecording = 'per_order' | 'cash_register' | 'exempt';

export interface CashReportTotal {
  rate: VatRate;
  gross: number;
  vat: number;
}

/** The cash register's periodic (monthly) report as the owner copied it. */
export interface CashRegisterReport {
  month: string;
  number: string;
  reportDate: string;
  totals: CashReportTotal[];
}

/** What the register says about receipts: the mode, the RO entered, Zaplecze's own receipt sales, and the difference. */
export interface RegisterCashSummary {
  mode: SalesRecording;
  report: CashRegisterReport | null;
  /** The month has receipt sales but no RO was entered (cash register mode): no file until it is. */
  reportMissing: boolean;
  /** Zaplecze's own receipt sales of the month per rate (orders without an invoice, and the FP invoices' sales). */
  receipts: CashReportTotal[];
  /** RO − Zaplecze, per rate (cash register mode with a report). */
  difference: CashReportTotal[];
  /** Orders summarised (in the RO reconciliation or the WEW). */
  orders: number;
}

export function loadCashReport(sqlite: SqliteDatabase, month: string): CashRegisterReport | null {
  const row = sqlite.prepare('SELECT month, number, report_date AS reportDate, totals_json AS totalsJson FROM cash_register_reports WHERE month = ?').get(month) as
    | { month: string; number: string; reportDate: string; totalsJson: string }
    | undefined;
  return row ? { month: row.month, number: row.number, reportDate: row.reportDate, totals: JSON.parse(row.totalsJson) as CashReportTotal[] } : null;
}

export function saveCashReport(sqlite: SqliteDatabase, report: CashRegisterReport, now: Date): void {
  const totals = RATE_ORDER.flatMap((rate) => report.totals.filter((t) => t.rate === rate && (t.gross !== 0 || t.vat !== 0)));
  sqlite
    .prepare(
      `INSERT INTO cash_register_reports (month, number, report_date, totals_json, recorded_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(month) DO UPDATE SET number = excluded.number, report_date = excluded.report_date, totals_json = excluded.totals_json, recorded_at = excluded.recorded_at`,
    )
    .run(report.month, report.number.trim(), report.reportDate, JSON.stringify(totals), now.toISOString());
}

export function deleteCashReport(sqlite: SqliteDatabase, month: string): boolean {
  return sqlite.prepare('DELETE FROM cash_register_reports WHERE month = ?').run(month).changes > 0;
}

/** A receipt sale: a sale document without an invoice, sold in Poland (distance sales and WDT stay single documents). */
const isDomesticReceipt = (d: RegisterDocument) => d.kind === 'sale' && d.documentType === 'PA' && (d.supply ?? 'domestic') === 'domestic';
/** An invoice a consumer asked for (no NIP): in a cash register shop, issued to the receipt the register printed. */
const isInvoiceToReceipt = (d: RegisterDocument) => d.kind === 'sale' && d.documentType === 'FS' && !d.sale.nip && (d.supply ?? 'domestic') === 'domestic';

function sumByRate(rows: RegisterRow[]): CashReportTotal[] {
  const by = new Map<VatRate, CashReportTotal>();
  for (const r of rows) {
    const t = by.get(r.rate) ?? { rate: r.rate, gross: 0, vat: 0 };
    t.gross += r.gross;
    t.vat += r.vat;
    by.set(r.rate, t);
  }
  return RATE_ORDER.filter((r) => by.has(r)).map((r) => by.get(r) as CashReportTotal);
}

/** A stand-in sale for a summary document: no buyer, the month's receipts together. */
function summarySale(name: string, day: string): SourceSale {
  return {
    orderId: 0,
    allegroOrderId: null,
    documentNumber: null,
    invoiceRequested: false,
    boughtAt: day,
    paidAt: null,
    taxDate: day,
    taxBasis: 'payment',
    issueDate: day,
    ksef: null,
    dueAt: null,
    buyerName: name,
    buyerLogin: null,
    nip: null,
    country: 'PL',
    address: { street: null, zip: null, city: null },
    phone: null,
    paymentType: null,
    paymentProvider: null,
    currency: 'PLN',
    totalGross: 0,
    surchargeGross: 0,
    deliveryGross: 0,
    lines: [],
    booked: null,
  };
}

function summaryDocument(
  kind: 'RO' | 'WEW',
  number: string,
  day: string,
  parts: CashReportTotal[],
  covered: RegisterDocument[],
  buyerName: string,
): RegisterDocument {
  const sale = summarySale(buyerName, day);
  const rows: RegisterRow[] = parts
    .filter((p) => p.gross !== 0 || p.vat !== 0)
    .map((p) => ({
      kind: 'sale',
      documentType: 'PA',
      documentNumber: number,
      issueDate: day,
      correctedDocument: null,
      ksef: 'DI',
      orderId: 0,
      allegroOrderId: null,
      saleDate: day,
      paymentDate: null,
      correctionDate: null,
      buyerName,
      nip: null,
      country: 'PL',
      rate: p.rate,
      net: p.gross - p.vat,
      vat: p.vat,
      gross: p.gross,
      shipping: 0,
      paymentMethod: '',
      currency: 'PLN',
      jpk: kind,
    }));
  return {
    kind: 'sale',
    documentType: 'PA',
    documentNumber: number,
    issueDate: day,
    cancellation: false,
    late: false,
    corrects: null,
    ksef: 'DI',
    reference: number,
    returnId: null,
    sale,
    date: day,
    rows,
    positions: Math.max(1, rows.length),
    net: rows.reduce((a, r) => a + r.net, 0),
    vat: rows.reduce((a, r) => a + r.vat, 0),
    gross: rows.reduce((a, r) => a + r.gross, 0),
    summaryOf: covered.map((d) => ({ orderId: d.sale.orderId, taxDate: d.sale.taxDate, gross: d.gross })),
  };
}

/**
 * The month's documents as the chosen recording books them (see SalesRecording). Per order: unchanged.
 * Cash register: receipt sales leave the list for one RO document with the report's totals (dated the
 * report's day); FP invoices stay, marked and left out of the totals. Exempt: receipt sales become one
 * WEW document with their per-rate sums (the same net and VAT the single receipts had). Only sales in
 * złoty are summarised (a foreign-currency receipt stays a document of its own).
 */
export function applySalesRecording(
  documents: RegisterDocument[],
  mode: SalesRecording,
  report: CashRegisterReport | null,
  month: string,
  lastDay: string,
): { documents: RegisterDocument[]; summary: RegisterCashSummary } {
  const summary: RegisterCashSummary = { mode, report, reportMissing: false, receipts: [], difference: [], orders: 0 };
  if (mode === 'per_order') return { documents, summary };
  const receipts = documents.filter((d) => isDomesticReceipt(d) && d.sale.currency === 'PLN' && d.rows.every((r) => r.currency === 'PLN'));
  const fp = mode === 'cash_register' ? documents.filter((d) => isInvoiceToReceipt(d) && d.rows.every((r) => r.currency === 'PLN')) : [];
  summary.orders = receipts.length + fp.length;
  summary.receipts = sumByRate([...receipts, ...fp].flatMap((d) => d.rows));
  const taken = new Set(receipts);
  for (const d of fp) {
    for (const r of d.rows) {
      r.jpk = 'FP';
      r.excluded = true;
    }
  }
  const rest = documents.filter((d) => !taken.has(d));
  const [year, mm] = month.split('-') as [string, string];
  if (mode === 'exempt') {
    if (receipts.length === 0) return { documents, summary };
    const wew = summaryDocument('WEW', `WEW ${Number(mm)}/${year}`, lastDay, summary.receipts.map((t) => ({ ...t })), receipts, 'Sprzedaż bez paragonu i faktury (zestawienie)');
    for (const r of wew.rows) {
      // The WEW's VAT is the sum of the single receipts' (not recomputed from the summed gross), and so is
      // the part that was delivery.
      const own = receipts.flatMap((d) => d.rows).filter((x) => x.rate === r.rate);
      r.vat = own.reduce((a, x) => a + x.vat, 0);
      r.net = r.gross - r.vat;
      r.shipping = own.reduce((a, x) => a + x.shipping, 0);
    }
    wew.net = wew.rows.reduce((a, r) => a + r.net, 0);
    wew.vat = wew.rows.reduce((a, r) => a + r.vat, 0);
    return { documents: [...rest, wew], summary };
  }
  // Cash register.
  if (!report) {
    summary.reportMissing = receipts.length + fp.length > 0;
    // Until the RO is entered the preview shows the receipts as Zaplecze has them; the file is refused.
    return { documents, summary };
  }
  summary.difference = RATE_ORDER.flatMap((rate) => {
    const ro = report.totals.find((t) => t.rate === rate) ?? { gross: 0, vat: 0 };
    const own = summary.receipts.find((t) => t.rate === rate) ?? { gross: 0, vat: 0 };
    const d = { rate, gross: ro.gross - own.gross, vat: ro.vat - own.vat };
    return d.gross !== 0 || d.vat !== 0 ? [d] : [];
  });
  const covered = [...receipts, ...fp];
  if (covered.length === 0 && report.totals.length === 0) return { documents, summary };
  // The RO books the receipt orders; the FP invoices are booked as their own documents.
  const ro = summaryDocument('RO', `RO ${report.number}`.slice(0, 30), report.reportDate, report.totals, receipts, 'Raport okresowy kasy fiskalnej');
  return { documents: [...rest, ro], summary };
}

/** One line of the cash register's record of returns (ewidencja zwrotów i uznanych reklamacji). */
export interface ReceiptReturnLine {
  /** The receipt sale's day (its tax point). */
  saleDate: string;
  /** The day the money went back. */
  returnDate: string;
  /** The sale's document: its number, or the order's reference. */
  saleDocument: string;
  allegroOrderId: string | null;
  /** What came back: "Kubek × 1; Koc × 2", with the buyer's reason when given. */
  goods: string;
  rate: VatRate;
  /** Gross and VAT given back (positive), grosze. */
  gross: number;
  vat: number;
  /** The return in Zaplecze (the record's "protocol" of accepting it): Z<return id>. */
  returnRef: string;
}

/** A receipt return the record lists: a ZW correcting a receipt sale (a cancellation is not a return of goods). */
const isRecordedReturn = (d: RegisterDocument) => d.kind === 'correction' && d.documentType === 'ZW' && !d.cancellation;

/**
 * Names the goods of each receipt return on its document (returnedGoods: "Kubek × 1 (nie pasuje)"), from
 * the return as registered now. Called before a month is closed, so the stored register keeps the names
 * and a closed month's record does not follow later edits of the return (its files stay the same bytes).
 */
export function nameReturnedGoods(sqlite: SqliteDatabase, documents: RegisterDocument[]): void {
  const goodsOf = sqlite.prepare(
    `SELECT COALESCE(rl.name, ol.name, 'towar') AS name, rl.quantity, rl.reason_text AS reason
       FROM return_lines rl LEFT JOIN order_lines ol ON ol.id = rl.order_line_id WHERE rl.return_id = ? ORDER BY rl.id`,
  );
  for (const d of documents) {
    if (!isRecordedReturn(d) || d.returnedGoods !== undefined) continue;
    d.returnedGoods =
      d.returnId === null
        ? 'zwrot pieniędzy bez zwrotu towaru'
        : (goodsOf.all(d.returnId) as Array<{ name: string; quantity: number; reason: string | null }>)
            .map((g) => `${g.name} × ${g.quantity}${g.reason ? ` (${g.reason})` : ''}`)
            .join('; ') || 'zwrot pieniędzy bez zwrotu towaru';
  }
}

/**
 * The cash register's record of returns of goods sold on receipts (rozporządzenie w sprawie kas
 * rejestrujących, 2019: returns are not corrected on the register but recorded apart, each with the sale's
 * date and document, the returned goods, the gross value and the VAT given back; the receipt and the return
 * protocol are kept with it). Made from the register's receipt returns (ZW rows); the goods as their
 * documents name them (kept with a closed month), else as the returns are registered now — a month closed
 * before the names were kept.
 */
export function receiptReturnsRecord(sqlite: SqliteDatabase, documents: RegisterDocument[]): ReceiptReturnLine[] {
  nameReturnedGoods(sqlite, documents);
  const out: ReceiptReturnLine[] = [];
  for (const d of documents) {
    if (!isRecordedReturn(d)) continue;
    for (const r of d.rows) {
      out.push({
        saleDate: d.sale.taxDate,
        returnDate: d.date,
        saleDocument: d.corrects?.number ?? d.reference,
        allegroOrderId: d.sale.allegroOrderId,
        goods: d.returnedGoods ?? 'zwrot pieniędzy bez zwrotu towaru',
        rate: r.rate,
        gross: -r.gross,
        vat: -r.vat,
        returnRef: d.returnId === null ? d.reference : `Z${d.returnId}`,
      });
    }
  }
  return out;
}
