/**
 * A child process for the reliability tests: runs `zaplecze import <file> --db <db> --json` (the public
 * command line, the same code path as the app) for each file, or loads the demo shop (`--demo N`), and
 * prints one JSON line per job. With `--template <db>` each file is imported into a fresh copy of the
 * template (so one rejected file cannot hide another's effect). Prints READY before the first write
 * starts, so a test can kill it at a random point of the write itself.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { main } from '../../../../electron/cli/main';
import { createCore } from '../../../../electron/core/create-core';
import { loadDemoShop } from '../../../../electron/core/demo/demo-shop';
import { silentLogger } from '../../../../electron/core/log';
import BetterSqlite3 from 'better-sqlite3';
import { contentHash } from './db-hash';

async function run() {
  const { values, positionals } = parseArgs({
    options: { db: { type: 'string' }, template: { type: 'string' }, demo: { type: 'string' }, 'dry-run': { type: 'boolean' }, inspect: { type: 'boolean' }, mapping: { type: 'string' } },
    allowPositionals: true,
  });
  const db = values.db!;
  if (values.demo) {
    const core = await createCore({ dbFile: db, logger: silentLogger });
    process.stdout.write('READY\n');
    await loadDemoShop(core, { orders: Number(values.demo), seed: 7 });
    await core.close();
    process.stdout.write(`${JSON.stringify({ demo: true, done: true })}\n`);
    return;
  }
  process.stdout.write('READY\n');
  for (const file of positionals) {
    if (values.template) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
      copyFileSync(values.template, db);
    }
    const out: string[] = [];
    const err: string[] = [];
    const t0 = performance.now();
    const code = await main(['import', file, '--db', db, '--json', ...(values['dry-run'] ? ['--dry-run'] : []), ...(values.mapping ? ['--mapping', values.mapping] : [])], { out: (s) => out.push(s), err: (s) => err.push(s) });
    const ms = performance.now() - t0;
    let result: unknown;
    try {
      result = JSON.parse(out.join('\n'));
    } catch {
      result = null;
    }
    // --inspect: the state right after this file, before the next one replaces the database.
    const state = values.inspect ? inspect(db) : undefined;
    process.stdout.write(`${JSON.stringify({ file, code, ms, result, state, stdout: result === null ? out.join('\n').slice(0, 2000) : undefined, stderr: err.join('\n').slice(0, 4000) })}\n`);
  }
  process.stdout.write(`${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
}

function inspect(db: string): { integrity: string; committedRuns: number; businessHash: string } {
  const conn = new BetterSqlite3(db, { readonly: true });
  const integrity = conn.pragma('integrity_check', { simple: true }) as string;
  const committedRuns = conn.prepare("SELECT count(*) FROM import_runs WHERE status = 'committed'").pluck().get() as number;
  conn.close();
  // import_runs and audit_log record the attempt itself; everything else is the shop's data.
  return { integrity, committedRuns, businessHash: contentHash(db, { ignore: ['import_runs', 'audit_log'] }) };
}

run().catch((error) => {
  process.stderr.write(`child crashed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 70;
});
