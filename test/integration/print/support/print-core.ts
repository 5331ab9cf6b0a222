import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SaveTarget } from '../../../../electron/core/ports';
import { type ChromiumPrinter, createChromiumPrinter } from '../../../../electron/core/print/chromium-printer';

/** One headless Chromium for a test file (starting one costs about a second). */
export function sharedPrinter(): ChromiumPrinter {
  return createChromiumPrinter();
}

/** A save "dialog" that writes into a folder and remembers what was saved. */
export function folderSaveTarget(dir: string): SaveTarget & { saved: Array<{ name: string; path: string; kind: string; bytes: Uint8Array }> } {
  mkdirSync(dir, { recursive: true });
  const saved: Array<{ name: string; path: string; kind: string; bytes: Uint8Array }> = [];
  return {
    saved,
    async save(name, bytes, kind) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      saved.push({ name, path, kind, bytes });
      return path;
    },
  };
}
