/**
 * A child process for the leftovers test: starts a backup of `--db` one page per step and, at its first
 * step (the half-written copy exists), prints READY and stops dead — the parent then kills it with SIGKILL,
 * leaving the half-written copy exactly as a backup killed half-way does.
 */
import { parseArgs } from 'node:util';
import { createBackup } from '../../../../electron/core/backup/backup.service';
import { createCore } from '../../../../electron/core/create-core';
import { silentLogger } from '../../../../electron/core/log';

async function run() {
  const { values } = parseArgs({ options: { db: { type: 'string' } } });
  const core = await createCore({ dbFile: values.db!, logger: silentLogger });
  let first = true;
  await createBackup(core, {
    label: 'auto',
    pagesPerStep: 1,
    onProgress: () => {
      if (!first) return;
      first = false;
      process.stdout.write('READY\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
    },
  });
}

run().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
