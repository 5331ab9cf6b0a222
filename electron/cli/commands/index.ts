import type { CliCommand } from '../cli-types';
import { demoCommand } from './demo.command';
import { importCommand } from './import.command';
import { initCommand } from './init.command';
import { statsCommand } from './stats.command';
import { backupCommand } from './backup.command';
import { restoreCommand } from './restore.command';
import { exportCommand } from './export.command';
import { atRiskCommand } from './at-risk.command';
import { resultsCommand } from './results.command';

/** Every command of `zaplecze`. Add one by writing `<name>.command.ts` and listing it here. */
export const COMMANDS: Record<string, CliCommand> = {
  init: initCommand,
  demo: demoCommand,
  stats: statsCommand,
  import: importCommand,
  backup: backupCommand,
  restore: restoreCommand,
  export: exportCommand,
  'at-risk': atRiskCommand,
  results: resultsCommand,
};
