import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real small or read-only disks for the storage-error tests. Both need `mount` (root, and a system that
 * allows it); when it is not allowed they return null and the test falls back to simulating the error
 * at the driver (and says so in its name).
 */

function mount(args: string[]): boolean {
  // ZAPLECZE_TEST_NO_MOUNT=1 forces the simulated path (to check it on a machine that can mount).
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || process.env.ZAPLECZE_TEST_NO_MOUNT) return false;
  return spawnSync('mount', args, { stdio: 'ignore' }).status === 0;
}

function unmount(dir: string): void {
  spawnSync('umount', [dir], { stdio: 'ignore' });
}

export interface SmallDisk {
  dir: string;
  /** Fills the disk to the last byte with a file of its own. */
  fill(): void;
  dispose(): void;
}

/** A tmpfs of `sizeKb` mounted on a fresh folder, or null. */
export function smallDisk(sizeKb: number): SmallDisk | null {
  const dir = mkdtempSync(join(tmpdir(), 'zaplecze-fulldisk-'));
  if (!mount(['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir])) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    fill() {
      const chunk = Buffer.alloc(4096, 1);
      for (let i = 0; ; i++) {
        try {
          writeFileSync(join(dir, `filler-${i}`), chunk);
        } catch {
          break;
        }
      }
      // The last page-sized write failed: fill the rest byte by byte in one more file.
      for (let size = 2048; size >= 1; size = Math.floor(size / 2)) {
        try {
          writeFileSync(join(dir, `filler-small-${size}`), Buffer.alloc(size, 1));
        } catch {
          // too big for what is left: try half
        }
      }
    },
    dispose() {
      unmount(dir);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface ReadOnlyFolder {
  /** Read-only view of `source`. */
  dir: string;
  dispose(): void;
}

/** `source` seen through a read-only bind mount (root ignores file permissions, a read-only mount it cannot), or null. */
export function readOnlyView(source: string): ReadOnlyFolder | null {
  const dir = mkdtempSync(join(tmpdir(), 'zaplecze-readonly-'));
  mkdirSync(dir, { recursive: true });
  if (!mount(['--bind', source, dir])) {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  if (!mount(['-o', 'remount,bind,ro', dir])) {
    unmount(dir);
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    dispose() {
      unmount(dir);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
