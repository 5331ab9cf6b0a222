import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, openSync, readSync, closeSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** A file to import, on disk (bytes sent by the renderer are first written to a private temp file). */
export interface ImportSource {
  /** The name the user sees (never used to decide the format). */
  name: string;
  path: string;
  size: number;
  sha256: string;
  /** True when the file is our temporary copy, deleted when the preview is discarded. */
  temporary: boolean;
}

let tempRoot: string | null = null;
let tempParent: string | null = null;

/**
 * Where the import's temporary files go: the `tmp/` folder beside the open shop (createCore sets it), so
 * the space they take is on the shop's own disk, in plain sight, and a start after a crash finds and
 * removes them (backup/leftovers.ts). The system's temp folder only when no shop said where.
 */
export function setImportTempParent(dir: string | null): void {
  tempParent = dir;
}

/**
 * One private folder per process for uploaded files and staging databases, `import-<pid>-<random>`
 * (the process id tells a later start whether its owner is still running); removed at exit.
 */
export function importTempDir(): string {
  const parent = tempParent ?? tmpdir();
  if (!tempRoot || dirname(tempRoot) !== parent || !existsSync(tempRoot)) {
    mkdirSync(parent, { recursive: true });
    tempRoot = mkdtempSync(join(parent, `import-${process.pid}-`));
    const root = tempRoot;
    process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  }
  return tempRoot;
}

export function tempPath(suffix: string): string {
  return join(importTempDir(), `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}${suffix}`);
}

/** Bytes from the renderer (drag and drop / file input): written to a temp file so every reader streams. */
export function sourceFromBytes(name: string, bytes: Uint8Array): ImportSource {
  const path = tempPath('.upload');
  writeFileSync(path, bytes);
  return { name: cleanName(name), path, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex'), temporary: true };
}

/** A file chosen in the app's own dialog or named on the command line. */
export async function sourceFromPath(path: string, name = basename(path)): Promise<ImportSource> {
  const size = statSync(path).size;
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return { name: cleanName(name), path, size, sha256: hash.digest('hex'), temporary: false };
}

/** The first `length` bytes (or fewer) of a file. */
export function readHead(path: string, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const read = readSync(fd, buffer, 0, length, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Streams a file's bytes from `start`, reporting bytes read so far. */
export async function* readChunks(path: string, start: number, onBytes?: (done: number) => void): AsyncGenerator<Buffer> {
  let done = start;
  for await (const chunk of createReadStream(path, { start, highWaterMark: 1 << 20 })) {
    done += (chunk as Buffer).length;
    onBytes?.(done);
    yield chunk as Buffer;
  }
}

/** A display name: the last path segment, without control characters, at most 255 characters. */
function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (cleaned || 'plik').slice(0, 255);
}
