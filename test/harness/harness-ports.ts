import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { writeFileAtomic } from '../../electron/core/atomic-write';
import type { CorePorts, OpenSource, SaveTarget } from '../../electron/core/ports';

/**
 * SaveTarget of the harness: no dialog in a browser, so files land in a per-run downloads folder
 * (tests read them back from the returned path). Names are reduced to a bare name and never overwrite.
 */
export function downloadsSaveTarget(dir: string): SaveTarget {
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return {
    async save(suggestedName, bytes, kind) {
      const bare = basename(suggestedName.replace(/\\/g, '/')).replace(/[<>:"|?*\p{Cc}]/gu, '_').replace(/^\.+/, '') || 'zaplecze';
      const name = bare.toLowerCase().endsWith(`.${kind}`) ? bare : `${bare}.${kind}`;
      const path = join(dir, `${String(++n).padStart(3, '0')}-${name}`);
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
