import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { writeFileAtomic } from '../../electron/core/atomic-write';
import type { CorePorts, OpenSource, SaveTarget } from '../../electron/core/ports';

/**
 * SaveTarget of the harness: no dialog in a browser, so files land in a per-run downloads folder
 * (tests read them back from the returned path). Names are reduced to a bare name and never overwrite,
 * not even the files of an earlier run in the same folder (`npm run web` keeps downloads/ beside the shop).
 */
export function downloadsSaveTarget(dir: string): SaveTarget {
  mkdirSync(dir, { recursive: true });
  // Numbering goes on from the files already there (an earlier run's), so nothing is overwritten.
  let n = readdirSync(dir).reduce((max, f) => Math.max(max, Number(/^(\d{1,9})-/.exec(f)?.[1] ?? 0)), 0);
  return {
    async save(suggestedName, bytes, kind) {
      const bare = basename(suggestedName.replace(/\\/g, '/')).replace(/[<>:"|?*\p{Cc}]/gu, '_').replace(/^\.+/, '') || 'zaplecze';
      const name = bare.toLowerCase().endsWith(`.${kind}`) ? bare : `${bare}.${kind}`;
      let path = join(dir, `${String(++n).padStart(3, '0')}-${name}`);
      while (existsSync(path)) path = join(dir, `${String(++n).padStart(3, '0')}-${name}`);
      await writeFileAtomic(path, bytes); // a full disk leaves no empty file behind
      return path;
    },
  };
}

/**
 * OpenSource of the harness: the "open dialog" answers with the files a test queued (`queue(paths)`),
 * or with nothing (= the user cancelled). In a real browser the Import screen's drag-and-drop and file
 * input send the bytes instead.
 */
export function queuedOpenSource(): OpenSource & { queue(paths: string[]): void } {
  const pending: string[][] = [];
  return {
    queue(paths) {
      pending.push(paths);
    },
    async pick() {
      const paths = pending.shift() ?? [];
      return paths.map((path) => ({ name: basename(path), path }));
    },
  };
}

export type HarnessPorts = CorePorts & { openSource: ReturnType<typeof queuedOpenSource> };
