import { mkdirSync, utimesSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFileName, kindOfLabel, listBackups, parseBackupName } from '../../../electron/core/backup/backup-files';
import { PROTECTED_KEEP, rotateBackups } from '../../../electron/core/backup/backup-rotation';
import { stamp } from '../../../electron/core/db/backup';
import { tempDir } from '../../support/temp-core';

const cleanups: Array<() => unknown> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function folder() {
  const d = tempDir('zaplecze-backups-');
  cleanups.push(d.dispose);
  return d.dir;
}

function touch(dir: string, name: string) {
  writeFileSync(join(dir, name), 'x');
}

describe('backup file names', () => {
  it('round-trip a date and label, and read the older pre-migration names written by db/backup.ts', () => {
    const at = new Date('2026-11-24T07:30:05.123Z');
    const name = backupFileName(at, 'auto');
    expect(name).toBe('zaplecze-2026-11-24T07-30-05-123Z-auto.db');
    expect(parseBackupName(name)).toEqual({ createdAt: at.toISOString(), label: 'auto', kind: 'automatic' });
    const legacy = `zaplecze-${stamp(at)}-before-migration.db`;
    expect(parseBackupName(legacy)).toEqual({ createdAt: '2026-11-24T07:30:05.000Z', label: 'before-migration', kind: 'before-migration' });
  });

  it('know each kind by its label', () => {
    expect(['auto', 'manual', 'before-migration', 'before-undo', 'before-undo-12', 'before-restore', 'before-bulk-edit'].map(kindOfLabel)).toEqual([
      'automatic', 'manual', 'before-migration', 'before-undo', 'before-undo', 'before-restore', 'before-other',
    ]);
  });

  it('refuse labels that could escape the folder or break the pattern', () => {
    for (const label of ['../x', 'Auto', '', 'a b', 'x/y']) expect(() => backupFileName(new Date(), label)).toThrow(RangeError);
    for (const name of ['zaplecze.db', 'zaplecze-2026-11-24T07-30-05Z-auto.db-wal', '../zaplecze-2026-11-24T07-30-05Z-auto.db', 'zaplecze-2026-13-45T99-30-05Z-auto.db']) {
      expect(parseBackupName(name), name).toBeNull();
    }
  });

  it('list only backups, newest first; a missing folder is an empty list', () => {
    const dir = folder();
    expect(listBackups(join(dir, 'nope'))).toEqual([]);
    touch(dir, 'zaplecze-2026-11-20T08-00-00-000Z-auto.db');
    touch(dir, 'zaplecze-2026-11-22T08-00-00-000Z-manual.db');
    touch(dir, 'zaplecze-2026-11-21T08-00-00Z-before-migration.db');
    touch(dir, 'zaplecze-2026-11-23T08-00-00-000Z-auto.db.partial');
    touch(dir, 'zaplecze-2026-11-22T08-00-00-000Z-manual.db-wal');
    touch(dir, 'moja-kopia.db');
    touch(dir, 'damaged-2026-11-23T08-00-00-000Z-zaplecze.db');
    mkdirSync(join(dir, 'zaplecze-2026-11-24T08-00-00-000Z-auto.db'));
    expect(listBackups(dir).map((b) => b.kind)).toEqual(['manual', 'before-migration', 'automatic']);
  });
});

describe('rotation', () => {
  it('keeps the newest N regular copies and, apart from them, the newest copies taken before migrations and restores', () => {
    const dir = folder();
    for (let day = 1; day <= 9; day++) touch(dir, `zaplecze-2026-11-0${day}T08-00-00-000Z-auto.db`);
    touch(dir, 'zaplecze-2026-11-05T09-00-00-000Z-before-undo.db');
    touch(dir, 'zaplecze-2026-11-09T09-00-00-000Z-manual.db');
    for (let day = 1; day <= 5; day++) touch(dir, `zaplecze-2026-10-0${day}T08-00-00Z-before-migration.db`);
    touch(dir, 'zaplecze-2026-10-01T08-00-00-000Z-before-restore.db');
    touch(dir, 'moja-kopia.db');

    const { deleted } = rotateBackups(dir, 3);
    const left = listBackups(dir).map((b) => b.name);
    expect(left).toEqual([
      'zaplecze-2026-11-09T09-00-00-000Z-manual.db',
      'zaplecze-2026-11-09T08-00-00-000Z-auto.db',
      'zaplecze-2026-11-08T08-00-00-000Z-auto.db',
      'zaplecze-2026-10-05T08-00-00Z-before-migration.db',
      'zaplecze-2026-10-04T08-00-00Z-before-migration.db',
      'zaplecze-2026-10-03T08-00-00Z-before-migration.db',
      'zaplecze-2026-10-01T08-00-00-000Z-before-restore.db',
    ]);
    expect(PROTECTED_KEEP).toBe(3);
    expect(deleted).toHaveLength(8 + 2); // 11 regular copies, 3 kept; 5 pre-migration copies, 3 kept
    expect(existsSync(join(dir, 'moja-kopia.db'))).toBe(true);
  });

  it('never deletes a backup that waits to be restored, and clears stale half-written copies', () => {
    const dir = folder();
    for (let day = 1; day <= 4; day++) touch(dir, `zaplecze-2026-11-0${day}T08-00-00-000Z-auto.db`);
    touch(dir, 'zaplecze-2026-11-05T08-00-00-000Z-auto.db.partial');
    touch(dir, 'zaplecze-2026-11-06T08-00-00-000Z-auto.db.partial');
    const old = new Date('2026-11-05T08:00:00Z');
    utimesSync(join(dir, 'zaplecze-2026-11-05T08-00-00-000Z-auto.db.partial'), old, old);
    rotateBackups(dir, 1, { protect: ['zaplecze-2026-11-01T08-00-00-000Z-auto.db'], now: new Date('2026-11-06T08:30:00Z') });
    expect(readdirSync(dir).sort()).toEqual([
      'zaplecze-2026-11-01T08-00-00-000Z-auto.db',
      'zaplecze-2026-11-04T08-00-00-000Z-auto.db',
      'zaplecze-2026-11-06T08-00-00-000Z-auto.db.partial', // may still be being written
      'zaplecze-checks.json', // rotation records which copies passed SQLite's check (backup-checks.ts)
    ]);
    expect(() => rotateBackups(dir, 0)).toThrow(RangeError);
  });
});
