import type { CliCommand } from '../cli-types';
import { dbOption } from '../cli-types';
import { openCore } from '../open-core';

export const initCommand: CliCommand = {
  summary: 'Create the database (or bring an existing one to the current schema).',
  /** `--json`: `{"database", "schemaVersion", "applied", "backupFile", "created"}` (created: a new shop was made). */
  usage: 'zaplecze init [--db <file>] [--json]',
  options: { ...dbOption, json: { type: 'boolean' } },
  async run({ values }, io) {
    const core = await openCore(values, { mustExist: false, writes: { command: 'init' } });
    try {
      const { applied, schemaVersion, backupFile } = core.migration;
      if (values.json) io.out(JSON.stringify({ database: core.dbFile, schemaVersion, applied, backupFile, created: core.created }));
      else if (core.created) io.out(`Utworzono nowy sklep: ${core.dbFile}\n(A new, empty shop was created; schema ${schemaVersion}.)`);
      else if (applied.length === 0) io.out(`Database ${core.dbFile} is up to date (schema ${schemaVersion}).`);
      else io.out(`Database ${core.dbFile} ready: applied ${applied.join(', ')}${backupFile ? `; backup copy ${backupFile}` : ''}.`);
      return 0;
    } finally {
      await core.close();
    }
  },
};
