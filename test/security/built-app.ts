import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const OUT = resolve('out');

/** Built file → the source folders and files it must not be older than. */
const BUILT_FROM: Array<[string, string[]]> = [
  [join(OUT, 'renderer', 'index.html'), ['renderer/index.html']],
  [join(OUT, 'preload', 'index.js'), ['electron/preload', 'shared/contract/channels.ts']],
  [join(OUT, 'main', 'index.js'), ['electron/main', 'electron/core', 'shared']],
];

const mtime = (file: string) => (existsSync(file) ? statSync(file).mtimeMs : -1);

/** The newest modification time of a file, or of any .ts file under a folder. */
function newest(path: string): number {
  if (!existsSync(path)) return -1;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = -1;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(child));
    else if (entry.name.endsWith('.ts')) latest = Math.max(latest, statSync(child).mtimeMs);
  }
  return latest;
}

/**
 * The security tests read the BUILT app (what ships), not the sources. CI builds before testing; when
 * out/ is missing or older than the sources it is built from (a fresh clone, a new channel), this builds
 * it (electron-vite build, a few seconds).
 */
export function ensureBuilt(): void {
  const isStale = () => BUILT_FROM.some(([built, sources]) => sources.some((source) => newest(resolve(source)) > mtime(built)));
  if (!isStale()) return;
  // Test files run in parallel workers: one builds, the others wait for it (a directory is an atomic lock).
  const lock = resolve('.cache', 'security-build.lock');
  mkdirSync(resolve('.cache'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (isStale()) build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function build(): void {
  const result = spawnSync(process.execPath, [resolve('node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`electron-vite build failed:\n${result.stdout}\n${result.stderr}`);
}
