import type { AreaHandlers } from '../dispatch';
import { recordAudit } from '../audit/audit.repository';
import { type BackupFile, listBackups, parseBackupName } from './backup-files';
import { readChecks } from './backup-checks';
import { createBackup, lastAutomaticBackupAt, rotateCoreBackups } from './backup.service';
import { getSettings } from '../settings/settings.service';
import { cancelPendingRestore, lastRestoreOutcome, pendingRestore, stageRestore } from './restore.service';
import { newestVerifiedBackup, shopHealth } from './shop-health';

const info = (b: BackupFile, verified?: boolean) => ({
  name: b.name,
  createdAt: b.createdAt,
  kind: b.kind,
  sizeBytes: b.sizeBytes,
  ...(verified === undefined ? {} : { verified }),
});

export const backupHandlers: AreaHandlers<'backup.'> = {
  'backup.list': async (_input, { core }) => {
    const pending = pendingRestore(core.dbFile);
    const pendingName = pending ? (pending.backupFile.split(/[\\/]/).at(-1) ?? null) : null;
    const parsed = pendingName ? parseBackupName(pendingName) : null;
    const checks = readChecks(core.backupDir);
    const health = shopHealth(core);
    const good = newestVerifiedBackup(core);
    const outcome = lastRestoreOutcome(core.dbFile);
    const restoredName = outcome ? (outcome.backupFile.split(/[\\/]/).at(-1) ?? '') : '';
    const restoredParsed = outcome ? parseBackupName(restoredName) : null;
    return {
      directory: core.backupDir,
      keep: (await getSettings(core.db)).backupKeep,
      lastAutomaticAt: await lastAutomaticBackupAt(core),
      pendingRestore: pendingName,
      pending: pendingName
        ? { name: pendingName, createdAt: parsed?.createdAt ?? null, kind: parsed?.kind ?? null, requestedAt: pending?.requestedAt ?? null }
        : null,
      backups: listBackups(core.backupDir).map((b) => info(b, checks[b.name]?.ok === true)),
      lastRestore: outcome
        ? { at: outcome.at, ok: outcome.ok, createdAt: restoredParsed?.createdAt ?? null, kind: restoredParsed?.kind ?? null, code: outcome.code ?? null }
        : null,
      health: { state: health.state, checkedAt: health.checkedAt, lastFullCheckAt: health.lastFullCheckAt, newestVerified: good ? info(good, true) : null },
    };
  },
  'backup.create': async (_input, { core }) => {
    const backup = await createBackup(core, { label: 'manual' });
    await rotateCoreBackups(core);
    return info(backup, true);
  },
  'backup.restore': ({ name }, { core }) => {
    const staged = stageRestore(core, name);
    return { name, schemaVersion: staged.verified.schemaVersion, products: staged.verified.products, orders: staged.verified.orders, when: staged.when };
  },
  'backup.cancelRestore': async (_input, { core, actor }) => {
    const pending = pendingRestore(core.dbFile);
    if (!pending) return { cancelled: null };
    const name = pending.backupFile.split(/[\\/]/).at(-1) ?? pending.backupFile;
    cancelPendingRestore(core.dbFile);
    await recordAudit(core.db, { actor, action: 'backup.cancelRestore', entity: 'backup', entityId: name, details: { requestedAt: pending.requestedAt } }, core.now());
    return { cancelled: name };
  },
};
