import { vatFromGross, type VatRate } from '../../../shared/domain/vat';
import type { RegisterWarning, RowFx, SalesRegister, SourceSale } from '../export/register.types';
import { type Supply, supplyKind, WSTO_NEAR, WSTO_THRESHOLD, type WstoLedger } from './eu-supply';
import { lastWorkingDayBefore, type RateBook, toPln } from './exchange-rates';

/** A document's amount for one rate before VAT is worked out (see sales-register.ts). */
export interface Part {
  rate: VatRate;
  gross: number;
  extra: number;
  net?: number;
  vat?: number;
  /** The gross in the document's own currency, when converted to złoty. */
  foreign?: number;
}

/** How one sale is booked: its złoty parts, the NBP rate used, where it is taxed. */
export interface Treatment {
  parts: Part[];
  fx: RowFx | null;
  supply: Supply;
}

/**
 * The register's currency and EU rules (issue 14 point 6), applied to each document's parts:
 * - a document in another currency is converted to złoty at the NBP table A average rate of the last
 *   working day before its tax point (art. 31a ust. 1); its corrections at the same rate (art. 31a ust. 2a).
 *   Each rate's gross is converted and rounded to the grosz, VAT is then worked out from it as for a złoty
 *   document. A rate the shop does not have is recorded as missing, never assumed;
 * - an intra-EU supply to a VAT payer (WDT) is 0 % (art. 42): the whole gross is the net;
 * - a distance sale over the yearly threshold is taxed in the buyer's country (OSS): "np" in the register.
 */
export class RegisterAccounting {
  /** Missing rates by currency and table day: the orders that need them. */
  readonly missing = new Map<string, { currency: string; day: string; orderIds: number[] }>();
  private readonly supplies = new Map<number, Supply>();

  constructor(
    private readonly rates: RateBook,
    private readonly ledger: WstoLedger,
    ledgerMissing: Array<{ currency: string; day: string; orderId: number }> = [],
  ) {
    for (const m of ledgerMissing) this.noteMissing(m.currency, m.day, m.orderId);
  }

  private noteMissing(currency: string, taxPoint: string, orderId: number, tableDay = lastWorkingDayBefore(taxPoint)): void {
    const key = `${currency}|${tableDay}`;
    const entry = this.missing.get(key) ?? { currency, day: tableDay, orderIds: [] };
    if (!entry.orderIds.includes(orderId)) entry.orderIds.push(orderId);
    this.missing.set(key, entry);
  }

  missingRates(): Array<{ currency: string; day: string; orderIds: number[] }> {
    return [...this.missing.values()].sort((a, b) => a.day.localeCompare(b.day) || a.currency.localeCompare(b.currency));
  }

  /** The NBP rate of a sale (null for złoty); undefined when the shop does not have it. */
  private fxOf(sale: SourceSale): RowFx | null | undefined {
    if (sale.currency === 'PLN') return null;
    const r = this.rates.rateFor(sale.currency, sale.taxDate);
    if (!r) {
      this.noteMissing(sale.currency, sale.taxDate, sale.orderId);
      return undefined;
    }
    return { currency: r.currency, rate: r.rate, rateMicro: r.rateMicro, tableNo: r.tableNo, day: r.day };
  }

  private supplyOf(sale: SourceSale, plnParts: Part[]): Supply {
    const known = this.supplies.get(sale.orderId);
    if (known) return known;
    const kind = supplyKind(sale);
    let supply: Supply = kind === 'distance' ? 'wsto' : kind;
    if (kind === 'distance') {
      const net = plnParts.reduce((a, p) => a + vatFromGross(p.gross, p.rate).net, 0);
      supply = this.ledger.supplyOf(sale.orderId, sale.taxDate, net);
    }
    this.supplies.set(sale.orderId, supply);
    return supply;
  }

  /** A sale's parts in złoty and where it is taxed; null when its rate is missing (the document stays in its currency). */
  sale(sale: SourceSale, parts: Part[], warnings: RegisterWarning[]): Treatment | null {
    const fx = this.fxOf(sale);
    if (fx === undefined) return null;
    const pln = fx ? parts.map((p) => ({ rate: p.rate, gross: toPln(p.gross, fx.rateMicro), extra: toPln(p.extra, fx.rateMicro), foreign: p.gross })) : parts;
    const supply = this.supplyOf(sale, pln);
    const reference = `ZAP-${sale.orderId}`;
    if (supply === 'wdt' && !warnings.some((w) => w.code === 'wdt_check' && w.orderId === sale.orderId)) warnings.push({ code: 'wdt_check', orderId: sale.orderId, reference });
    if (supply === 'oss' && !warnings.some((w) => w.code === 'oss_sale' && w.orderId === sale.orderId)) warnings.push({ code: 'oss_sale', orderId: sale.orderId, reference });
    return { parts: regime(pln, supply), fx, supply };
  }

  /**
   * A correction's parts as the difference of the document after and before it (art. 106j), in złoty
   * at the sale's rate: per rate, gross before G and the part given back g (document currency), złoty
   * before = PLN(G), after = PLN(G − g); net and VAT are those of after minus those of before.
   */
  correction(sale: SourceSale, before: Part[], back: Part[], warnings: RegisterWarning[]): Treatment | null {
    const fx = this.fxOf(sale);
    if (fx === undefined) return null;
    const conv = (v: number) => (fx ? toPln(v, fx.rateMicro) : v);
    const beforePln = before.map((p) => ({ rate: p.rate, gross: conv(p.gross), extra: conv(p.extra) }));
    const supply = this.supplyOf(sale, beforePln);
    void warnings;
    const byRate = new Map<VatRate, { was: number; now: number; extra: number; foreign: number }>();
    for (const b of back) {
      const whole = before.find((p) => p.rate === b.rate)?.gross ?? b.gross;
      const target = regimeRate(b.rate, supply);
      const e = byRate.get(target) ?? { was: 0, now: 0, extra: 0, foreign: 0 };
      e.was += conv(whole);
      e.now += conv(whole - b.gross);
      e.extra += conv(b.extra);
      e.foreign += b.gross;
      byRate.set(target, e);
    }
    const parts: Part[] = [...byRate].map(([rate, e]) => {
      const was = vatFromGross(e.was, rate);
      const now = vatFromGross(e.now, rate);
      return { rate, gross: e.now - e.was, extra: -e.extra, net: now.net - was.net, vat: now.vat - was.vat, ...(fx ? { foreign: -e.foreign } : {}) };
    });
    return { parts, fx, supply };
  }

  /** Where the yearly threshold stands for the month (for the summary and the warning when it is near). */
  thresholdAt(firstDay: string, lastDay: string, warnings: RegisterWarning[]): NonNullable<SalesRegister['wsto']> {
    const year = firstDay.slice(0, 4);
    const netBeforeMonth = this.ledger.netBefore(firstDay);
    const netThroughMonth = this.ledger.netBefore(lastDay, true);
    const crossedOn = this.ledger.crossedOn(year);
    const lastYearExceeded = this.ledger.lastYearExceeded(year);
    if (!lastYearExceeded && (crossedOn === null || crossedOn > lastDay) && netThroughMonth >= WSTO_NEAR) {
      warnings.push({ code: 'wsto_threshold_near', orderId: 0, reference: '' });
    }
    return { year, threshold: WSTO_THRESHOLD, netBeforeMonth, netThroughMonth, crossedOn: crossedOn !== null && crossedOn <= lastDay ? crossedOn : null, lastYearExceeded };
  }
}

const regimeRate = (rate: VatRate, supply: Supply): VatRate => (supply === 'wdt' ? '0' : supply === 'oss' ? 'np' : rate);

/** WDT: everything at 0 %; OSS: everything "np" (taxed abroad); else the parts as they are. */
function regime(parts: Part[], supply: Supply): Part[] {
  if (supply !== 'wdt' && supply !== 'oss') return parts;
  const rate = regimeRate('23', supply);
  const merged: Part = { rate, gross: 0, extra: 0 };
  for (const p of parts) {
    merged.gross += p.gross;
    merged.extra += p.extra;
    if (p.foreign !== undefined) merged.foreign = (merged.foreign ?? 0) + p.foreign;
  }
  return [merged];
}
