import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { processNativeBindingPath } from '../db/connection';
import { checkDatabaseFile } from './backup-checks';

/**
 * SQLite's checks read every page: on a 200 MB shop `quick_check` takes ~3 s and `integrity_check` ~18 s
 * (measured on a loaded 2-core machine). Run on the main thread they would freeze the window (and every
 * other request of the browser version) that long, so they run in a worker thread with its own read-only
 * connection — WAL lets it read while the app keeps writing. Where the driver cannot be located for a
 * worker (an unusual bundling), the check runs in place rather than not at all.
 */

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
let db;
try {
  const options = { readonly: true, fileMustExist: true };
  if (workerData.nativeBinding) options.nativeBinding = workerData.nativeBinding;
  db = new Database(workerData.file, options);
  const rows = db.pragma(workerData.pragma);
  parentPort.postMessage({ lines: rows.map((r) => String(Object.values(r)[0])) });
} catch (error) {
  parentPort.postMessage({ failed: String((error && error.message) || error) });
} finally {
  if (db) db.close();
}
`;

function driverPath(): string | null {
  try {
    // `require` exists in the CommonJS builds (Electron main, CLI); tests and tsx get one from createRequire.
    const req = typeof require === 'function' ? require : createRequire(`${process.cwd()}/`);
    // tsx's namespaced require (npm run web loads the core through tsImport) appends '?namespace=…',
    // which a plain require in the worker cannot load.
    return req.resolve('better-sqlite3').replace(/\?.*$/, '');
  } catch {
    return null;
  }
}

/** `quick_check` (or with `full`, `integrity_check`) of a database file off the main thread: [] when whole. */
export function checkDatabaseFileOffThread(file: string, options: { full?: boolean } = {}): Promise<string[]> {
  const modulePath = driverPath();
  if (!modulePath) return Promise.resolve(checkDatabaseFile(file, options));
  return new Promise((resolve) => {
    let settled = false;
    const done = (lines: string[]) => {
      if (settled) return;
      settled = true;
      resolve(lines.length === 1 && lines[0] === 'ok' ? [] : lines);
    };
    // A worker that could not run the check (driver not loadable there, the file not openable) has
    // said nothing about the shop: check in place rather than report a healthy shop as damaged.
    const inPlace = () => {
      if (settled) return;
      settled = true;
      resolve(checkDatabaseFile(file, options));
    };
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { file, modulePath, nativeBinding: processNativeBindingPath() ?? null, pragma: options.full ? 'integrity_check(20)' : 'quick_check(20)' },
      });
    } catch {
      resolve(checkDatabaseFile(file, options));
      return;
    }
    worker.once('message', (message: { lines?: string[]; failed?: string }) => (message.lines ? done(message.lines) : inPlace()));
    worker.once('error', inPlace);
    worker.once('exit', inPlace);
  });
}
