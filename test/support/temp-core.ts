import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../electron/core/create-core';
import { silentLogger } from '../../electron/core/log';

export interface TempCore {
  core: Core;
  dir: string;
  dbFile: string;
  /** Closes the database and deletes the folder. */
  dispose(): Promise<void>;
}

/** A real core on a real SQLite file in a fresh temporary folder (each test gets its own). */
export async function tempCore(options: Partial<CoreOptions> = {}): Promise<TempCore> {
  const dir = mkdtempSync(join(tmpdir(), 'zaplecze-test-'));
  const dbFile = options.dbFile ?? join(dir, 'zaplecze.db');
  const core = await createCore({ logger: silentLogger, validateOutput: true, ...options, dbFile });
  return {
    core,
    dir,
    dbFile,
    async dispose() {
      await core.close();
      // A background check started before the close (afterShopOpened's timer, 50 ms in tests) may still be
      // finishing its files in the folder: retry instead of failing the test on ENOTEMPTY (it did, once in CI).
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    },
  };
}

export function tempDir(prefix = 'zaplecze-test-'): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * `tempCore` for a test file whose every test makes its own shop: each core made through the returned function
 * is disposed after its test (registers one `afterEach`; call at the top level of the file).
 */
export function tempCoreDisposedAfterEach(): (options?: Partial<CoreOptions>) => Promise<TempCore> {
  const made: TempCore[] = [];
  afterEach(async () => {
    while (made.length) await made.pop()!.dispose();
  });
  return async (options = {}) => {
    const t = await tempCore(options);
    made.push(t);
    return t;
  };
}
