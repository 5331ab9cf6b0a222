import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a whole file or nothing: the bytes go to a hidden temporary file beside the target (same folder,
 * so the same disk and an atomic rename), are flushed to the disk, and only then replace the target.
 * A full disk, a yanked USB stick or a killed process therefore never leaves a 0-byte or half-written
 * file over the one that was there before — the old file stays as it was, and the temporary one is
 * removed (or, after a kill, carries the writer's process id so it can be recognised as left over).
 */
export function writeFileAtomicSync(target: string, bytes: Uint8Array | string): void {
  const temp = atomicTempName(target);
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'wx', 0o644);
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    let written = 0;
    while (written < data.byteLength) written += writeSync(fd, data, written, data.byteLength - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // already failing; the write error is the one to report
      }
    }
    rmSync(temp, { force: true });
    throw error;
  }
}

/** The same, for callers on the event loop (Electron's save dialog, the harness's downloads). */
export async function writeFileAtomic(target: string, bytes: Uint8Array | string): Promise<void> {
  // The files are exports of at most tens of megabytes written once: the synchronous write is simplest
  // and keeps one code path; the promise form only fits the callers' signatures.
  writeFileAtomicSync(target, bytes);
}

/** `.<name>.<pid>-<random>.tmp` in the target's folder. */
export function atomicTempName(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}
