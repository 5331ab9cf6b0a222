import { z } from 'zod';
import { defineChannel } from './define';
import { isoDate, minor, vatRate } from './common';
import { calendarDay, month } from './export.contract';
import { printAction, printResult } from './print.contract';

/*
 * The shop's books beside the sales register (issue 14): the stock at cost by FIFO layers over a month
 * (opening value, receipts, cost of goods sold, write-offs, closing value) and the stocktake form
 * ("spis z natury") the owner prints and signs. All amounts are integer grosze, net of VAT.
 */

/** Stock at cost over one month; opening + receipts + returns + otherIn − costOfSales − writeOffs = closing. */
export const stockMonthSummary = z.object({
  month,
  firstDay: z.string(),
  lastDay: z.string(),
  /** Value at the end of the day before the month. */
  opening: minor,
  /** Goods received (each receipt at its own net unit cost). */
  receipts: minor,
  /** Goods back from buyers (returns, undone shipments), at the cost their sale took. */
  returns: minor,
  /** Stock found over the ledger (positive adjustments, stocktake surpluses). */
  otherIn: minor,
  /** Cost of goods sold: the FIFO layers shipments took. */
  costOfSales: minor,
  /** Written off: damaged, lost, stocktake shortages. */
  writeOffs: minor,
  /** Value at the end of the month. */
  closing: minor,
  /** Goods paid and not yet shipped at the month's end: still on the shelf, already the buyers'. */
  soldNotShipped: z.object({ products: z.number().int(), units: z.number().int(), orders: z.number().int(), value: minor }),
  /** Products with units valued at the product card's price because the receipt had none. */
  priceFromCard: z.number().int(),
  /** Products with units of no known cost. */
  withoutPrice: z.number().int(),
});
export type StockMonthSummary = z.infer<typeof stockMonthSummary>;

/*
 * Foreign currency and the cash register in the sales register (issue 14 points 6 and 7): the NBP table A
 * average rates of foreign-currency sales (imported from NBP's own file, or typed in), and a cash register
 * shop's monthly periodic report (RO).
 */

const said = (pl: string, en: string) => ({ message: en, params: { text: { pl, en } } });

/** An ISO currency other than złoty: "CZK", "EUR". */
const currency = z
  .string()
  .trim()
  .transform((c) => c.toUpperCase())
  .refine((c) => /^[A-Z]{3}$/.test(c) && c !== 'PLN', said('Podaj kod waluty z trzech liter, np. EUR albo CZK.', 'Enter a three-letter currency code, e.g. EUR or CZK.'));

/** A rate as typed: "0,1712" or "4.2650" — złoty for one unit, up to six decimals. */
const rateText = z
  .string()
  .trim()
  .refine((r) => /^\d{1,4}([.,]\d{1,6})?$/.test(r) && Number(r.replace(',', '.')) > 0, said('Podaj kurs jako liczbę, np. 4,2650 (złotych za jednostkę waluty).', 'Enter the rate as a number, e.g. 4.2650 (złoty for one unit).'));

/** An NBP table A number: "229/A/NBP/2026". */
const tableNo = z
  .string()
  .trim()
  .refine((n) => /^\d{1,3}\/A\/NBP\/\d{4}$/.test(n), said('Podaj numer tabeli NBP, np. 229/A/NBP/2026.', 'Enter the NBP table number, e.g. 229/A/NBP/2026.'));

export const exchangeRate = z.object({
  currency: z.string(),
  day: isoDate,
  tableNo: z.string(),
  /** Złoty for one unit, with a dot: "0.1712". */
  rate: z.string(),
  source: z.enum(['nbp_file', 'manual', 'nbp_api']),
});
export type ExchangeRateRow = z.infer<typeof exchangeRate>;

/** 200 MB of file = about 267 million base64 characters; an NBP table file is kilobytes. */
const base64 = z
  .string()
  .max(20_000_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64');

const cashTotalInput = z.strictObject({
  rate: vatRate,
  gross: minor.refine((g) => g >= 0 && g <= 100_000_000_000, said('Podaj kwotę brutto od 0 zł.', 'Enter a gross amount from 0 zł.')),
  vat: minor.refine((v) => v >= 0 && v <= 100_000_000_000, said('Podaj kwotę VAT od 0 zł.', 'Enter a VAT amount from 0 zł.')),
});

/** What loading NBP rates did, from a file or from NBP's Web API. */
const ratesLoaded = z.object({
  imported: z.number().int(),
  days: z.number().int(),
  currencies: z.array(z.string()),
  firstDay: isoDate.nullable(),
  lastDay: isoDate.nullable(),
  /** Polish sentences: what could not be read. */
  problems: z.array(z.string()),
});

export const accountingContract = {
  'accounting.stockMonth': defineChannel({
    summary: 'Stock at purchase cost over a month by FIFO layers: opening and closing value, receipts, cost of goods sold, write-offs.',
    access: 'owner',
    input: z.strictObject({ month }),
    output: stockMonthSummary,
  }),
  'accounting.stocktakeForm': defineChannel({
    summary: 'Print the stocktake form ("spis z natury") at the end of a day, or save it as PDF: quantities and FIFO purchase prices, the end position, signature lines.',
    access: 'owner',
    input: z.strictObject({ date: calendarDay, action: printAction }),
    output: printResult.extend({ positions: z.number().int(), value: minor }),
  }),
  'accounting.rates': defineChannel({
    summary: 'NBP table A rates the shop has, newest first (optionally of one month).',
    access: 'owner',
    input: z.strictObject({ month: month.optional() }),
    output: z.array(exchangeRate),
  }),
  'accounting.importRates': defineChannel({
    summary: "Import an NBP table A file (the Web API's JSON tables or the daily XML table) sent as bytes.",
    access: 'owner',
    input: z.strictObject({ name: z.string().max(500), contentBase64: base64 }),
    output: ratesLoaded,
  }),
  'accounting.fetchRates': defineChannel({
    summary: "Fetch NBP table A of a month from NBP's Web API (needs the internet) and keep it in the shop for offline use.",
    access: 'owner',
    input: z.strictObject({ month }),
    output: ratesLoaded,
  }),
  'accounting.saveRate': defineChannel({
    summary: 'Enter one NBP table A average rate by hand (currency, table day, table number, rate).',
    access: 'owner',
    input: z.strictObject({ currency, day: calendarDay, tableNo, rate: rateText }),
    output: exchangeRate,
  }),
  'accounting.deleteRate': defineChannel({
    summary: 'Remove one rate (a typing mistake).',
    access: 'owner',
    input: z.strictObject({ currency: z.string().max(3), day: isoDate }),
    output: z.object({ deleted: z.boolean() }),
  }),
  'accounting.cashReport': defineChannel({
    summary: "The cash register's periodic report (RO) entered for a month, or null.",
    access: 'owner',
    input: z.strictObject({ month }),
    output: z.object({ month, number: z.string(), reportDate: isoDate, totals: z.array(z.object({ rate: vatRate, gross: minor, vat: minor })) }).nullable(),
  }),
  'accounting.saveCashReport': defineChannel({
    summary: "Enter the cash register's periodic (monthly) report: its number, day and totals per VAT rate.",
    access: 'owner',
    input: z
      .strictObject({
        month,
        number: z
          .string()
          .trim()
          .refine((n) => n.length >= 1 && n.length <= 20 && ![...n].some((c) => c.charCodeAt(0) < 32), said('Podaj numer raportu z wydruku (do 20 znaków).', 'Enter the report number from the printout (up to 20 characters).')),
        reportDate: calendarDay,
        totals: z.array(cashTotalInput).max(6),
      })
      .refine((r) => r.totals.every((t) => t.vat <= t.gross), said('Kwota VAT nie może być większa niż kwota brutto.', 'The VAT cannot be more than the gross amount.'))
      .refine((r) => new Set(r.totals.map((t) => t.rate)).size === r.totals.length, said('Każdą stawkę VAT wpisz raz.', 'Enter each VAT rate once.')),
    output: z.object({ saved: z.boolean() }),
  }),
  'accounting.deleteCashReport': defineChannel({
    summary: "Remove a month's periodic report (entered by mistake); a closed month keeps what it booked.",
    access: 'owner',
    input: z.strictObject({ month }),
    output: z.object({ deleted: z.boolean() }),
  }),
};
