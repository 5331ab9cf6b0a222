import { z } from 'zod';
import { defineChannel } from './define';
import { noInput } from './common';

/** File name of a backup in the app's backup folder, e.g. `zaplecze-2026-11-24T07-30-05-123Z-auto.db`. */
export const backupName = z
  .string()
  .max(120)
  .regex(/^zaplecze-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:-\d{3})?Z-[a-z][a-z0-9-]{0,40}\.db$/, 'not a backup file name');

/**
 * One backup copy. `kind` says why it was taken: `automatic` (first start of the day), `manual` (the owner
 * asked), `before-migration` (before an app update changed the database), `before-undo` (before an import
 * was undone), `before-restore` (the database a restore replaced), `before-other`.
 */
export const backupInfo = z.object({
  name: backupName,
  createdAt: z.string(),
  kind: z.enum(['automatic', 'manual', 'before-migration', 'before-undo', 'before-restore', 'before-other']),
  sizeBytes: z.number().int().min(0),
  /** SQLite's check of the copy passed (false: not checked yet — rotation checks it). Damaged copies are not listed. */
  verified: z.boolean().optional(),
});
export type BackupInfo = z.infer<typeof backupInfo>;

export const backupContract = {
  'backup.list': defineChannel({
    summary: 'Backup copies of the database, newest first, with the folder they are in and the rotation setting.',
    access: 'owner',
    input: noInput,
    output: z.object({
      directory: z.string(),
      /** Copies kept by rotation (settings.backupKeep); copies taken before updates and restores are kept apart. */
      keep: z.number().int(),
      lastAutomaticAt: z.string().nullable(),
      /** A restore chosen earlier that waits for the next start (null when none). */
      pendingRestore: z.string().nullable(),
      /** The same, described: when the copy was taken, its kind, when the restore was asked for. */
      pending: z
        .object({ name: z.string(), createdAt: z.string().nullable(), kind: backupInfo.shape.kind.nullable(), requestedAt: z.string().nullable() })
        .nullable()
        .optional(),
      backups: z.array(backupInfo),
      /**
       * How the last restore chosen in this run went: done, or refused with the error code (`shop_in_use`:
       * another program has the shop open; `backup_invalid`: the copy failed its check). Null when none.
       */
      lastRestore: z
        .object({ at: z.string(), ok: z.boolean(), createdAt: z.string().nullable(), kind: backupInfo.shape.kind.nullable(), code: z.string().nullable() })
        .nullable()
        .optional(),
      /**
       * Is the shop file whole? `damaged`: SQLite found damaged pages (at start, in the weekly full check, in a
       * backup's copy or during a call); the owner should restore `newestVerified`.
       */
      health: z
        .object({
          state: z.enum(['ok', 'damaged', 'unchecked']),
          checkedAt: z.string().nullable(),
          lastFullCheckAt: z.string().nullable(),
          newestVerified: backupInfo.nullable(),
        })
        .optional(),
    }),
  }),
  'backup.cancelRestore': defineChannel({
    summary: 'Withdraw a restore that waits for the next start (nothing has been replaced yet). Audited.',
    access: 'owner',
    input: noInput,
    output: z.object({ cancelled: z.string().nullable() }),
  }),
  'backup.create': defineChannel({
    summary: 'Take a backup copy now (the app keeps working meanwhile).',
    access: 'owner',
    input: noInput,
    output: backupInfo,
  }),
  'backup.restore': defineChannel({
    summary:
      'Replace the database with a backup from the list, after checking it. The current database is kept as a copy; the app reopens the database (when="now") or does it at the next start.',
    access: 'owner',
    input: z.strictObject({ name: backupName }),
    output: z.object({
      name: backupName,
      schemaVersion: z.string(),
      products: z.number().int(),
      orders: z.number().int(),
      when: z.enum(['now', 'next-start']),
    }),
  }),
};
