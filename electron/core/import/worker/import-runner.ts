import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ImportPreview, ImportRun } from '../../../../shared/contract/import.contract';
import type { Actor } from '../../../../shared/domain/roles';
import type { Core } from '../../create-core';
import { BUSY_TIMEOUT_MS, processNativeBindingPath } from '../../db/connection';
import { DomainError } from '../../errors';
import { commitImport, discardImport, previewBatch, previewImport, remapImport, type CommitResult, type ImportInput } from '../import.service';
import { checkUndo, undoImport } from '../undo';
import { ImportLockProbe } from './import-lock';
import type { JobKind, JobMessage, JobShop, SerializedError, WorkerInit, WorkerMessage } from './protocol';

/** The main connection's wait for a write lock while the worker has a job (see mainWaitsBriefly). */
const MAIN_BUSY_WAIT_DURING_IMPORT_MS = 20;

/**
 * The app's side of the import worker (import-worker.ts): previews, commits and undos are sent to a worker
 * thread with its own connection to the shop, so the main thread — the window's IPC, the browser version's
 * HTTP server — keeps answering while a 100k-order file is read, rehearsed and written.
 *
 * - Jobs run one at a time, in order. A commit or undo asked for while another is running or waiting is
 *   refused (`import_in_progress`): one import at a time.
 * - The worker's progress and "data changed" events are re-emitted on the app's core, so the import
 *   screen's progress bar and the command line's progress lines work as before.
 * - A worker that dies (killed, out of memory, a crash) fails its job with `import_failed`: its open
 *   transaction was rolled back when its connection was closed with it, so the shop is as before. The
 *   next job starts a fresh worker.
 * - Where no worker can be started (an unusual bundling), jobs run in place, as before this existed.
 */

/** A service function's arguments after the core (what crosses to the worker). */
type UndoCheck = ReturnType<typeof checkUndo>;

export type ServiceArgs<F> = F extends (core: Core, ...rest: infer R) => unknown ? R : never;

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  runner: ImportRunner;
}

interface WorkerSlot {
  worker: Worker;
  ready: Promise<void>;
  pending: Map<number, Pending>;
  exitReason: string | null;
}

const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.tsxApi) require(workerData.tsxApi).register();
require(workerData.entry);
`;

function localRequire(): NodeRequire {
  return typeof require === 'function' ? require : createRequire(`${process.cwd()}/`);
}

/**
 * Where the worker's code is: beside the bundled main (electron-vite builds `out/main/import-worker.js`,
 * see electron.vite.config.mts), or the TypeScript source run through tsx (tests, the browser version,
 * the command line — all run the core from source).
 */
export function importWorkerEntry(): { entry: string; tsxApi: string | null } | null {
  // For comparisons (a test shows the app blocked without the worker): run jobs in place, as before.
  if (process.env.ZAPLECZE_IMPORT_IN_PLACE === '1') return null;
  const here = typeof __dirname === 'string' ? __dirname : null;
  if (here && existsSync(join(here, 'import-worker.js'))) return { entry: join(here, 'import-worker.js'), tsxApi: null };
  const sources = [here && join(here, 'import-worker.ts'), resolve(process.cwd(), 'electron/core/import/worker/import-worker.ts')];
  const source = sources.find((s): s is string => Boolean(s && existsSync(s)));
  if (!source) return null;
  try {
    // tsx's namespaced require appends '?namespace=…', which a plain require in the worker cannot load.
    return { entry: source, tsxApi: localRequire().resolve('tsx/cjs/api').replace(/\?.*$/, '') };
  } catch {
    return null;
  }
}

function restore(error: SerializedError): Error {
  if (error.code) return new DomainError(error.code, error.message, error.details);
  const e = new Error(error.message);
  if (error.stack) e.stack = error.stack;
  return e;
}

export class ImportRunner {
  private tail: Promise<unknown> = Promise.resolve();
  /** Commits and undos running or waiting (at most one is allowed). */
  private longJobs = 0;
  private readonly writingFlag = new Int32Array(new SharedArrayBuffer(4));
  private probe: ImportLockProbe | null = null;
  private closed = false;
  /** Jobs of this shop running or waiting. */
  private busy = 0;
  /** Jobs the runner has accepted and not finished (for the write queue's notice). */
  private activeFile: string | null = null;
  /** Previewed tokens → their file's name (for the notice while the commit runs). */
  private readonly fileNames = new Map<string, string>();

  constructor(private readonly core: Core) {}

  /** True while the worker has an import transaction open (a write now would have to wait for it). */
  writingHere(): boolean {
    return Atomics.load(this.writingFlag, 0) === 1;
  }

  /** True while an import writes into this shop, here or in another process (the command line). */
  writingAnywhere(): boolean {
    if (this.writingHere()) return true;
    if (this.closed) return false;
    this.probe ??= new ImportLockProbe(this.core.dbFile);
    return this.probe.held();
  }

  /** The file being imported here right now (null when idle or importing elsewhere). */
  currentFile(): string | null {
    return this.activeFile;
  }

  /** Whether jobs run in a worker (false only when the worker's code cannot be found). */
  get usesWorker(): boolean {
    return host.entry !== null;
  }

  preview(input: ImportInput, options: { rehearse?: boolean } = {}): Promise<ImportPreview> {
    const args: ServiceArgs<typeof previewImport> = [input, options];
    const preview = this.job('preview', args, input.name, () => previewImport(this.core, ...args)) as Promise<ImportPreview>;
    return preview.then((p) => {
      this.fileNames.set(p.token, p.file);
      if (this.fileNames.size > 50) this.fileNames.delete(this.fileNames.keys().next().value!);
      return p;
    });
  }

  remap(...args: ServiceArgs<typeof remapImport>): Promise<ImportPreview> {
    return this.job('remap', args, null, () => remapImport(this.core, ...args)) as Promise<ImportPreview>;
  }

  /** Files chosen together, previewed as one in dependency order (import.service.ts previewBatch). */
  batch(...args: ServiceArgs<typeof previewBatch>): Promise<ImportPreview[]> {
    return this.job('batch', args, null, () => previewBatch(this.core, ...args)) as Promise<ImportPreview[]>;
  }

  commit(...args: ServiceArgs<typeof commitImport>): Promise<CommitResult> {
    const file = this.fileNames.get(args[0]) ?? null;
    return this.long(() => this.job('commit', args, file, () => commitImport(this.core, ...args))) as Promise<CommitResult>;
  }

  discard(token: string): Promise<boolean> {
    return this.job('discard', [token], null, () => discardImport(this.core, token)) as Promise<boolean>;
  }

  undoCheck(runId: number): Promise<UndoCheck> {
    return this.job('undoCheck', [runId], null, () => checkUndo(this.core, runId)) as Promise<UndoCheck>;
  }

  /** Undo, with `before` (a backup copy) run on the main connection once the undo is known to be possible. */
  undo(runId: number, actor: Actor, before: () => Promise<void>): Promise<ImportRun> {
    return this.long(async () => {
      const check = (await this.job('undoCheck', [runId], null, () => checkUndo(this.core, runId))) as UndoCheck;
      if (check.possible) await before();
      return this.job('undo', [runId, actor], null, () => undoImport(this.core, runId, actor));
    }) as Promise<ImportRun>;
  }

  /** For tests of a crash: ends the worker at once, as an out-of-memory kill or a crash would. */
  async killWorker(): Promise<void> {
    await host.slot?.worker.terminate();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.probe?.close();
    this.probe = null;
    host.runners.delete(this.core.dbFile);
    const slot = host.slot;
    if (!slot) return;
    if (this.busy > 0) {
      // Closing mid-import (the app quits): end the worker, which rolls the import back, rather than wait.
      slot.exitReason = 'the shop was closed';
      await slot.worker.terminate();
    } else {
      // Its connection to this shop goes; the worker stays for other shops of this process.
      await host.send(this, 'close', []).catch(() => undefined);
    }
  }

  private async long<T>(run: () => Promise<T>): Promise<T> {
    if (this.longJobs > 0) {
      throw new DomainError('import_in_progress', 'Another import (or an undo) is being saved right now. Wait until it finishes, then try again. Nothing was changed.');
    }
    this.longJobs += 1;
    try {
      return await run();
    } finally {
      this.longJobs -= 1;
    }
  }

  private job(kind: JobKind, args: unknown, file: string | null, inPlace: () => unknown): Promise<unknown> {
    if (this.closed) return Promise.reject(new DomainError('import_failed', 'The shop was closed; the import did not run.'));
    const run = async () => {
      this.activeFile = file;
      this.busy += 1;
      if (this.busy === 1 && host.entry) this.mainWaitsBriefly(true);
      try {
        if (!host.entry) return await inPlace();
        return await host.send(this, kind, args);
      } finally {
        this.busy -= 1;
        this.activeFile = null;
        if (this.busy === 0 && host.entry) this.mainWaitsBriefly(false);
      }
    };
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /**
   * While the worker has a job, the main connection waits for a write lock only briefly. SQLite's busy wait
   * is synchronous: a write that checked "no import is writing" a moment before the worker took the lock
   * would otherwise hold the whole main thread (every screen) until the import's transaction ended —
   * seconds to minutes. With a short wait it gets SQLITE_BUSY at once, and the write queue waits for the
   * import asynchronously and runs it again (nothing was changed by the refused attempt).
   */
  private mainWaitsBriefly(brief: boolean): void {
    if (this.closed || !this.core.sqlite.open) return;
    this.core.sqlite.pragma(`busy_timeout = ${brief ? MAIN_BUSY_WAIT_DURING_IMPORT_MS : BUSY_TIMEOUT_MS}`);
  }

  /** What the worker needs to open this shop, sent with every job. */
  get shop(): JobShop {
    return { dbFile: this.core.dbFile, backupDir: this.core.backupDir, writing: this.writingFlag.buffer as SharedArrayBuffer };
  }

  /** Called by the host: this core's worker-side events, logs and (on a crash) its flag. */
  receive(message: Extract<WorkerMessage, { dbFile: string }>): void {
    if (message.type === 'event') this.core.events.emit(message.name, message.payload as never);
    else if (message.type === 'log') {
      if (message.level === 'info') this.core.log.info(message.message);
      else this.core.log.error(message.message, message.error);
    }
    // 'writing': the shared flag already says it.
  }

  workerEnded(hadJobs: boolean): void {
    Atomics.store(this.writingFlag, 0, 0); // its transaction was rolled back with its connection
    if (hadJobs) this.core.events.emit('data.changed', { areas: ['imports'] });
  }

  get log(): Core['log'] {
    return this.core.log;
  }

  now(): Date {
    return this.core.now();
  }
}

/**
 * The one import worker of this process, shared by the runners of every open shop (the app has one; a test
 * process opens many, and starting the worker — loading the import's code and its spreadsheet library — is
 * the costly part).
 */
class WorkerHost {
  slot: WorkerSlot | null = null;
  readonly entry = importWorkerEntry();
  readonly runners = new Map<string, ImportRunner>();
  private nextId = 1;

  private start(log: Core['log']): WorkerSlot {
    const entry = this.entry!;
    const init: WorkerInit = { nativeBinding: processNativeBindingPath() ?? null };
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { ...init, entry: entry.entry, tsxApi: entry.tsxApi } });
    log.info(`Import worker started (${entry.entry})`);
    // The worker must not keep a command line or a test process alive on its own.
    worker.unref();
    const pending = new Map<number, Pending>();
    let markReady: () => void = () => {};
    const slot: WorkerSlot = { worker, pending, exitReason: null, ready: new Promise<void>((r) => (markReady = r)) };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') markReady();
      else if (message.type === 'result') {
        const p = pending.get(message.id);
        if (!p) return;
        pending.delete(message.id);
        if (message.ok) p.resolve(message.data);
        else {
          if (!message.error.code) p.runner.log.error(`Import worker: ${message.error.message}`, message.error.stack);
          p.reject(restore(message.error));
        }
      } else this.runners.get(message.dbFile)?.receive(message);
    });
    worker.on('error', (error) => {
      slot.exitReason ??= error.message;
      log.error('The import worker stopped with an error', error);
    });
    worker.on('exit', (code) => {
      if (this.slot === slot) this.slot = null;
      const reason = slot.exitReason ?? `it ended unexpectedly (exit code ${code})`;
      markReady();
      const hit = new Set([...pending.values()].map((p) => p.runner));
      for (const runner of this.runners.values()) runner.workerEnded(hit.has(runner));
      for (const p of pending.values()) {
        p.reject(new DomainError('import_failed', `The import stopped before it finished (${reason}). Nothing was changed; try again.`));
      }
      pending.clear();
    });
    return slot;
  }

  async send(runner: ImportRunner, kind: JobKind, args: unknown): Promise<unknown> {
    if (kind === 'close' && !this.slot) return true;
    this.runners.set(runner.shop.dbFile, runner);
    const slot = (this.slot ??= this.start(runner.log));
    await slot.ready;
    if (this.slot !== slot) {
      throw new DomainError('import_failed', `The import could not start (${slot.exitReason ?? 'the worker ended'}). Nothing was changed; try again.`);
    }
    const id = this.nextId++;
    const now = runner.now();
    const message: JobMessage = { type: 'job', id, kind, shop: runner.shop, args, clock: { now: now.toISOString(), live: Math.abs(now.getTime() - Date.now()) < 2000 } };
    // Keep the worker from ending the process only while it has work (unref'd again when idle).
    slot.worker.ref();
    try {
      return await new Promise((resolvePromise, rejectPromise) => {
        slot.pending.set(id, { resolve: resolvePromise, reject: rejectPromise, runner });
        slot.worker.postMessage(message);
      });
    } finally {
      if (slot.pending.size === 0) slot.worker.unref();
    }
  }
}

const host = new WorkerHost();

const runners = new WeakMap<Core, ImportRunner>();

/** The import runner of a core (one worker per open shop), created on first use; closed with the core. */
export function importRunner(core: Core): ImportRunner {
  let runner = runners.get(core);
  if (!runner) {
    const created = new ImportRunner(core);
    runner = created;
    runners.set(core, created);
    // Close the worker (and its connection to the shop) before the shop itself: a restore or a test's
    // cleanup must not find the file still open in a thread.
    const close = core.close.bind(core);
    core.close = async () => {
      await created.close();
      await close();
    };
  }
  return runner;
}

/** The runner of a core if one was started (the write queue asks without starting one). */
export function existingImportRunner(core: Core): ImportRunner | undefined {
  return runners.get(core);
}
