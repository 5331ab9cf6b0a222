import { type RowChange, type Watcher, watchChanges } from '../accounting/change-journal';
import type { Core } from '../create-core';
import { writeStamp } from '../db/write-stamp';

/**
 * The Raporty screen's previews (the month's sales register, the stock valuation) read every order or
 * ledger entry of their period: 1.3 s on a 100k-order shop, and they were computed from scratch on each
 * visit of the screen (issue 16). They are kept per input until the shop changes.
 *
 * "Changes" is read from SQLite itself, so no write can be missed, whoever makes it: `total_changes()`
 * counts the rows this connection changed (every service, every trigger), `PRAGMA data_version` moves
 * when another connection commits (the import's worker, the command line). A preview that says what it
 * reads (`concerns`, see accounting/report-inputs.ts) is kept through writes that do not touch it, told
 * by the change journal (accounting/change-journal.ts): a stock receipt does not rebuild a register.
 * The hour is part of the key too: what a preview says depends on the clock (a month that has ended, a
 * shipment a week old). A value computed while the shop changed under it is returned but not kept.
 */
interface Kept {
  hour: string;
  /** The whole shop's stamp, for a preview kept until any change. */
  stamp: string | null;
  /** The journal's watcher, for a preview that named what it reads. */
  watcher: Watcher | null;
  value: unknown;
}

const caches = new WeakMap<Core, Map<string, Kept>>();
const MAX_ENTRIES = 12;

const hourOf = (core: Core) => core.now().toISOString().slice(0, 13);

function fresh(core: Core, kept: Kept): boolean {
  if (kept.hour !== hourOf(core)) return false;
  return kept.watcher ? kept.watcher.fresh() : kept.stamp === writeStamp(core.sqlite);
}

function drop(cache: Map<string, Kept>, key: string): void {
  cache.get(key)?.watcher?.close();
  cache.delete(key);
}

export async function cachedPreview<T>(core: Core, key: string, compute: () => Promise<T>, concerns?: (change: RowChange) => boolean): Promise<T> {
  let cache = caches.get(core);
  if (!cache) caches.set(core, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && fresh(core, hit)) return hit.value as T;
  const entry: Kept = {
    hour: hourOf(core),
    stamp: concerns ? null : writeStamp(core.sqlite),
    watcher: concerns ? watchChanges(core.sqlite, concerns) : null,
    value: undefined,
  };
  let value: T;
  try {
    value = await compute();
  } catch (error) {
    entry.watcher?.close();
    throw error;
  }
  entry.value = value;
  drop(cache, key);
  if (fresh(core, entry)) {
    cache.set(key, entry);
    // Oldest first in a Map: keep the last few months and days asked for.
    while (cache.size > MAX_ENTRIES) drop(cache, cache.keys().next().value as string);
  } else {
    entry.watcher?.close();
  }
  return value;
}
