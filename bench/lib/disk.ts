import { existsSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Bytes of every file under a folder (the shop's folder: database, -wal, -journal, its tmp/). */
export function folderBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    try {
      if (entry.isDirectory()) total += folderBytes(path);
      else if (entry.isFile()) total += statSync(path).size;
    } catch {
      // removed while we looked
    }
  }
  return total;
}

/** Process ids whose process group is `pgid` (the measured command and everything it started). */
function groupPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses, so split after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) pids.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/**
 * Bytes of files the group's processes hold open after deleting them: SQLite's temporary files (sort,
 * statement journals, temp_store spills) are unlinked as soon as they are opened, so no folder shows them.
 */
function deletedOpenBytes(pgid: number): number {
  const seen = new Set<string>();
  let total = 0;
  for (const pid of groupPids(pgid)) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const path = `/proc/${pid}/fd/${fd}`;
        if (!readlinkSync(path).endsWith(' (deleted)')) continue;
        const st = statSync(path);
        const key = `${st.dev}:${st.ino}`;
        if (!st.isFile() || seen.has(key)) continue;
        seen.add(key);
        total += st.size;
      } catch {
        // closed meanwhile
      }
    }
  }
  return total;
}

export interface DiskWatch {
  /** Tells the watch which process group to look into for deleted-but-open files. */
  setGroup(pgid: number | null): void;
  /** Stops sampling; the largest total seen (folders + deleted open files) and its parts at that moment. */
  stop(): { peakBytes: number; peakFoldersBytes: number; peakDeletedBytes: number; samples: number };
}

/**
 * Samples, every `everyMs`, the bytes in the given folders plus the deleted files the measured group
 * keeps open, and remembers the peak: the transient disk an import needs on top of what it started with.
 */
export function watchDisk(dirs: string[], everyMs = 250): DiskWatch {
  let pgid: number | null = null;
  let peak = { peakBytes: 0, peakFoldersBytes: 0, peakDeletedBytes: 0 };
  let samples = 0;
  const sample = () => {
    const folders = dirs.reduce((sum, dir) => sum + folderBytes(dir), 0);
    const deleted = pgid === null ? 0 : deletedOpenBytes(pgid);
    samples += 1;
    if (folders + deleted > peak.peakBytes) peak = { peakBytes: folders + deleted, peakFoldersBytes: folders, peakDeletedBytes: deleted };
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    setGroup(id) {
      pgid = id;
    },
    stop() {
      clearInterval(timer);
      sample();
      return { ...peak, samples };
    },
  };
}
