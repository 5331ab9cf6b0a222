#!/usr/bin/env node
// `npm run web [-- --db <file>] [-- --port <n>]`: Zaplecze in a browser, for machines without Electron
// (development, demos). The same harness the end-to-end tests use (test/harness/harness.ts): the real core
// on a persistent database — by default the desktop app's own (electron/core/paths.ts) — the browser build
// of the renderer (out/web, built first when missing or older than the sources), the contract over HTTP on
// 127.0.0.1 only, with a per-run token in the printed address (kept by the browser as an HttpOnly cookie).
// Ctrl+C stops it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

function usage(message) {
  if (message) console.error(message);
  console.error('Usage: npm run web -- [--db <file>] [--port <n>] [--rebuild | --no-build]');
  process.exit(2);
}

const args = process.argv.slice(2);
const options = { db: null, port: 0, rebuild: false, build: true };
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--db') options.db = args[++i] ?? usage('--db needs a file');
  else if (arg === '--port') {
    options.port = Number(args[++i]);
    if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) usage('--port needs a number 0–65535');
  } else if (arg === '--rebuild') options.rebuild = true;
  else if (arg === '--no-build') options.build = false;
  else if (arg === '--help' || arg === '-h') usage();
  else usage(`Unknown option: ${arg}`);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const builtIndex = join(root, 'out/web/index.html');
// --no-build: serve out/web as it is (tests, or while someone else is rebuilding it).
const stale =
  options.rebuild ||
  (options.build &&
    (!existsSync(builtIndex) ||
      statSync(builtIndex).mtimeMs < Math.max(newestMtime(join(root, 'renderer')), newestMtime(join(root, 'shared')))));
if (stale) {
  console.log('Building the browser version of the screens (npm run build:web)…');
  const built = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.web.config.mts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (built.status !== 0) {
    console.error('The build failed; see above.');
    process.exit(1);
  }
}

const { defaultDatabaseFile } = await tsImport('../electron/core/paths.ts', import.meta.url);
const { startHarness } = await tsImport('../test/harness/harness.ts', import.meta.url);
const dbFile = resolve(options.db ?? defaultDatabaseFile());

// A mistyped --db would otherwise quietly give an empty shop: say that a new one is being created, and where.
if (!existsSync(dbFile) || statSync(dbFile).size === 0) {
  console.log(`There is no shop at ${dbFile} yet: creating a new, empty shop there${existsSync(dirname(dbFile)) ? '' : ' (and its folder)'}.`);
}

let harness;
try {
  harness = await startHarness({
    dbFile,
    port: options.port,
    downloadsDir: join(dirname(dbFile), 'downloads'),
    validateOutput: false,
  });
} catch (error) {
  console.error(`Zaplecze could not start: ${error && error.message ? error.message : String(error)}`);
  process.exit(1);
}

console.log('');
console.log(`Zaplecze is running at ${harness.url}`);
console.log('  (open this exact address: it carries this run\'s key, which the browser then keeps as a cookie)');
console.log(`  database:        ${harness.dbFile}${harness.core.created ? '  (Utworzono nowy sklep — a new, empty shop)' : ''}`);
console.log(`  saved files go:  ${harness.downloadsDir}`);
console.log('  (listening on 127.0.0.1 only; Ctrl+C stops it)');

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await harness.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
