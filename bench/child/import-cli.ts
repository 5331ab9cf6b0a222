/**
 * Child process of the import benchmark and the crash-safety test: runs `zaplecze import <file> --db
 * <db> --json` in this process (the public command line, the same code path as the app's import), and
 * prints one JSON line {ms, phases, code, result, maxRssKb}. The clock starts after modules are loaded.
 */
import { main } from '../../electron/cli/main';

async function run() {
  const [file, db, ...extra] = process.argv.slice(2);
  const out: string[] = [];
  const err: string[] = [];
  const t0 = performance.now();
  // When the progress lines say writing started and ended: the split of the time into reading the file
  // (hash, decode, parse, stage), writing the records, and finishing (search index, commit).
  let writingFrom: number | null = null;
  let writingTo: number | null = null;
  const onErr = (s: string) => {
    err.push(s);
    if (/: writing \d+%/.test(s)) {
      writingFrom ??= performance.now() - t0;
      if (/writing 100%/.test(s)) writingTo = performance.now() - t0;
    }
  };
  const code = await main(['import', file!, '--db', db!, '--json', ...extra], { out: (s) => out.push(s), err: onErr });
  const ms = performance.now() - t0;
  const phases = writingFrom !== null && writingTo !== null ? { readMs: writingFrom, writeMs: writingTo - writingFrom, finishMs: ms - writingTo } : null;
  let result: unknown;
  try {
    result = JSON.parse(out.join('\n'));
  } catch {
    result = out.join('\n').slice(0, 2000);
  }
  process.stdout.write(`${JSON.stringify({ ms, phases, code, result, stderr: err.join('\n').slice(0, 2000), maxRssKb: process.resourceUsage().maxRSS })}\n`);
}

void run();
