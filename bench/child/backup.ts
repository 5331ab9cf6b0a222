/**
 * Child process of the backup benchmark (a fresh heap, so garbage left by other benchmarks cannot pause
 * the event loop and be blamed on the backup). Copies the shop with the online backup API in steps while
 * the event loop's delay is sampled every millisecond, then times the one-step VACUUM INTO for comparison.
 * Prints one JSON line.
 */
import { rmSync, statSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createBackup } from '../../electron/core/backup/backup.service';
import { closeCoreFully } from '../../electron/core/backup/restore.service';
import { createCore } from '../../electron/core/create-core';
import { silentLogger } from '../../electron/core/log';

async function main() {
  const [dbFile, out, vacuumOut, backupDir] = process.argv.slice(2) as [string, string, string, string];
  const core = await createCore({ dbFile, backupDir, logger: silentLogger });
  rmSync(out, { force: true });
  rmSync(vacuumOut, { force: true });
  const delay = monitorEventLoopDelay({ resolution: 1 });
  let steps = 0;
  delay.enable();
  const t0 = performance.now();
  await createBackup(core, { outFile: out, onProgress: () => void steps++ });
  const ms = performance.now() - t0;
  delay.disable();
  const t1 = performance.now();
  core.sqlite.prepare('VACUUM INTO ?').run(vacuumOut);
  const vacuumIntoMs = performance.now() - t1;
  const sizeMb = statSync(dbFile).size / 1048576;
  await closeCoreFully(core);
  rmSync(out, { force: true });
  rmSync(vacuumOut, { force: true });
  process.stdout.write(`${JSON.stringify({ sizeMb, ms, steps, stallMs: delay.max / 1e6, p99StallMs: delay.percentile(99) / 1e6, vacuumIntoMs })}\n`);
}

void main();
