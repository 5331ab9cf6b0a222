import { basename, resolve } from 'node:path';
import { recordAudit } from '../../core/audit/audit.repository';
import { cancelPendingRestore, pendingRestore, restoreDatabaseFile } from '../../core/backup/restore.service';
import { createCore } from '../../core/create-core';
import { silentLogger } from '../../core/log';
import { defaultDatabaseFile } from '../../core/paths';
import type { CliCommand } from '../cli-types';
import { CliError, dbOption } from '../cli-types';
import { checkPendingRestore } from '../open-core';

export const restoreCommand: CliCommand = {
  summary: 'Replace the database with a backup, after checking it; the replaced database is kept as a copy.',
  usage: 'zaplecze restore <backup-file> [--db <file>] [--json]   (close the desktop app first)\n       zaplecze restore --cancel-pending [--db <file>] [--json]   (withdraw a restore asked for in the app)',
  options: { ...dbOption, json: { type: 'boolean' }, 'cancel-pending': { type: 'boolean' } },
  allowPositionals: true,
  /**
   * The backup is checked before anything is replaced: SQLite's integrity check, that it is a Zaplecze
   * database, and that it is not from a newer version. The database being replaced — even a damaged one
   * that cannot be opened — is copied to the backup folder first. Works when the current database cannot
   * be opened at all (corrupt, from a newer version): that is what it is for.
   *
   * `--json` prints one object: `{"database", "restoredFrom", "schemaVersion", "replacedCopy": string|null,
   * "replacedWasDamaged": boolean}`.
   *
   * A restore asked for in the app and waiting for its next start refuses this one (`restore_pending`): the
   * app would put its own backup over this one. `--cancel-pending` withdraws it (recorded in the shop's
   * history, as the app's "Anuluj przywracanie"); `--json`: `{"database", "cancelled": backup name | null}`.
   */
  async run({ values, positionals }, io) {
    const dbFile = resolve(typeof values.db === 'string' && values.db !== '' ? values.db : defaultDatabaseFile());
    if (values['cancel-pending']) {
      if (positionals.length !== 0) throw new CliError(`--cancel-pending takes no backup file.\nUsage: ${this.usage}`, 2);
      return cancelPending(dbFile, Boolean(values.json), io);
    }
    if (positionals.length !== 1) throw new CliError(`Name exactly one backup file.\nUsage: ${this.usage}`, 2);
    checkPendingRestore(dbFile, { writes: true, io, command: 'restore' });
    const result = await restoreDatabaseFile({ dbFile, backupFile: positionals[0]! });
    // Opening once brings an older backup up to the current schema (with its own pre-migration copy)
    // and proves the restored file opens.
    const core = await createCore({ dbFile, logger: silentLogger });
    const schemaVersion = core.migration.schemaVersion;
    await core.close();
    if (values.json) {
      io.out(JSON.stringify({ database: dbFile, restoredFrom: result.restoredFrom, schemaVersion, replacedCopy: result.replacedCopy, replacedWasDamaged: result.replacedWasDamaged }));
      return 0;
    }
    const kept = result.replacedCopy
      ? ` The replaced database was kept at ${result.replacedCopy}${result.replacedWasDamaged ? ' (it was damaged; its bytes were copied as they were)' : ''}.`
      : '';
    io.out(`Restored ${dbFile} from ${result.restoredFrom} (schema ${schemaVersion}).${kept}`);
    return 0;
  },
};

async function cancelPending(dbFile: string, json: boolean, io: Parameters<CliCommand['run']>[1]): Promise<number> {
  const pending = pendingRestore(dbFile);
  const name = pending ? basename(pending.backupFile) : null;
  if (pending) {
    cancelPendingRestore(dbFile);
    const core = await createCore({ dbFile, logger: silentLogger, mustExist: true });
    try {
      await recordAudit(core.db, { actor: 'owner', action: 'backup.cancelRestore', entity: 'backup', entityId: name!, details: { requestedAt: pending.requestedAt, via: 'cli' } }, core.now());
    } finally {
      await core.close();
    }
  }
  if (json) io.out(JSON.stringify({ database: dbFile, cancelled: name }));
  else io.out(name ? `Cancelled the restore of ${name} that was waiting for the desktop app's next start; ${dbFile} stays as it is.` : `No restore is waiting for ${dbFile}.`);
  return 0;
}
