import type { SqliteDatabase } from '../db/connection';
import { DomainError } from '../errors';
import { isWorkingDay } from '../orders/dispatch-promise';
import { microToText, type NbpRate, parseNbpTable, rateToMicro } from './nbp-table';

/**
 * The shop's NBP table A rates (exchange_rates) and the rule that picks one for a sale: the average rate
 * of the last working day before the tax point (art. 31a ust. 1 ustawy o VAT). A correction uses the rate
 * of the sale it corrects (art. 31a ust. 2a), i.e. the same lookup by the sale's tax point.
 */

export interface ExchangeRate {
  currency: string;
  day: string;
  tableNo: string;
  rate: string;
  rateMicro: number;
  source: 'nbp_file' | 'manual' | 'nbp_api';
}

/** The day before, YYYY-MM-DD. */
function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** The last Polish working day before `day` (weekends and public holidays skipped). */
export function lastWorkingDayBefore(day: string): string {
  let d = dayBefore(day);
  while (!isWorkingDay(d)) d = dayBefore(d);
  return d;
}

/** Amount in minor units of a currency → grosze at a rate in millionths, rounded half away from zero. */
export function toPln(minor: number, rateMicro: number): number {
  const product = BigInt(Math.abs(minor)) * BigInt(rateMicro);
  const rounded = Number((product * 2n + 1_000_000n) / 2_000_000n);
  return minor < 0 ? -rounded : rounded;
}

/** Stores rates (a newer value for the same currency and day replaces the older). Returns how many. */
export function saveRates(sqlite: SqliteDatabase, rates: NbpRate[], source: ExchangeRate['source'], now: Date): number {
  const insert = sqlite.prepare(
    `INSERT INTO exchange_rates (currency, day, table_no, rate, rate_micro, source, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(currency, day) DO UPDATE SET table_no = excluded.table_no, rate = excluded.rate, rate_micro = excluded.rate_micro,
       source = excluded.source, recorded_at = excluded.recorded_at`,
  );
  sqlite.transaction(() => {
    for (const r of rates) insert.run(r.currency, r.day, r.tableNo, r.rate, r.rateMicro, source, now.toISOString());
  })();
  return rates.length;
}

/** Imports an NBP table file (JSON or XML): what was stored, and what could not be read. */
export function importNbpFile(sqlite: SqliteDatabase, bytes: Uint8Array, now: Date): { imported: number; days: number; currencies: string[]; firstDay: string | null; lastDay: string | null; problems: string[] } {
  const { rates, problems } = parseNbpTable(bytes);
  saveRates(sqlite, rates, 'nbp_file', now);
  const days = [...new Set(rates.map((r) => r.day))].sort();
  return { imported: rates.length, days: days.length, currencies: [...new Set(rates.map((r) => r.currency))].sort(), firstDay: days[0] ?? null, lastDay: days.at(-1) ?? null, problems };
}

/** A rate the owner typed from the NBP table (e.g. "0,1712", table "229/A/NBP/2026"). Null when it cannot be a rate. */
export function manualRate(input: { currency: string; day: string; tableNo: string; rate: string }): NbpRate | null {
  const micro = rateToMicro(input.rate);
  if (micro === null) return null;
  return { currency: input.currency.toUpperCase(), day: input.day, tableNo: input.tableNo.trim(), rate: microToText(micro), rateMicro: micro };
}

export function listRates(sqlite: SqliteDatabase, opts: { from?: string; to?: string; currency?: string } = {}): ExchangeRate[] {
  return sqlite
    .prepare(
      `SELECT currency, day, table_no AS tableNo, rate, rate_micro AS rateMicro, source FROM exchange_rates
        WHERE day >= ? AND day <= ? AND (? IS NULL OR currency = ?) ORDER BY day DESC, currency LIMIT 2000`,
    )
    .all(opts.from ?? '0000-00-00', opts.to ?? '9999-99-99', opts.currency ?? null, opts.currency ?? null) as ExchangeRate[];
}

export function deleteRate(sqlite: SqliteDatabase, currency: string, day: string): boolean {
  return sqlite.prepare('DELETE FROM exchange_rates WHERE currency = ? AND day = ?').run(currency, day).changes > 0;
}

/**
 * The rates a register needs, read once: `rateFor(currency, taxPoint)` gives the table of the last
 * working day before the tax point — or, when NBP published no table that day, the latest table before
 * it, provided no working day lies between (so a table the owner has not imported is never skipped).
 */
export class RateBook {
  private readonly byCurrency = new Map<string, ExchangeRate[]>();

  constructor(rates: ExchangeRate[]) {
    for (const r of rates) {
      const list = this.byCurrency.get(r.currency) ?? [];
      list.push(r);
      this.byCurrency.set(r.currency, list);
    }
    for (const list of this.byCurrency.values()) list.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  }

  static load(sqlite: SqliteDatabase, from: string, to: string): RateBook {
    return new RateBook(listRatesUnlimited(sqlite, from, to));
  }

  rateFor(currency: string, taxPoint: string): ExchangeRate | null {
    const list = this.byCurrency.get(currency);
    if (!list) return null;
    const wanted = lastWorkingDayBefore(taxPoint);
    for (let i = list.length - 1; i >= 0; i--) {
      const r = list[i] as ExchangeRate;
      if (r.day >= taxPoint) continue;
      // The latest table before the tax point: it must be the last working day's (or later, when NBP
      // published on a day the calendar calls free).
      return r.day >= wanted ? r : null;
    }
    return null;
  }
}

function listRatesUnlimited(sqlite: SqliteDatabase, from: string, to: string): ExchangeRate[] {
  return sqlite
    .prepare(`SELECT currency, day, table_no AS tableNo, rate, rate_micro AS rateMicro, source FROM exchange_rates WHERE day >= ? AND day <= ?`)
    .all(from, to) as ExchangeRate[];
}

/** NBP's public Web API; a test points it at a local server. */
export const NBP_API = 'https://api.nbp.pl';

/**
 * Fetches NBP table A for the days from..to (at most 93 days, NBP's limit for tables) from NBP's Web API
 * — the same JSON the owner could save as a file — and stores it (source 'nbp_api'), so the shop has the
 * rates offline from then on. Without the internet (or when NBP does not answer) it says so; nothing changes.
 */
export async function fetchNbpRates(
  sqlite: SqliteDatabase,
  from: string,
  to: string,
  now: Date,
  base: string = NBP_API,
  fetchImpl: typeof fetch = fetch,
): Promise<{ imported: number; days: number; currencies: string[]; firstDay: string | null; lastDay: string | null; problems: string[] }> {
  let bytes: Uint8Array;
  try {
    const response = await fetchImpl(`${base}/api/exchangerates/tables/A/${from}/${to}/?format=json`, {
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(15_000),
    });
    // NBP answers 404 "Brak danych" for a range without any table (e.g. only holidays).
    if (response.status === 404) return { imported: 0, days: 0, currencies: [], firstDay: null, lastDay: null, problems: ['NBP nie opublikował tabel A w tych dniach.'] };
    if (!response.ok) throw new Error(`NBP answered ${response.status}`);
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new DomainError('nbp_unavailable', `The NBP rate service could not be reached (${error instanceof Error ? error.message : String(error)}). Load the table file instead.`);
  }
  const { rates, problems } = parseNbpTable(bytes);
  saveRates(sqlite, rates, 'nbp_api', now);
  const days = [...new Set(rates.map((r) => r.day))].sort();
  return { imported: rates.length, days: days.length, currencies: [...new Set(rates.map((r) => r.currency))].sort(), firstDay: days[0] ?? null, lastDay: days.at(-1) ?? null, problems };
}
