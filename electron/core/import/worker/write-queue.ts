import type { Channel } from '../../../../shared/contract/channels';
import type { Core } from '../../create-core';
import { DomainError } from '../../errors';
import { importRunner } from './import-runner';

/**
 * "Writes wait while an import commits." An import (its preview rehearsal, its commit, an undo) holds the
 * shop's one write lock for its whole transaction — tens of seconds for a big file. A receipt, a status
 * change or a packing scan asked for meanwhile would wait SQLite's 5 s busy timeout and fail "busy". Instead,
 * dispatch hands every call that may write through `queueBehindImport`:
 * - while an import writes (in this app's worker — a shared flag — or in another process such as the
 *   command line — the import lock file), the call waits its turn, and the app is told (`import.activity`)
 *   so every screen shows "Trwa import…" instead of an error;
 * - when the import started in the very moment the call began and the call met "busy" (SQLite changed
 *   nothing then), it waits for the import and runs again;
 * - after IMPORT_WAIT_LIMIT_MS of waiting it gives up with a plain `import_in_progress`: nothing saved.
 * Reads never wait: WAL lets them read the last committed state while the import writes.
 */

/** Calls that only read (and the import's own calls, which the import runner queues itself). */
const NEVER_WAIT = new Set<Channel>([
  'app.info',
  'session.get',
  'shop.stats',
  'settings.get',
  'stock.list',
  'planning.seenPromotions',
  'stock.lookup',
  'stock.categories',
  'stock.get',
  'stock.history',
  'stock.stocktakeSheet',
  'stock.locations',
  'planning.slotting',
  'orders.list',
  'orders.facets',
  'orders.get',
  'orders.lookup',
  'packing.queue',
  'packing.pickList',
  'packing.get',
  'returns.list',
  'returns.get',
  'returns.findOrder',
  'returns.searchOrders',
  'complaints.list',
  'import.preview',
  'import.pick',
  'import.remap',
  'import.previewBatch',
  'import.commit',
  'import.discard',
  'import.list',
  'import.undoCheck',
  'import.undo',
  'import.listMappings',
  'import.unmatched',
  'backup.list',
  'print.capabilities',
  'print.preview',
  'export.salesRegisterPreview',
  'export.stockValuationPreview',
  'accounting.stockMonth',
]);

let waitLimitMs = 10 * 60 * 1000;

/** How long a write may wait for an import before it gives up (tests shorten it). Returns the previous limit. */
export function setImportWaitLimit(ms: number): number {
  const previous = waitLimitMs;
  waitLimitMs = ms;
  return previous;
}

const waiting = new WeakMap<Core, number>();

/** Counts the waiting calls; the app hears when the first one starts waiting and when the last one is done. */
function announce(core: Core, delta: number, file: string | null): void {
  const before = waiting.get(core) ?? 0;
  const count = Math.max(0, before + delta);
  waiting.set(core, count);
  if ((before === 0) !== (count === 0)) core.events.emit('import.activity', { waiting: count, file: count > 0 ? file : null });
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === 'database_busy' || (typeof code === 'string' && code.startsWith('SQLITE_BUSY'));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One watcher per shop, however many calls wait: it polls every 50 ms (an atomic read, or a lock probe for
 * an import in another process) and lets them all go together when the import's transaction has ended.
 */
const gates = new WeakMap<Core, Promise<void>>();

function importDone(core: Core, writing: () => boolean): Promise<void> {
  let gate = gates.get(core);
  if (!gate) {
    gate = (async () => {
      try {
        while (writing()) await sleep(50);
      } finally {
        gates.delete(core);
      }
    })();
    gates.set(core, gate);
  }
  return gate;
}

function tooLong(): DomainError {
  const limit = waitLimitMs >= 60_000 ? `${Math.round(waitLimitMs / 60_000)} min` : `${Math.ceil(waitLimitMs / 1000)} s`;
  return new DomainError(
    'import_in_progress',
    `An import has been saving into the shop for over ${limit}; this change waited that long and was not saved. Try again when the import has finished.`,
    { waitedMs: waitLimitMs },
  );
}

/** Runs `call` now, or after the import that is writing right now (see above). */
export async function queueBehindImport<T>(core: Core, channel: Channel, call: () => Promise<T>): Promise<T> {
  if (NEVER_WAIT.has(channel)) return call();
  const runner = importRunner(core);
  const deadline = Date.now() + waitLimitMs;
  let announced = false;
  try {
    for (;;) {
      if (runner.writingAnywhere()) {
        if (!announced) {
          announced = true;
          announce(core, +1, runner.currentFile());
        }
        const left = deadline - Date.now();
        if (left <= 0) throw tooLong();
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), left)));
        const outcome = await Promise.race([importDone(core, () => runner.writingAnywhere()), late]);
        clearTimeout(timer);
        if (outcome === 'late') throw tooLong();
        continue; // look again: another import may have begun meanwhile
      }
      try {
        return await call();
      } catch (error) {
        // "Busy" while an import holds the lock: the import began as this call did; SQLite changed nothing.
        if (!isBusy(error) || !runner.writingAnywhere()) throw error;
        if (Date.now() > deadline) throw tooLong();
      }
    }
  } finally {
    if (announced) announce(core, -1, null);
  }
}
