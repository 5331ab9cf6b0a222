import { z } from 'zod';
import { defineChannel } from './define';
import { isoDate, minor, vatRate } from './common';

/*
 * Files for the accountant: the monthly sales register (CSV, XLSX, InsERT EDI++ .epp) and the stock
 * valuation at a date (CSV, XLSX). Previews return the totals to show on screen; the file calls write
 * through the save dialog (the renderer never names a path). All amounts are integer minor units.
 */

/** A real calendar day, YYYY-MM-DD (2026-02-30 is refused). */
export const calendarDay = isoDate.refine((d) => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, day));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === day;
}, 'not a calendar date');

/** A calendar month, YYYY-MM (Warsaw time). */
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');

/** Totals of one VAT rate in one currency (sums of the register's rows). */
export const registerTotal = z.object({
  currency: z.string(),
  rate: vatRate,
  rows: z.number().int(),
  net: minor,
  vat: minor,
  gross: minor,
  /** The part of gross that is delivery and additional services. */
  shipping: minor,
});

/**
 * Something the accountant should look at: `rate_from_product` (Allegro gave no VAT rate, the product
 * card's was used), `rate_assumed` (no rate anywhere, 23% assumed), `foreign_currency` (reported in its
 * own currency), `no_goods_value` (an order without goods lines), `tax_point_shipment` (no payment
 * recorded: the shipment day stands for the delivery), `late_sale` (tax point in a closed month, booked
 * here), `cancelled_after_booking` (a sale of a closed month cancelled: corrected here),
 * `booked_amount_changed` (the order's amount changed after it was booked), `epp_characters_lost`
 * (letters the EDI++ file's Windows-1250 cannot carry, e.g. Cyrillic or emoji, written as "?"),
 * `refund_date_assumed` (a return Allegro finished, imported without a refund date: booked on the day
 * it was imported, at the returned goods' value), `wdt_check` (an intra-EU supply at 0 % to a buyer with an
 * EU VAT number: check it in VIES), `oss_sale` (a distance sale over the yearly threshold, taxed in the
 * buyer's country), `wsto_threshold_near` (the year's distance sales are near the 42 000 zł threshold;
 * orderId 0).
 */
export const registerWarning = z.object({
  code: z.enum([
    'rate_from_product',
    'rate_assumed',
    'foreign_currency',
    'no_goods_value',
    'tax_point_shipment',
    'late_sale',
    'cancelled_after_booking',
    'booked_amount_changed',
    'epp_characters_lost',
    'refund_date_assumed',
    'wdt_check',
    'oss_sale',
    'wsto_threshold_near',
  ]),
  orderId: z.number().int(),
  /** Our order number, ZAP-<id>. */
  reference: z.string(),
});

/** One VAT rate of a cash register report: gross and VAT, grosze. */
export const cashTotal = z.object({ rate: vatRate, gross: minor, vat: minor });

export const salesRegisterSummary = z.object({
  month,
  firstDay: isoDate,
  lastDay: isoDate,
  /** Sale documents (orders) of the month. */
  sales: z.number().int(),
  /** Correcting documents (returns and refunds) of the month. */
  corrections: z.number().int(),
  /** Rows of the register (one per document and rate). */
  rows: z.number().int(),
  totals: z.array(registerTotal),
  grandTotals: z.array(registerTotal.omit({ rate: true })),
  warnings: z.array(registerWarning),
  /** When the month was closed for the accountant (ISO instant); null while it is open. */
  closedAt: z.string().nullable().optional(),
  /** Saving the file now closes the month (it has ended and is still open). */
  closesOnSave: z.boolean().optional(),
  /** NBP rates the month needs and the shop lacks (table day, currency, orders): saving is refused until they are there. */
  missingRates: z.array(z.object({ currency: z.string(), day: isoDate, orders: z.number().int() })).optional(),
  /** Documents converted from another currency: currency → count (their amounts in the totals are złoty). */
  converted: z.array(z.object({ currency: z.string(), documents: z.number().int() })).optional(),
  /** Distance sales to EU consumers this year, net złoty, against the 42 000 zł threshold (art. 22a). */
  wsto: z
    .object({ year: z.string(), threshold: minor, netBeforeMonth: minor, netThroughMonth: minor, crossedOn: isoDate.nullable(), lastYearExceeded: z.boolean() })
    .optional(),
  /** How receipts are booked and, for a cash register, the report (RO) against Zaplecze's own receipt sales. */
  salesRecording: z
    .object({
      mode: z.enum(['per_order', 'cash_register', 'exempt']),
      report: z.object({ number: z.string(), reportDate: isoDate, totals: z.array(cashTotal) }).nullable(),
      reportMissing: z.boolean(),
      receipts: z.array(cashTotal),
      difference: z.array(cashTotal),
      orders: z.number().int(),
    })
    .optional(),
});
export type SalesRegisterSummary = z.infer<typeof salesRegisterSummary>;

export const stockValuationSummary = z.object({
  date: isoDate,
  /** Products with stock on hand at the end of the day. */
  products: z.number().int(),
  units: z.number().int(),
  /** Value at purchase price, PLN minor units (products without a price are not counted). */
  value: minor,
  withoutPrice: z.number().int(),
  negative: z.number().int(),
});
export type StockValuationSummary = z.infer<typeof stockValuationSummary>;

/** What a save produced. `savedTo` is null when the user cancelled the save dialog. */
export const savedFile = z.object({
  savedTo: z.string().nullable(),
  fileName: z.string(),
  bytes: z.number().int(),
});

export const exportContract = {
  'export.salesRegisterPreview': defineChannel({
    summary: "The month's sales register totals per VAT rate (and what to check) before saving the file.",
    access: 'owner',
    input: z.strictObject({ month }),
    output: salesRegisterSummary,
  }),
  'export.salesRegister': defineChannel({
    summary: "Save the month's sales register for the accountant as CSV, XLSX or InsERT EDI++ (.epp).",
    access: 'owner',
    input: z.strictObject({ month, format: z.enum(['csv', 'xlsx', 'epp']) }),
    /** CSV: the totals and notes are a second file (`notesSavedTo`; null when that save was cancelled). */
    output: savedFile.extend({ summary: salesRegisterSummary, notesSavedTo: z.string().nullable().optional() }),
  }),
  'export.stockValuationPreview': defineChannel({
    summary: 'Stock on hand at the end of a day valued at purchase price: totals.',
    access: 'owner',
    input: z.strictObject({ date: calendarDay }),
    output: stockValuationSummary,
  }),
  'export.stockValuation': defineChannel({
    summary: 'Save the stock valuation at the end of a day as CSV or XLSX.',
    access: 'owner',
    input: z.strictObject({ date: calendarDay, format: z.enum(['csv', 'xlsx']) }),
    output: savedFile.extend({ summary: stockValuationSummary }),
  }),
};
