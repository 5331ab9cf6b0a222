import { z } from 'zod';
import { defineChannel } from './define';
import { minor } from './common';
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
};
