import { vatFromGross, type VatRate } from '../../../shared/domain/vat';
import { allocateProRata } from './allocation';
import { Pacer } from './pacer';
import { markerWords } from './jpk-markers';
import { localDate, type MonthPeriod } from './period';
import { paymentMethodLabel } from './payment-method';
import type {
  DocumentType,
  RegisterDocument,
  RegisterRow,
  RegisterTotal,
  RegisterWarning,
  SalesRegister,
  SourceCancellation,
  SourceReturn,
  SourceSale,
} from './register.types';
import { RATE_ORDER } from './vat-rate-text';
import type { Part, RegisterAccounting } from '../accounting/register-accounting';
import { applySalesRecording, type CashRegisterReport, type SalesRecording } from '../accounting/cash-register';
import type { RowFx } from './register.types';
import type { Supply } from '../accounting/eu-supply';

/** Goods value per rate, in display order, with rates that have goods only. */
export function goodsByRate(lines: SourceSale['lines']): Array<{ rate: VatRate; goods: number }> {
  // Most orders have goods at one rate: no map for them (a busy month has ~200k orders).
  const first = lines[0];
  if (first && lines.every((l) => l.rate === first.rate)) return [{ rate: first.rate, goods: lines.reduce((a, l) => a + l.gross, 0) }];
  const sums = new Map<VatRate, number>();
  for (const l of lines) sums.set(l.rate, (sums.get(l.rate) ?? 0) + l.gross);
  return RATE_ORDER.filter((r) => sums.has(r)).map((rate) => ({ rate, goods: sums.get(rate) ?? 0 }));
}

/**
 * Gross per rate of a document whose total is `total`: the goods at their own rates, and the rest
 * (delivery, additional services; negative for an order-level discount) spread over the goods' rates in
 * proportion to the goods' value — delivery follows the goods it ships (a composite supply).
 */
export function splitByRate(total: number, groups: Array<{ rate: VatRate; goods: number }>): Array<{ rate: VatRate; gross: number; extra: number }> {
  const goods = groups.reduce((a, g) => a + g.goods, 0);
  const extras = allocateProRata(total - goods, groups.map((g) => Math.max(0, g.goods)));
  return groups.map((g, i) => ({ rate: g.rate, gross: g.goods + (extras[i] ?? 0), extra: extras[i] ?? 0 }));
}

/** paymentMethodLabel per (type, provider), so the month's rows share a handful of label strings. */
const paymentLabels = new Map<string | null, Map<string | null, string>>();

function paymentLabel(type: string | null, provider: string | null): string {
  let byProvider = paymentLabels.get(type);
  if (!byProvider) {
    if (paymentLabels.size > 1000) paymentLabels.clear();
    paymentLabels.set(type, (byProvider = new Map()));
  }
  let label = byProvider.get(provider);
  if (label === undefined) {
    label = paymentMethodLabel(type, provider);
    if (byProvider.size < 1000) byProvider.set(provider, label);
  }
  return label;
}

const reference = (orderId: number, returnId?: number) => (returnId === undefined ? `ZAP-${orderId}` : `ZAP-${orderId}/Z${returnId}`);

/**
 * The JPK marker of a document without a KSeF number: BFK for an invoice issued outside KSeF, DI for a
 * receipt (its sales reach JPK through the cash register's records) and other documents.
 */
const ksefOf = (sale: SourceSale, type: DocumentType) => sale.ksef ?? (type === 'FS' || type === 'KFS' ? 'BFK' : 'DI');

/** The sale's document as the corrected one: its number (or our reference) and issue date. */
const correctedOf = (sale: SourceSale) => ({ number: sale.documentNumber ?? reference(sale.orderId), issueDate: sale.issueDate });

function makeDocument(
  kind: 'sale' | 'correction',
  sale: SourceSale,
  date: string,
  parts: Part[],
  positions: number,
  returnId: number | null,
  opts: { cancellation?: boolean; late?: boolean; fx?: RowFx | null; supply?: Supply } = {},
): RegisterDocument {
  const saleDate = sale.taxDate;
  const documentType: DocumentType = kind === 'sale' ? (sale.invoiceRequested ? 'FS' : 'PA') : sale.invoiceRequested ? 'KFS' : 'ZW';
  const documentNumber = kind === 'sale' ? sale.documentNumber : null;
  const issueDate = kind === 'sale' ? sale.issueDate : null;
  const corrects = kind === 'correction' ? correctedOf(sale) : null;
  const ksef = kind === 'sale' ? ksefOf(sale, documentType) : ksefOf({ ...sale, ksef: null }, documentType);
  const deposits = kind === 'sale' && sale.depositGross ? depositsByRate(sale, parts) : null;
  const rows: RegisterRow[] = parts
    .filter((p) => p.gross !== 0)
    .map((p) => {
      // Rounded per document and rate, from gross — the way an invoice "od brutto" computes it; a
      // correction brings its own net and VAT (the difference of before and after, art. 106j).
      const { net, vat, gross } = p.net !== undefined && p.vat !== undefined ? { net: p.net, vat: p.vat, gross: p.gross } : vatFromGross(p.gross, p.rate);
      return {
        kind,
        documentType,
        documentNumber,
        issueDate,
        correctedDocument: corrects?.number ?? null,
        ksef,
        orderId: sale.orderId,
        allegroOrderId: sale.allegroOrderId,
        saleDate,
        paymentDate: kind === 'sale' ? localDate(sale.paidAt) : date,
        correctionDate: kind === 'correction' ? date : null,
        buyerName: sale.buyerName,
        nip: sale.invoiceRequested ? sale.nip : null,
        country: sale.country,
        rate: p.rate,
        net,
        vat,
        gross,
        shipping: p.extra,
        paymentMethod: paymentLabel(sale.paymentType, sale.paymentProvider),
        // Converted at the NBP rate (see accounting/register-accounting.ts): the amounts are złoty.
        currency: opts.fx ? 'PLN' : sale.currency,
        ...(opts.supply && opts.supply !== 'domestic' ? { supply: opts.supply } : {}),
        ...(opts.fx ? { fx: opts.fx, foreignGross: p.foreign ?? null } : {}),
        ...(deposits?.get(p) ? { deposit: deposits.get(p) } : {}),
      };
    });
  return {
    kind,
    documentType,
    documentNumber,
    issueDate,
    cancellation: opts.cancellation === true,
    late: opts.late === true,
    corrects,
    ksef,
    reference: returnId === null ? (kind === 'sale' ? reference(sale.orderId) : `${reference(sale.orderId)}/A`) : reference(sale.orderId, returnId),
    returnId,
    sale,
    date,
    rows,
    positions,
    ...(opts.supply && opts.supply !== 'domestic' ? { supply: opts.supply } : {}),
    net: rows.reduce((a, r) => a + r.net, 0),
    vat: rows.reduce((a, r) => a + r.vat, 0),
    gross: rows.reduce((a, r) => a + r.gross, 0),
  };
}

/**
 * The sale's packaging deposits per row of its document: each line's deposit goes with its goods' rate;
 * what no row's rate takes (a rate the EU rules changed, e.g. OSS "np") goes to the first row, so the
 * document shows all of it.
 */
function depositsByRate(sale: SourceSale, parts: Part[]): Map<Part, number> {
  const shown = parts.filter((p) => p.gross !== 0);
  const out = new Map<Part, number>();
  let left = sale.depositGross ?? 0;
  for (const p of shown) {
    const d = sale.lines.reduce((a, l) => a + (l.rate === p.rate ? (l.deposit ?? 0) : 0), 0);
    if (d) out.set(p, d);
    left -= d;
  }
  const first = shown[0];
  if (left !== 0 && first) out.set(first, (out.get(first) ?? 0) + left);
  return out;
}

/**
 * A correction's rows as the difference of the document after and before it (art. 106j): per rate,
 * gross before G and the part given back g, net and VAT = (those of G − g) − (those of G). Computing VAT
 * from the refunded amount alone can differ by a grosz from what the two invoices say.
 */
function differenceParts(before: Array<{ rate: VatRate; gross: number; extra: number }>, back: Array<{ rate: VatRate; gross: number; extra: number }>) {
  return back.map((b) => {
    const whole = before.find((p) => p.rate === b.rate)?.gross ?? b.gross;
    const was = vatFromGross(whole, b.rate);
    const now = vatFromGross(whole - b.gross, b.rate);
    return { rate: b.rate, gross: -b.gross, extra: -b.extra, net: now.net - was.net, vat: now.vat - was.vat };
  });
}

function saleParts(sale: SourceSale, warnings: RegisterWarning[]) {
  let groups = goodsByRate(sale.lines);
  if (groups.length === 0) {
    warnings.push({ code: 'no_goods_value', orderId: sale.orderId, reference: reference(sale.orderId) });
    groups = [{ rate: '23', goods: 0 }];
  }
  return splitByRate(sale.totalGross, groups);
}

/** The register's order: by date, sales before corrections, then by order and return. */
function compareDocuments(a: RegisterDocument, b: RegisterDocument): number {
  // Dates are YYYY-MM-DD: plain comparison orders them as localeCompare would, without ICU's cost.
  return (
    (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
    (a.kind === b.kind ? 0 : a.kind === 'sale' ? -1 : 1) ||
    Number(a.cancellation) - Number(b.cancellation) ||
    a.sale.orderId - b.sale.orderId ||
    (a.returnId ?? 0) - (b.returnId ?? 0)
  );
}

/**
 * The month's register from the sales and returns that belong to it (the caller picks them by date).
 * Pure integer arithmetic: every row has gross = net + VAT exactly, and the totals are sums of rows.
 *
 * A busy month is ~200k documents: the work gives the event loop a turn whenever the pacer says so
 * (see pacer.ts), and the documents are sorted one day at a time — the first key is the day, so
 * sorting each day's documents and laying the days end to end gives exactly the order one sort of the
 * whole month would, without one ~100 ms step.
 */
export async function buildSalesRegister(
  period: MonthPeriod,
  sales: SourceSale[],
  returns: SourceReturn[],
  warningsIn: RegisterWarning[] = [],
  pacer: Pacer = new Pacer(),
  cancellations: SourceCancellation[] = [],
  accounting: { rules?: RegisterAccounting; recording?: { mode: SalesRecording; report: CashRegisterReport | null } } = {},
): Promise<SalesRegister> {
  const rules = accounting.rules;
  const warnings = [...warningsIn];
  const byDay = new Map<string, RegisterDocument[]>();
  const add = (doc: RegisterDocument) => {
    const day = byDay.get(doc.date);
    if (day) day.push(doc);
    else byDay.set(doc.date, [doc]);
  };
  for (const sale of sales) {
    const positions = sale.lines.length + (sale.deliveryGross > 0 ? 1 : 0);
    const late = sale.taxDate < period.firstDay;
    const parts = saleParts(sale, warnings);
    const treated = rules ? rules.sale(sale, parts, warnings) : null;
    if (sale.currency !== 'PLN' && !treated) warnings.push({ code: 'foreign_currency', orderId: sale.orderId, reference: reference(sale.orderId) });
    add(makeDocument('sale', sale, late ? period.firstDay : sale.taxDate, treated?.parts ?? parts, positions, null, { late, fx: treated?.fx, supply: treated?.supply }));
    if (pacer.due()) await pacer.pause();
  }
  for (const c of cancellations) {
    // The whole booked sale, taken back: every rate's gross, net and VAT exactly as booked, negated.
    const own = saleParts(c.sale, []);
    const treated = rules ? rules.sale(c.sale, own, []) : null;
    const parts: Part[] = treated?.parts ?? own;
    if (c.sale.booked && parts.reduce((a, p) => a + p.gross, 0) !== c.sale.booked.gross) {
      warnings.push({ code: 'booked_amount_changed', orderId: c.sale.orderId, reference: reference(c.sale.orderId) });
    }
    const negative = parts.map((p) => {
      const { net, vat } = vatFromGross(p.gross, p.rate);
      return { rate: p.rate, gross: -p.gross, extra: -p.extra, net: -net, vat: -vat, ...(p.foreign !== undefined ? { foreign: -p.foreign } : {}) };
    });
    const positions = c.sale.lines.length + (c.sale.deliveryGross > 0 ? 1 : 0);
    const doc = makeDocument('correction', c.sale, c.happenedAt, negative, Math.max(1, positions), null, { cancellation: true, fx: treated?.fx, supply: treated?.supply });
    if (doc.rows.length > 0) add(doc);
  }
  for (const ret of returns) {
    const groups = goodsByRate(ret.lines);
    let parts: Array<{ rate: VatRate; gross: number; extra: number }>;
    if (groups.length > 0) {
      const linesTotal = groups.reduce((a, g) => a + g.goods, 0);
      parts = splitByRate(ret.refundGross ?? linesTotal, groups);
    } else {
      // A refund without returned lines (e.g. a price reduction): spread over the sale's own rates.
      const saleRates = saleParts(ret.sale, []);
      const amounts = allocateProRata(ret.refundGross ?? 0, saleRates.map((p) => Math.max(0, p.gross)));
      parts = saleRates.map((p, i) => ({ rate: p.rate, gross: amounts[i] ?? 0, extra: 0 }));
    }
    const before = saleParts(ret.sale, []);
    const treated = rules ? rules.correction(ret.sale, before, parts, warnings) : null;
    const doc = makeDocument('correction', ret.sale, ret.happenedAt, treated?.parts ?? differenceParts(before, parts), Math.max(1, ret.lines.length), ret.returnId, {
      fx: treated?.fx,
      supply: treated?.supply,
    });
    if (doc.rows.length > 0) add(doc);
    if (pacer.due()) await pacer.pause();
  }
  const documents: RegisterDocument[] = [];
  const rows: RegisterRow[] = [];
  const totals = new RegisterTotals();
  const extra: Pick<SalesRegister, 'missingRates' | 'wsto' | 'salesRecording'> = {};
  if (rules) {
    extra.missingRates = rules.missingRates();
    extra.wsto = rules.thresholdAt(period.firstDay, period.lastDay, warnings);
  }
  if (accounting.recording && accounting.recording.mode !== 'per_order') {
    // Receipts summarised (cash register RO / exempt WEW): the documents laid out by day first, then summarised.
    const all: RegisterDocument[] = [];
    for (const day of [...byDay.keys()].sort()) all.push(...(byDay.get(day) as RegisterDocument[]).sort(compareDocuments));
    const recorded = applySalesRecording(all, accounting.recording.mode, accounting.recording.report, period.month, period.lastDay);
    extra.salesRecording = recorded.summary;
    byDay.clear();
    for (const doc of recorded.documents) add(doc);
  } else if (accounting.recording) {
    extra.salesRecording = applySalesRecording([], 'per_order', null, period.month, period.lastDay).summary;
  }
  for (const day of [...byDay.keys()].sort()) {
    // Sales arrive in order id order, so a day's list is nearly sorted already: the sort is one pass.
    const list = (byDay.get(day) as RegisterDocument[]).sort(compareDocuments);
    for (const doc of list) {
      documents.push(doc);
      const markers = markerWords(doc);
      for (const row of doc.rows) {
        if (markers) row.markers = markers;
        rows.push(row);
        totals.add(row);
      }
      if (pacer.due()) await pacer.pause();
    }
  }
  return { month: period.month, firstDay: period.firstDay, lastDay: period.lastDay, documents, rows, ...totals.result(), warnings, frozen: null, ...extra };
}

/**
 * Totals per currency and rate, and per currency: plain sums of the rows, added one row at a time (the
 * register adds them as it lays its rows out, between the pacer's pauses).
 */
export class RegisterTotals {
  // Keyed by currency, then rate (no string built per row: a busy month has ~200k rows).
  private readonly byKey = new Map<string, Map<VatRate, RegisterTotal>>();
  private readonly all: RegisterTotal[] = [];

  add(r: RegisterRow): void {
    // An invoice to a receipt (FP): its sale is in the cash register's report already.
    if (r.excluded) return;
    let ofCurrency = this.byKey.get(r.currency);
    if (!ofCurrency) this.byKey.set(r.currency, (ofCurrency = new Map()));
    let t = ofCurrency.get(r.rate);
    if (!t) {
      t = { currency: r.currency, rate: r.rate, rows: 0, net: 0, vat: 0, gross: 0, shipping: 0 };
      ofCurrency.set(r.rate, t);
      this.all.push(t);
    }
    t.rows += 1;
    t.net += r.net;
    t.vat += r.vat;
    t.gross += r.gross;
    t.shipping += r.shipping;
  }

  result(): Pick<SalesRegister, 'totals' | 'grandTotals'> {
    const currencyRank = (c: string) => (c === 'PLN' ? '' : c);
    const totals = [...this.all].sort(
      (a, b) => currencyRank(a.currency).localeCompare(currencyRank(b.currency)) || RATE_ORDER.indexOf(a.rate) - RATE_ORDER.indexOf(b.rate),
    );
    const grand = new Map<string, Omit<RegisterTotal, 'rate'>>();
    for (const t of totals) {
      const g = grand.get(t.currency) ?? { currency: t.currency, rows: 0, net: 0, vat: 0, gross: 0, shipping: 0 };
      g.rows += t.rows;
      g.net += t.net;
      g.vat += t.vat;
      g.gross += t.gross;
      g.shipping += t.shipping;
      grand.set(t.currency, g);
    }
    return { totals, grandTotals: [...grand.values()] };
  }
}

/** Totals of a list of rows (see RegisterTotals). */
export function totalsOf(rows: RegisterRow[]): Pick<SalesRegister, 'totals' | 'grandTotals'> {
  const totals = new RegisterTotals();
  for (const r of rows) totals.add(r);
  return totals.result();
}
