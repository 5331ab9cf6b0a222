import { setFlagsFromString } from 'node:v8';

let applied = false;

/**
 * Asks V8 to favour a small heap over speed for the rest of this process. The command line streams big
 * files (an import of a million lines, a month's export) whose live data is small but whose garbage is
 * plentiful; by default V8 lets the heap grow to ~150 MB of dead objects before a full collection, which
 * pushed a CSV import's peak memory to ~340 MB whatever the file's size. With this flag the peak is
 * ~220 MB for ~10% more time. The flag is read by V8's heap-growing heuristics as they run, so setting
 * it after start-up takes effect (measured: `npm run bench`, import.rss@1M-lines).
 */
export function preferSmallHeap(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString('--optimize-for-size');
}
