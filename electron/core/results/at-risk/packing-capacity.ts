import type { SqliteDatabase } from '../../db/connection';
import { endOfWarsawDay } from '../../orders/dispatch-promise';
import { prepared } from '../../stock/product.repository';
import { startOfWarsawDay, workingDaysBefore } from './working-days';

/** How many past working days the capacity is measured over. */
export const CAPACITY_DAYS = 20;
/** Fewer measured days than this: the capacity is not known yet (a new shop, a fresh import). */
const MIN_MEASURED_DAYS = 3;

export interface PackingCapacity {
  /** Parcels a working day: the median of the last working days on which anything was shipped; null = not measured yet. */
  perDay: number | null;
  /** Working days that had at least one parcel (of the last CAPACITY_DAYS). */
  measuredDays: number;
  /** Parcels already shipped today. */
  shippedToday: number;
}

const COUNT_SQL = 'SELECT count(*) FROM shipments WHERE cancelled_at IS NULL AND dispatched_at >= ? AND dispatched_at <= ?';

/**
 * The day's measured packing capacity: parcels shipped per working day (shipments not undone), the
 * median over the last CAPACITY_DAYS working days that had any — a day without parcels says nothing
 * about how many the packer can do. One indexed count per day (index shipments_dispatched).
 */
export function packingCapacity(sqlite: SqliteDatabase, today: string, kept?: { days: Map<string, number>; changed: Iterable<string> | 'all' }): PackingCapacity {
  const count = prepared(sqlite, COUNT_SQL).pluck();
  // A past day's count changes only when a shipment of that day is written (the caller knows which days,
  // from the at_risk_changes log): the others are kept between reads.
  const days = kept?.days ?? new Map<string, number>();
  if (kept?.changed === 'all') days.clear();
  else if (kept) for (const day of kept.changed) days.delete(day);
  const counts: number[] = [];
  for (const day of workingDaysBefore(today, CAPACITY_DAYS)) {
    let n = days.get(day);
    if (n === undefined) days.set(day, (n = count.get(startOfWarsawDay(day), endOfWarsawDay(day)) as number));
    if (n > 0) counts.push(n);
  }
  if (days.size > 4 * CAPACITY_DAYS) for (const day of [...days.keys()].sort().slice(0, days.size - 2 * CAPACITY_DAYS)) days.delete(day);
  const shippedToday = count.get(startOfWarsawDay(today), endOfWarsawDay(today)) as number;
  if (counts.length < MIN_MEASURED_DAYS) return { perDay: null, measuredDays: counts.length, shippedToday };
  counts.sort((a, b) => a - b);
  const mid = Math.floor(counts.length / 2);
  const median = counts.length % 2 ? counts[mid]! : Math.round((counts[mid - 1]! + counts[mid]!) / 2);
  return { perDay: median, measuredDays: counts.length, shippedToday };
}
