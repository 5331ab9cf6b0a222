import { parentPort, workerData } from 'node:worker_threads';
import { EVENTS } from '../../../../shared/contract/channels';
import { shopTempDir } from '../../backup/leftovers';
import type { Core } from '../../create-core';
import { createKysely, openSqlite, setProcessNativeBinding } from '../../db/connection';
import { domainErrorFromSqlite, isDomainError, storageError } from '../../errors';
import { CoreEvents } from '../../events';
import { commitImport, discardImport, previewBatch, previewImport, remapImport } from '../import.service';
import { setImportTempParent } from '../source';
import { checkUndo, undoImport } from '../undo';
import type { ServiceArgs } from './import-runner';
import type { JobMessage, JobShop, SerializedError, WorkerInit, WorkerMessage } from './protocol';
import { guardImportWrites } from './write-guard';

/**
 * The import worker: a thread of the app with its OWN connection to the shop, where previews (with their
 * rehearsal), commits and undos run — the same import.service / undo functions the command line calls,
 * unchanged. The app's main thread meanwhile keeps answering (WAL lets its reads go on); its writes wait
 * for the import's transaction (see write-queue.ts). Started and fed by import-runner.ts.
 */

const port = parentPort!;
const init = workerData as WorkerInit;
const send = (message: WorkerMessage) => port.postMessage(message);

if (init.nativeBinding) setProcessNativeBinding(init.nativeBinding);

let clock: JobMessage['clock'] = { now: new Date().toISOString(), live: true };
const shops = new Map<string, Core>();

/** The worker's own core for a shop: its own connection, events and log going back to the app's core. */
function openShop(shop: JobShop): Core {
  const { dbFile, backupDir } = shop;
  const sqlite = openSqlite(dbFile, init.nativeBinding ? { nativeBinding: init.nativeBinding } : {});
  const writing = new Int32Array(shop.writing);
  guardImportWrites(sqlite, dbFile, (on) => {
    Atomics.store(writing, 0, on ? 1 : 0);
    send({ type: 'writing', dbFile, writing: on });
  });
  const events = new CoreEvents();
  for (const name of EVENTS) events.on(name, (payload) => send({ type: 'event', dbFile, name, payload }));
  return {
    dbFile,
    backupDir,
    db: createKysely(sqlite),
    sqlite,
    events,
    log: {
      info: (message) => send({ type: 'log', dbFile, level: 'info', message }),
      error: (message, error) =>
        send({ type: 'log', dbFile, level: 'error', message, error: error instanceof Error ? (error.stack ?? error.message) : error === undefined ? undefined : String(error) }),
    },
    migration: { applied: [], schemaVersion: '', backupFile: null },
    created: false,
    validateOutput: false,
    ports: {},
    now: () => (clock.live ? new Date() : new Date(clock.now)),
    async close() {
      if (sqlite.open) sqlite.close();
    },
  };
}

function serialize(error: unknown): SerializedError {
  const domain = isDomainError(error) ? error : (domainErrorFromSqlite(error) ?? storageError(error));
  if (domain) return domain.details === undefined ? { code: domain.code, message: domain.message } : { code: domain.code, message: domain.message, details: domain.details };
  const e = error as Error;
  return { code: null, message: e?.message ?? String(error), stack: e?.stack };
}

/** Each job calls the service function of its kind with the arguments the runner sent (after the core). */
async function run(job: JobMessage): Promise<unknown> {
  const args: unknown = job.args;
  if (job.kind === 'close') {
    const open = shops.get(job.shop.dbFile);
    shops.delete(job.shop.dbFile);
    await open?.close();
    return true;
  }
  let core = shops.get(job.shop.dbFile);
  if (!core) shops.set(job.shop.dbFile, (core = openShop(job.shop)));
  // Staging files beside the shop, like the app's own (and found by the leftovers cleanup after a crash).
  setImportTempParent(shopTempDir(job.shop.dbFile));
  switch (job.kind) {
    case 'preview':
      return previewImport(core, ...(args as ServiceArgs<typeof previewImport>));
    case 'remap':
      return remapImport(core, ...(args as ServiceArgs<typeof remapImport>));
    case 'batch':
      return previewBatch(core, ...(args as ServiceArgs<typeof previewBatch>));
    case 'commit':
      return commitImport(core, ...(args as ServiceArgs<typeof commitImport>));
    case 'discard':
      return discardImport(core, ...(args as ServiceArgs<typeof discardImport>));
    case 'undoCheck':
      return checkUndo(core, ...(args as ServiceArgs<typeof checkUndo>));
    case 'undo':
      return undoImport(core, ...(args as ServiceArgs<typeof undoImport>));
  }
}

// One job at a time, in the order they came (the runner also queues; this keeps the worker safe alone).
let tail: Promise<unknown> = Promise.resolve();
port.on('message', (job: JobMessage) => {
  if (job?.type !== 'job') return;
  tail = tail.then(async () => {
    clock = job.clock;
    try {
      send({ type: 'result', id: job.id, ok: true, data: await run(job) });
    } catch (error) {
      send({ type: 'result', id: job.id, ok: false, error: serialize(error) });
    }
  });
});

send({ type: 'ready' });
