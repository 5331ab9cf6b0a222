import { vatFromGross, type VatRate } from '../../../shared/domain/vat';
import type { SqliteDatabase } from '../db/connection';
import { whenIdle } from '../db/idle';
import { isOtherEuCountry } from '../export/countries';
import { Pacer } from '../export/pacer';
import { localDate } from '../export/period';
import type { SourceSale } from '../export/register.types';
import { parseVatRate } from '../export/vat-rate-text';
import { type RateBook, toPln } from './exchange-rates';

/**
 * Where a sale is taxed (issue 14 point 6):
 * - `domestic`: a sale in Poland;
 * - `wdt`: an intra-EU supply of goods to a VAT payer of another member state (art. 13, 0 % under art. 42):
 *   the buyer asked for an invoice with an EU VAT number of another country;
 * - `wsto`: an intra-EU distance sale to a consumer in another member state (art. 22a) while the shop stays
 *   under the yearly threshold: taxed in Poland at Polish rates, JPK marker WSTO_EE;
 * - `oss`: the same once the threshold is passed (in this or the previous year): taxed in the buyer's
 *   country — settled in VAT-OSS at that country's rate, not in the Polish JPK.
 */
export type Supply = 'domestic' | 'wdt' | 'wsto' | 'oss';

/**
 * 42 000 zł net a year (art. 22a ust. 1 pkt 2 — the EU's 10 000 EUR) of distance sales to consumers in all
 * other member states together, this year and last.
 */
export const WSTO_THRESHOLD = 4_200_000;
/** "Near" the threshold: from 80 % of it the register warns. */
export const WSTO_NEAR = 3_360_000;

/** An EU VAT number of another member state as Allegro passes it: country prefix (Greece: EL) and 2–13 letters/digits. */
export function euVatNumber(nip: string | null, country: string): string | null {
  if (!nip) return null;
  const v = nip.replace(/[\s.-]/g, '').toUpperCase();
  const prefix = country === 'GR' ? 'EL' : country;
  if (new RegExp(`^${prefix}[0-9A-Z]{2,13}$`).test(v)) return v;
  // Digits alone, on an invoice addressed to that country: its number without the prefix.
  if (/^[0-9A-Z]{2,13}$/.test(v) && /\d/.test(v)) return `${prefix}${v}`;
  return null;
}

/** The supply kind of a sale before the threshold is looked at: domestic, WDT, or a distance sale. */
export function supplyKind(sale: Pick<SourceSale, 'country' | 'invoiceRequested' | 'nip'>): 'domestic' | 'wdt' | 'distance' {
  if (!isOtherEuCountry(sale.country)) return 'domestic';
  if (sale.invoiceRequested && euVatNumber(sale.nip, sale.country) !== null) return 'wdt';
  return 'distance';
}

/** One distance sale counted toward the threshold: its tax point and net value in złoty (Polish rates). */
interface Counted {
  orderId: number;
  day: string;
  net: number;
}

/** The year's distance sales, for the running check of the threshold (see WstoLedger.load). */
export class WstoLedger {
  /** Per year: the distance sales in (day, order) order, with the net before each. */
  private readonly years = new Map<string, { list: Counted[]; before: number[]; total: number }>();

  constructor(counted: Counted[]) {
    const byYear = new Map<string, Counted[]>();
    for (const c of counted) {
      const y = c.day.slice(0, 4);
      const list = byYear.get(y) ?? [];
      list.push(c);
      byYear.set(y, list);
    }
    for (const [y, list] of byYear) {
      list.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.orderId - b.orderId));
      const before: number[] = [];
      let sum = 0;
      for (const c of list) {
        before.push(sum);
        sum += c.net;
      }
      this.years.set(y, { list, before, total: sum });
    }
  }

  /** Net of the year's distance sales with a tax point before `day` (exclusive), or up to and including it. */
  netBefore(day: string, inclusive = false): number {
    const year = this.years.get(day.slice(0, 4));
    if (!year) return 0;
    let sum = 0;
    for (const c of year.list) if (inclusive ? c.day <= day : c.day < day) sum += c.net;
    return sum;
  }

  yearTotal(year: string): number {
    return this.years.get(year)?.total ?? 0;
  }

  /** The previous year's distance sales passed the threshold: this whole year is taxed in the buyers' countries. */
  lastYearExceeded(year: string): boolean {
    return this.yearTotal(String(Number(year) - 1)) > WSTO_THRESHOLD;
  }

  /** The day the threshold was passed in that year (by the sale that passed it), or null. */
  crossedOn(year: string): string | null {
    const y = this.years.get(year);
    if (!y) return null;
    for (let i = 0; i < y.list.length; i++) if ((y.before[i] as number) + (y.list[i] as Counted).net > WSTO_THRESHOLD) return (y.list[i] as Counted).day;
    return null;
  }

  /**
   * `wsto` or `oss` for a distance sale: OSS when last year passed the threshold, or when this sale (with
   * everything before it this year) passes it — art. 22a ust. 2: taxed abroad from the sale that passes it.
   */
  supplyOf(orderId: number, day: string, net: number): 'wsto' | 'oss' {
    const year = day.slice(0, 4);
    if (this.lastYearExceeded(year)) return 'oss';
    const y = this.years.get(year);
    let before = 0;
    if (y) {
      const i = y.list.findIndex((c) => c.orderId === orderId);
      if (i >= 0) before = y.before[i] as number;
      else for (const c of y.list) if (c.day < day || (c.day === day && c.orderId < orderId)) before += c.net;
    }
    return before + net > WSTO_THRESHOLD ? 'oss' : 'wsto';
  }

  /**
   * Loads every distance sale with a tax point (payment) from 1 January of last year up to `to`
   * (exclusive), a month per query. Its net in złoty: goods at their Polish rates, the rest spread over them,
   * converted at the NBP rate before its tax point. A sale whose rate is missing is reported in `missing`.
   */
  static async load(
    sqlite: SqliteDatabase,
    to: string,
    rates: RateBook,
    split: (total: number, lines: Array<{ gross: number; rate: VatRate; quantity: number }>) => Array<{ rate: VatRate; gross: number }>,
    pacer: Pacer = new Pacer(),
  ): Promise<{ ledger: WstoLedger; missing: Array<{ currency: string; day: string; orderId: number }> }> {
    const year = Number(to.slice(0, 4));
    const counted: Counted[] = [];
    const missing: Array<{ currency: string; day: string; orderId: number }> = [];
    const orders = sqlite.prepare(
      `SELECT id, paid_at AS paidAt, currency, total_to_pay_grosze AS total, invoice_required AS invoiceRequired, invoice_tax_id AS taxId,
              invoice_country AS invoiceCountry, delivery_country AS deliveryCountry, marketplace
         FROM orders
        WHERE paid_at >= ? AND paid_at < ? AND status <> 'cancelled' AND (allegro_status IS NULL OR allegro_status = 'READY_FOR_PROCESSING')
          AND (COALESCE(delivery_country, '') NOT IN ('', 'PL') OR marketplace IN ('allegro-cz', 'allegro-sk', 'allegro-hu')
               OR (invoice_required = 1 AND COALESCE(invoice_country, '') NOT IN ('', 'PL')))`,
    );
    const linesOf = sqlite.prepare(
      `SELECT l.quantity, l.unit_price_grosze AS price, COALESCE(l.vat_rate, p.vat_rate) AS rate FROM order_lines l LEFT JOIN products p ON p.id = l.product_id WHERE l.order_id = ?`,
    );
    for (let y = year - 1; y <= year; y++) {
      for (let m = 1; m <= 12; m++) {
        const from = `${y}-${String(m).padStart(2, '0')}-01`;
        if (from >= to) break;
        // A window a day wider each side: the day is then taken in Warsaw time.
        const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
        const sqlFrom = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        const sqlTo = new Date(Date.parse(`${next}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        await whenIdle(sqlite);
        for (const o of orders.all(sqlFrom, sqlTo) as OrderRow[]) {
          const day = localDate(o.paidAt);
          if (day === null || day < from || day >= next || day >= to) continue;
          const country = ((o.invoiceRequired === 1 ? o.invoiceCountry : null) || o.deliveryCountry || MARKETPLACE_COUNTRY[o.marketplace ?? ''] || 'PL').toUpperCase();
          const nip = o.invoiceRequired === 1 && o.taxId ? o.taxId.replace(/[\s-]/g, '') : null;
          if (supplyKind({ country, invoiceRequested: o.invoiceRequired === 1, nip }) !== 'distance') continue;
          let fx = 1_000_000;
          if (o.currency !== 'PLN') {
            const rate = rates.rateFor(o.currency, day);
            if (!rate) {
              missing.push({ currency: o.currency, day, orderId: o.id });
              continue;
            }
            fx = rate.rateMicro;
          }
          const lines = (linesOf.all(o.id) as Array<{ quantity: number; price: number; rate: string | null }>).map((l) => ({
            gross: l.quantity * l.price,
            rate: parseVatRate(l.rate ?? '23') ?? '23',
            quantity: l.quantity,
          }));
          let net = 0;
          for (const part of split(o.total, lines)) net += vatFromGross(fx === 1_000_000 ? part.gross : toPln(part.gross, fx), part.rate).net;
          counted.push({ orderId: o.id, day, net });
        }
        if (pacer.due()) await pacer.pause();
      }
    }
    return { ledger: new WstoLedger(counted), missing };
  }
}

interface OrderRow {
  id: number;
  paidAt: string | null;
  currency: string;
  total: number;
  invoiceRequired: number;
  taxId: string | null;
  invoiceCountry: string | null;
  deliveryCountry: string | null;
  marketplace: string | null;
}

const MARKETPLACE_COUNTRY: Record<string, string> = { 'allegro-pl': 'PL', 'allegro-cz': 'CZ', 'allegro-sk': 'SK', 'allegro-hu': 'HU' };
