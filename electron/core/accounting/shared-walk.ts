import type { Core } from '../create-core';
import { type Watcher, watchChanges } from './change-journal';
import { walkConcerns } from './report-inputs';
import { type FifoWalk, fifoWalk, instantAfter } from './stock-fifo';

/**
 * One FIFO walk to the end of a day, shared by Raporty's two stock cards. Opening the screen asks for the
 * stock valuation at the end of last month and for last month's stock at cost at once: both walked the
 * whole ledger to the same day (about a second each on a 100k-order shop, issue 16). The walk counts the
 * flows from the first day of the day's month, which the month card needs and the valuation ignores (the
 * layers do not depend on it). The latest walks (a few days) are kept, in flight or done, while nothing it reads
 * changed (report-inputs.ts walkConcerns: today's receipts and shipments do not move last month's end);
 * its rows are shared, so callers must not change them.
 */
const walks = new WeakMap<Core, Map<string, { watcher: Watcher; walk: Promise<FifoWalk> }>>();
/** A few days (last month's end, today, one picked): a walk is some MB at 10k products. */
const MAX_DAYS = 3;

function forget(kept: Map<string, { watcher: Watcher; walk: Promise<FifoWalk> }>, date: string): void {
  kept.get(date)?.watcher.close();
  kept.delete(date);
}

export function sharedWalk(core: Core, date: string): Promise<FifoWalk> {
  let kept = walks.get(core);
  if (!kept) walks.set(core, (kept = new Map()));
  const hit = kept.get(date);
  if (hit?.watcher.fresh()) return hit.walk;
  forget(kept, date);
  // Watching starts before the walk reads: a write during the walk makes it stale for the next caller.
  const watcher = watchChanges(core.sqlite, walkConcerns(instantAfter(date)));
  const walk = fifoWalk(core.db, date, { periodFrom: `${date.slice(0, 7)}-01` });
  const entry = { watcher, walk };
  kept.set(date, entry);
  while (kept.size > MAX_DAYS) forget(kept, kept.keys().next().value as string);
  // A failed walk is not kept: the next call tries again.
  const days = kept;
  walk.catch(() => {
    if (days.get(date) === entry) forget(days, date);
  });
  return walk;
}
