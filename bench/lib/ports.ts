import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SaveTarget } from '../../electron/core/ports';
import { TMP } from './shops';

/** A save "dialog" that always answers with a file in bench/tmp/out (what the CLI's --out does). */
export function benchSaveTarget(): SaveTarget & { saved: string[] } {
  const dir = join(TMP, 'out');
  mkdirSync(dir, { recursive: true });
  const saved: string[] = [];
  return {
    saved,
    async save(suggestedName, bytes) {
      const file = join(dir, suggestedName);
      writeFileSync(file, bytes);
      saved.push(file);
      return file;
    },
  };
}
