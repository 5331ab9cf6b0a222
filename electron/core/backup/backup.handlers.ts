import type { AreaHandlers } from '../dispatch';
import { type BackupFile, listBackups } from './backup-files';
import { createBackup, lastAutomaticBackupAt, rotateCoreBackups } from './backup.service';
import { getSettings } from '../settings/settings.service';
import { pendingRestoreBackup, stageRestore } from './restore.service';

const info = (b: BackupFile) => ({ name: b.name, createdAt: b.createdAt, kind: b.kind, sizeBytes: b.sizeBytes });

export const backupHandlers: AreaHandlers<'backup.'> = {
  'backup.list': async (_input, { core }) => {
    const pending = pendingRestoreBackup(core.dbFile);
    return {
      directory: core.backupDir,
      keep: (await getSettings(core.db)).backupKeep,
      lastAutomaticAt: await lastAutomaticBackupAt(core),
      pendingRestore: pending ? (pending.split(/[\\/]/).at(-1) ?? null) : null,
      backups: listBackups(core.backupDir).map(info),
    };
  },
  'backup.create': async (_input, { core }) => {
    const backup = await createBackup(core, { label: 'manual' });
    await rotateCoreBackups(core);
    return info(backup);
  },
  'backup.restore': ({ name }, { core }) => {
    const staged = stageRestore(core, name);
    return { name, schemaVersion: staged.verified.schemaVersion, products: staged.verified.products, orders: staged.verified.orders, when: staged.when };
  },
};
