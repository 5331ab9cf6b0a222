import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Backup files and their names. Everything here works on a folder alone, without an open core, so the
 * desktop app's "cannot open the database" dialog (corrupt file, database from a newer version) can list
 * what there is to restore before any database is open.
 *
 * Name: `zaplecze-<UTC stamp>-<label>.db`, e.g. `zaplecze-2026-11-24T07-30-05-123Z-auto.db`. The stamp
 * sorts as text; the older form without milliseconds (db/backup.ts `snapshotTo`, used before migrations)
 * is read too. Files whose names do not match are never listed and never deleted: they are the owner's.
 */

/** What a backup was taken for; decides how rotation treats it. */
export type BackupKind = 'automatic' | 'manual' | 'before-migration' | 'before-undo' | 'before-restore' | 'before-other';

export interface BackupFile {
  /** File name inside the backup folder (what the UI shows and sends back to restore). */
  name: string;
  /** Absolute path. */
  file: string;
  /** When it was taken (from the name; the name is written from the core's clock). */
  createdAt: string;
  label: string;
  kind: BackupKind;
  sizeBytes: number;
}

export const BACKUP_NAME_PATTERN = /^zaplecze-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:-\d{3})?Z)-([a-z][a-z0-9-]{0,40})\.db$/;

export function kindOfLabel(label: string): BackupKind {
  if (label === 'auto') return 'automatic';
  if (label === 'manual') return 'manual';
  if (label === 'before-migration') return 'before-migration';
  if (label === 'before-undo' || label.startsWith('before-undo-')) return 'before-undo';
  if (label === 'before-restore') return 'before-restore';
  return 'before-other';
}

/** `2026-11-24T07:30:05.123Z` → `2026-11-24T07-30-05-123Z` (file-name safe on every system). */
export function backupStamp(date: Date): string {
  return date.toISOString().replace(/:/g, '-').replace('.', '-');
}

export function backupFileName(date: Date, label: string): string {
  if (!/^[a-z][a-z0-9-]{0,40}$/.test(label)) throw new RangeError(`Backup label must be lowercase letters, digits and dashes: "${label}"`);
  return `zaplecze-${backupStamp(date)}-${label}.db`;
}

/** Parses a backup's name; null when the name is not one of ours. */
export function parseBackupName(name: string): { createdAt: string; label: string; kind: BackupKind } | null {
  const match = BACKUP_NAME_PATTERN.exec(name);
  if (!match) return null;
  const stamp = match[1]!;
  // 2026-11-24T07-30-05-123Z or 2026-11-24T07-30-05Z → ISO.
  const iso = stamp.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(?:-(\d{3}))?Z$/, (_m, d, h, mi, s, ms) => `${d}T${h}:${mi}:${s}.${ms ?? '000'}Z`);
  if (Number.isNaN(Date.parse(iso))) return null;
  const label = match[2]!;
  return { createdAt: new Date(iso).toISOString(), label, kind: kindOfLabel(label) };
}

/**
 * The backups in a folder, newest first. A missing folder is an empty list. Half-written copies
 * (`*.partial`) and SQLite side files (`-wal`, `-shm`, `-journal`) are not backups and are skipped.
 */
export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  const out: BackupFile[] = [];
  for (const name of readdirSync(dir)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const file = join(dir, name);
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) continue;
      size = st.size;
    } catch {
      continue; // deleted meanwhile
    }
    out.push({ name, file, sizeBytes: size, ...parsed });
  }
  // Newest first; the name breaks ties (same second, different label) so the order is stable.
  return out.sort((a, b) => (a.createdAt === b.createdAt ? b.name.localeCompare(a.name) : b.createdAt.localeCompare(a.createdAt)));
}

/** Finds a backup by its name in a folder; null when there is none (or the name is not a backup's). */
export function findBackup(dir: string, name: string): BackupFile | null {
  if (!parseBackupName(name)) return null;
  return listBackups(dir).find((b) => b.name === name) ?? null;
}
