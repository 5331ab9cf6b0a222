import type { EventName } from '../../../../shared/contract/channels';
import type { ErrorCode } from '../../../../shared/domain/errors';

/**
 * Messages between the app's main thread (import-runner.ts) and the import worker (import-worker.ts).
 * Everything crossing is plain data (structured clone): files as bytes or paths, previews and results as
 * the contract's shapes, errors as `{code, message, details}`.
 */

export interface WorkerInit {
  /** The better-sqlite3 addon the app loads (Electron's build), or null for npm's Node build. */
  nativeBinding: string | null;
}

/** The shop a job is for: one worker serves every shop this process has open (tests open many). */
export interface JobShop {
  dbFile: string;
  backupDir: string;
  /** Int32 [0]: 1 while the worker has an import transaction open on this shop (read by the app's write queue). */
  writing: SharedArrayBuffer;
}

export type JobKind = 'preview' | 'remap' | 'batch' | 'commit' | 'discard' | 'undoCheck' | 'undo' | 'close';

export interface JobMessage {
  type: 'job';
  id: number;
  kind: JobKind;
  shop: JobShop;
  args: unknown;
  /** The app's clock at the start of the job: `live` → the worker reads its own clock; else this fixed time (tests pin it). */
  clock: { now: string; live: boolean };
}

export interface SerializedError {
  code: ErrorCode | null;
  message: string;
  details?: unknown;
  /** Unexpected errors only: for the app's log, never shown. */
  stack?: string;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'result'; id: number; ok: true; data: unknown }
  | { type: 'result'; id: number; ok: false; error: SerializedError }
  | { type: 'event'; dbFile: string; name: EventName; payload: unknown }
  | { type: 'writing'; dbFile: string; writing: boolean }
  | { type: 'log'; dbFile: string; level: 'info' | 'error'; message: string; error?: string };
