import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SaveTarget } from '../../electron/core/ports';
import { TMP } from './shops';

/**
 * A save "dialog" that always answers with a file in bench/tmp/out (what the CLI's --out does). It
 * writes asynchronously, as the app's save port does (electron/main/file-dialogs.ts): a synchronous
 * write of a 25 MB file would be a stall the app does not have.
 */
export function benchSaveTarget(): SaveTarget & { saved: string[] } {
  const dir = join(TMP, 'out');
  mkdirSync(dir, { recursive: true });
  const saved: string[] = [];
  return {
    saved,
    async save(suggestedName, bytes) {
      const file = join(dir, suggestedName);
      await writeFile(file, bytes);
      saved.push(file);
      return file;
    },
  };
}
