import type { Core } from '../create-core';
import { writeStamp } from '../db/write-stamp';

/**
 * The Raporty screen's previews (the month's sales register, the stock valuation) read every order or
 * ledger entry of their period: 1.3 s on a 100k-order shop, and they were computed from scratch on each
 * visit of the screen (issue 16). They are kept per input until the shop changes.
 *
 * "Changes" is read from SQLite itself, so no write can be missed, whoever makes it: `total_changes()`
 * counts the rows this connection changed (every service, every trigger), `PRAGMA data_version` moves
 * when another connection commits (the import's worker, the command line). The hour is part of the key
 * too: what a preview says depends on the clock (a month that has ended, a shipment a week old).
 * A value computed while the shop changed under it is returned but not kept.
 */
const caches = new WeakMap<Core, Map<string, { stamp: string; value: unknown }>>();
const MAX_ENTRIES = 12;

function stamp(core: Core): string {
  return `${writeStamp(core.sqlite)}:${core.now().toISOString().slice(0, 13)}`;
}

export async function cachedPreview<T>(core: Core, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(core);
  if (!cache) caches.set(core, (cache = new Map()));
  const before = stamp(core);
  const hit = cache.get(key);
  if (hit && hit.stamp === before) return hit.value as T;
  const value = await compute();
  if (stamp(core) === before) {
    cache.delete(key);
    cache.set(key, { stamp: before, value });
    // Oldest first in a Map: keep the last few months and days asked for.
    while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  } else {
    cache.delete(key);
  }
  return value;
}
