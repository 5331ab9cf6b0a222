import { z } from 'zod';
import { defineChannel } from './define';
import { noInput } from './common';
import { calendarDay } from './export.contract';

/*
 * Wyniki (issue 17): the fulfilment numbers of a period compared with the period before, the handling
 * time the shop can keep, and any table of the screen saved as CSV/XLSX. Days are Warsaw calendar days;
 * rates are fractions 0…1 (null when there was nothing to count); durations are hours.
 */

const share = z.number().min(0).max(1).nullable();
const count = z.number().int().min(0);
const period = z.object({ from: calendarDay, to: calendarDay });

export const cycleStage = z.object({ count, medianHours: z.number().nullable(), p90Hours: z.number().nullable() });

export const periodNumbers = z.object({
  dueOrders: count,
  onTime: count,
  late: count,
  onTimeRate: share,
  notYetDue: count,
  shippedOrders: count,
  shippedUnits: z.number().int(),
  perfect: count,
  perfectRate: share,
  failures: z.object({ late: count, damaged: count, wrongItem: count, incomplete: count, complaintUpheld: count }),
  cycle: z.object({ boughtToPaid: cycleStage, paidToPacked: cycleStage, packedToShipped: cycleStage, shippedToDelivered: cycleStage, boughtToShipped: cycleStage }),
  returnedOrders: count,
  returnedUnits: z.number().int(),
  returnRate: share,
  complaints: count,
  complaintsUpheld: count,
  complaintRate: share,
  stockoutDays: count,
  stockoutProducts: count,
  campaignStockoutDays: count,
  campaignProductDays: count,
  campaignStockoutRate: share,
  ordersWaitedForStock: count,
  packedOrders: count,
  packedUnits: z.number().int(),
  wrongScans: count,
  wrongScansPer100Units: z.number().nullable(),
});
export type PeriodNumbers = z.infer<typeof periodNumbers>;

export const resultsSummary = z.object({
  period,
  previousPeriod: period,
  computedAt: z.string(),
  /** Orders not summarised yet (first open of a big shop): the numbers are partial; ask again. */
  pendingOrders: count,
  current: periodNumbers,
  previous: periodNumbers,
  lateOrders: z.array(
    z.object({ orderId: z.number().int(), allegroOrderId: z.string().nullable(), buyer: z.string().nullable(), dueAt: z.string(), shippedAt: z.string().nullable(), daysLate: z.number().int() }),
  ),
  lateOrdersTruncated: z.boolean(),
  daily: z.array(z.object({ day: calendarDay, due: count, onTime: count, late: count, shipped: count, perfect: count, stockoutDays: count })),
  returnsByProduct: z.array(
    z.object({ productId: z.number().int(), sku: z.string(), name: z.string(), shippedUnits: z.number().int(), returnedUnits: z.number().int(), rate: z.number().nullable(), outlier: z.boolean() }),
  ),
  returnsByReason: z.array(z.object({ reason: z.string(), units: z.number().int(), lines: count })),
  returnsByPacker: z.array(z.object({ packer: z.string(), shippedOrders: count, returnedOrders: count, rate: share })),
  complaintsByProduct: z.array(
    z.object({ productId: z.number().int(), sku: z.string(), name: z.string(), shippedUnits: z.number().int(), complaints: count, upheld: count, rate: z.number().nullable() }),
  ),
  /** '' = no demand recorded. */
  complaintsByDemand: z.array(z.object({ demand: z.string(), complaints: count, upheld: count })),
  complaintsByPacker: z.array(z.object({ packer: z.string(), shippedOrders: count, complaintOrders: count, upheldOrders: count, rate: share })),
  packing: z.array(z.object({ day: calendarDay, packer: z.string(), orders: count, units: z.number().int(), wrongScans: count, wrongScansPer100Units: z.number().nullable() })),
  stockoutsByProduct: z.array(z.object({ productId: z.number().int(), sku: z.string(), name: z.string(), days: count, campaignDays: count })),
});
export type ResultsSummary = z.infer<typeof resultsSummary>;

export const handlingTimeAdvice = z.object({
  windowFrom: calendarDay,
  windowTo: calendarDay,
  orders: count,
  currentDays: count,
  recommendedDays: z.number().int().nullable(),
  distribution: z.array(z.object({ days: count, orders: count })),
  options: z.array(z.object({ days: count, onTimeRate: share, lateOrders: count })),
  byWeekday: z.array(z.object({ weekday: z.number().int().min(1).max(7), orders: count, days95: z.number().int().nullable() })),
  byHour: z.array(z.object({ hour: z.number().int().min(0).max(23), orders: count, sameDay: count, sameDayRate: share })),
  cutoffHour: z.number().int().min(0).max(24).nullable(),
  pendingOrders: count,
});
export type HandlingTimeAdvice = z.infer<typeof handlingTimeAdvice>;

/** A cell of an exported table: text, or a number (written as a number in XLSX, with a decimal comma in CSV). */
const exportCell = z.union([z.string().max(2_000), z.number().finite(), z.null()]);

export const resultsContract = {
  'results.summary': defineChannel({
    summary: 'Fulfilment numbers of a period (Warsaw days, both included) and of the period of the same length before it.',
    access: 'owner',
    input: z.strictObject({ from: calendarDay, to: calendarDay }),
    output: resultsSummary,
  }),
  'results.handlingTime': defineChannel({
    summary: 'The handling time the shop keeps for 95 % of orders, measured over the last 90 days, against the declared one.',
    access: 'owner',
    input: noInput,
    output: handlingTimeAdvice,
  }),
  'results.exportTable': defineChannel({
    summary: 'Save a table of Wyniki (as shown, headers in the reader’s language) as CSV or XLSX.',
    access: 'owner',
    input: z.strictObject({
      /** Becomes the file and sheet name (letters, digits, spaces and dashes are kept). */
      title: z.string().min(1).max(80),
      format: z.enum(['csv', 'xlsx']),
      columns: z.array(z.string().max(200)).min(1).max(40),
      rows: z.array(z.array(exportCell).max(40)).max(100_000),
    }),
    output: z.object({ savedTo: z.string().nullable(), fileName: z.string(), bytes: z.number().int() }),
  }),
};
