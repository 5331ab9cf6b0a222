import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createBackup, rotateCoreBackups } from '../../core/backup/backup.service';
import type { CliCommand } from '../cli-types';
import { CliError, dbOption } from '../cli-types';
import { openCore } from '../open-core';

export const backupCommand: CliCommand = {
  summary: 'Copy the database (SQLite online backup, safe while the app runs) to the backup folder or --out.',
  usage: 'zaplecze backup [--db <file>] [--out <file>] [--json]',
  options: { ...dbOption, out: { type: 'string', short: 'o' }, json: { type: 'boolean' } },
  /**
   * `--json` prints one object: `{"file": string, "sizeBytes": number, "createdAt": ISO string, "seconds": number}`.
   * Without `--out` the copy goes to the backup folder beside the database and old copies are rotated by
   * the shop's "keep the last N backups" setting; a file given with `--out` is never rotated.
   */
  async run({ values }, io) {
    const out = typeof values.out === 'string' && values.out !== '' ? resolve(values.out) : undefined;
    if (out && existsSync(out)) throw new CliError(`${out} already exists; choose another file name (a backup never overwrites a file).`);
    const core = await openCore(values, { mustExist: true, io });
    try {
      const started = performance.now();
      const backup = await createBackup(core, out ? { outFile: out, label: 'manual' } : { label: 'manual' });
      if (!out) await rotateCoreBackups(core);
      const seconds = Math.round(performance.now() - started) / 1000;
      if (values.json) io.out(JSON.stringify({ file: backup.file, sizeBytes: backup.sizeBytes, createdAt: backup.createdAt, seconds }));
      else io.out(`Backup of ${core.dbFile} written to ${backup.file} (${(backup.sizeBytes / 1048576).toFixed(1)} MB, ${seconds.toFixed(1)} s).`);
      return 0;
    } finally {
      await core.close();
    }
  },
};
