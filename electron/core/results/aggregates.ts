import type { SqliteDatabase } from '../db/connection';

/**
 * The per-day sums of results_orders (migration 2026-12-07-15: results_days, results_cycle,
 * results_packer_days). When an order's facts change, its old row is taken out of the sums and the new
 * one put in, so the sums always equal a full recount while a period reads ~31 rows.
 */

export interface OrderFacts {
  boughtAt: string;
  paidAt: string | null;
  packedAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  dueAt: string | null;
  dueDay: string | null;
  shipDay: string | null;
  packedDay: string | null;
  cancelled: number;
  units: number;
  packer: string | null;
  wrongScans: number;
  returned: number;
  returnedUnits: number;
  failDamaged: number;
  failWrongItem: number;
  failIncomplete: number;
  complaint: number;
  complaintUpheld: number;
  waited: number;
  productUnits: string | null;
}

export const STAGES = ['boughtToPaid', 'paidToPacked', 'packedToShipped', 'shippedToDelivered', 'boughtToShipped'] as const;
export type Stage = (typeof STAGES)[number];

/** 0.1 h buckets up to 100 h, then whole hours (stored ×10 either way). */
export function bucketOf(hours: number): number {
  return hours <= 100 ? Math.round(hours * 10) : Math.round(hours) * 10;
}

function hoursBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const d = Date.parse(to) - Date.parse(from);
  return d >= 0 ? d / 3_600_000 : null;
}

export function isLate(f: { shippedAt: string | null; dueAt: string | null }): boolean {
  return f.dueAt !== null && f.shippedAt !== null && f.shippedAt > f.dueAt;
}

export function isPerfect(f: OrderFacts): boolean {
  return !isLate(f) && !f.failDamaged && !f.failWrongItem && !f.failIncomplete && !f.complaintUpheld;
}

/** The stage durations (hours) of a shipped order; cash on delivery paid after shipping has no payment step. */
export function stagesOf(f: OrderFacts): Partial<Record<Stage, number>> {
  const out: Partial<Record<Stage, number>> = {};
  const paid = f.paidAt && f.shippedAt && f.paidAt <= f.shippedAt ? f.paidAt : null;
  const put = (stage: Stage, v: number | null) => {
    if (v !== null) out[stage] = v;
  };
  put('boughtToPaid', hoursBetween(f.boughtAt, paid));
  put('paidToPacked', hoursBetween(paid, f.packedAt));
  put('packedToShipped', hoursBetween(f.packedAt, f.shippedAt));
  put('shippedToDelivered', hoursBetween(f.shippedAt, f.deliveredAt));
  put('boughtToShipped', hoursBetween(f.boughtAt, f.shippedAt));
  return out;
}

const DAY_COLUMNS = [
  'due_on_time', 'due_late_shipped', 'due_unshipped', 'shipped', 'shipped_units', 'perfect', 'fail_late', 'fail_damaged',
  'fail_wrong_item', 'fail_incomplete', 'fail_upheld', 'returned', 'returned_units', 'complaints', 'packed_orders', 'packed_units', 'wrong_scans', 'waited',
] as const;
type DayColumn = (typeof DAY_COLUMNS)[number];

export class AggregateWriter {
  private readonly day;
  private readonly cycle;
  private readonly packer;
  private readonly product;
  constructor(sqlite: SqliteDatabase) {
    this.day = sqlite.prepare(
      `INSERT INTO results_days (day, ${DAY_COLUMNS.join(', ')}) VALUES (@day, ${DAY_COLUMNS.map((c) => `@${c}`).join(', ')})
       ON CONFLICT(day) DO UPDATE SET ${DAY_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
    );
    this.cycle = sqlite.prepare(
      'INSERT INTO results_cycle (day, stage, bucket, n) VALUES (?, ?, ?, ?) ON CONFLICT(day, stage, bucket) DO UPDATE SET n = n + excluded.n',
    );
    this.product = sqlite.prepare(
      'INSERT INTO results_product_days (product_id, day, units) VALUES (?, ?, ?) ON CONFLICT(product_id, day) DO UPDATE SET units = units + excluded.units',
    );
    this.packer = sqlite.prepare(
      `INSERT INTO results_packer_days (day, packer, packed_orders, packed_units, wrong_scans, shipped_orders, returned_orders)
       VALUES (@day, @packer, @packedOrders, @packedUnits, @wrongScans, @shippedOrders, @returnedOrders)
       ON CONFLICT(day, packer) DO UPDATE SET packed_orders = packed_orders + excluded.packed_orders, packed_units = packed_units + excluded.packed_units,
         wrong_scans = wrong_scans + excluded.wrong_scans, shipped_orders = shipped_orders + excluded.shipped_orders, returned_orders = returned_orders + excluded.returned_orders`,
    );
  }

  private addDay(day: string, values: Partial<Record<DayColumn, number>>, sign: 1 | -1): void {
    const row: Record<string, number | string> = { day };
    for (const c of DAY_COLUMNS) row[c] = (values[c] ?? 0) * sign;
    this.day.run(row);
  }

  /** Adds (sign 1) or takes out (sign -1) one order's facts. */
  apply(f: OrderFacts, sign: 1 | -1): void {
    if (!f.cancelled && f.dueDay) {
      const shipped = f.shippedAt !== null;
      this.addDay(f.dueDay, { ...(shipped ? (isLate(f) ? { due_late_shipped: 1 } : { due_on_time: 1 }) : { due_unshipped: 1 }), waited: f.waited }, sign);
    }
    if (!f.cancelled && f.shipDay) {
      this.addDay(
        f.shipDay,
        {
          shipped: 1,
          shipped_units: f.units,
          perfect: isPerfect(f) ? 1 : 0,
          fail_late: isLate(f) ? 1 : 0,
          fail_damaged: f.failDamaged,
          fail_wrong_item: f.failWrongItem,
          fail_incomplete: f.failIncomplete,
          fail_upheld: f.complaintUpheld,
          returned: f.returned,
          returned_units: f.returnedUnits,
          complaints: f.complaint,
        },
        sign,
      );
      for (const [stage, hours] of Object.entries(stagesOf(f))) this.cycle.run(f.shipDay, stage, bucketOf(hours), sign);
      for (const part of f.productUnits ? f.productUnits.split(',') : []) {
        const [productId, units] = part.split(':').map(Number) as [number, number];
        this.product.run(productId, f.shipDay, units * sign);
      }
      this.packer.run({ day: f.shipDay, packer: f.packer ?? '', packedOrders: 0, packedUnits: 0, wrongScans: 0, shippedOrders: sign, returnedOrders: f.returned * sign });
    }
    if (f.packedDay) {
      this.addDay(f.packedDay, { packed_orders: 1, packed_units: f.units, wrong_scans: f.wrongScans }, sign);
      if (f.packer) this.packer.run({ day: f.packedDay, packer: f.packer, packedOrders: sign, packedUnits: f.units * sign, wrongScans: f.wrongScans * sign, shippedOrders: 0, returnedOrders: 0 });
    }
  }
}
