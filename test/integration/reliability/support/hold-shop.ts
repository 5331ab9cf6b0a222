/**
 * A child process that has a shop open the way an app does — the app lock (as the browser version) and
 * an open core — until it is killed. Prints READY once both are held. `--write` also keeps a write
 * transaction open on the shop (another program in the middle of saving), for SQLITE_BUSY tests.
 */
import { parseArgs } from 'node:util';
import { createCore } from '../../../../electron/core/create-core';
import { holdShopForApp } from '../../../../electron/core/db/shop-lock';
import { silentLogger } from '../../../../electron/core/log';

async function run(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' }, write: { type: 'boolean' }, 'no-app': { type: 'boolean' } } });
  const dbFile = values.db!;
  const lock = values['no-app'] ? null : holdShopForApp(dbFile, 'web');
  const core = await createCore({ dbFile, logger: silentLogger });
  if (values.write) core.sqlite.exec('BEGIN IMMEDIATE');
  process.stdout.write('READY\n');
  // Keep both referenced until the process is killed.
  setInterval(() => void [lock, core], 60_000);
}

run().catch((error: unknown) => {
  process.stdout.write(`FAILED ${(error as Error).message}\n`);
  process.exit(1);
});
