import { resolve } from 'node:path';
import { restoreDatabaseFile } from '../../core/backup/restore.service';
import { createCore } from '../../core/create-core';
import { silentLogger } from '../../core/log';
import { defaultDatabaseFile } from '../../core/paths';
import type { CliCommand } from '../cli-types';
import { CliError, dbOption } from '../cli-types';

export const restoreCommand: CliCommand = {
  summary: 'Replace the database with a backup, after checking it; the replaced database is kept as a copy.',
  usage: 'zaplecze restore <backup-file> [--db <file>] [--json]   (close the desktop app first)',
  options: { ...dbOption, json: { type: 'boolean' } },
  allowPositionals: true,
  /**
   * The backup is checked before anything is replaced: SQLite's integrity check, that it is a Zaplecze
   * database, and that it is not from a newer version. The database being replaced — even a damaged one
   * that cannot be opened — is copied to the backup folder first. Works when the current database cannot
   * be opened at all (corrupt, from a newer version): that is what it is for.
   *
   * `--json` prints one object: `{"database", "restoredFrom", "schemaVersion", "replacedCopy": string|null,
   * "replacedWasDamaged": boolean}`.
   */
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new CliError(`Name exactly one backup file.\nUsage: ${this.usage}`, 2);
    const dbFile = resolve(typeof values.db === 'string' && values.db !== '' ? values.db : defaultDatabaseFile());
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
