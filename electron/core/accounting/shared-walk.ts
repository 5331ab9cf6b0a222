import type { Core } from '../create-core';
import { writeStamp } from '../db/write-stamp';
import { type FifoWalk, fifoWalk } from './stock-fifo';

/**
 * One FIFO walk to the end of a day, shared by Raporty's two stock cards. Opening the screen asks for the
 * stock valuation at the end of last month and for last month's stock at cost at once: both walked the
 * whole ledger to the same day (about a second each on a 100k-order shop, issue 16). The walk counts the
 * flows from the first day of the day's month, which the month card needs and the valuation ignores (the
 * layers do not depend on it). The latest walk is kept, in flight or done, while the shop is unchanged
 * (db/write-stamp.ts); its rows are shared, so callers must not change them.
 */
const walks = new WeakMap<Core, { stamp: string; date: string; walk: Promise<FifoWalk> }>();

export function sharedWalk(core: Core, date: string): Promise<FifoWalk> {
  const stamp = writeStamp(core.sqlite);
  const kept = walks.get(core);
  if (kept && kept.stamp === stamp && kept.date === date) return kept.walk;
  const walk = fifoWalk(core.db, date, { periodFrom: `${date.slice(0, 7)}-01` });
  walks.set(core, { stamp, date, walk });
  // A failed walk is not kept: the next call tries again.
  walk.catch(() => {
    if (walks.get(core)?.walk === walk) walks.delete(core);
  });
  return walk;
}
