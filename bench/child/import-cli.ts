/**
 * Child process of the import benchmark and the crash-safety test: runs `zaplecze import <file> --db
 * <db> --json` in this process (the public command line, the same code path as the app's import), and
 * prints one JSON line {ms, code, result, maxRssKb}. The clock starts after modules are loaded.
 */
import { main } from '../../electron/cli/main';

async function run() {
  const [file, db, ...extra] = process.argv.slice(2);
  const out: string[] = [];
  const err: string[] = [];
  const t0 = performance.now();
  const code = await main(['import', file!, '--db', db!, '--json', ...extra], { out: (s) => out.push(s), err: (s) => err.push(s) });
  const ms = performance.now() - t0;
  let result: unknown;
  try {
    result = JSON.parse(out.join('\n'));
  } catch {
    result = out.join('\n').slice(0, 2000);
  }
  process.stdout.write(`${JSON.stringify({ ms, code, result, stderr: err.join('\n').slice(0, 2000), maxRssKb: process.resourceUsage().maxRSS })}\n`);
}

void run();
