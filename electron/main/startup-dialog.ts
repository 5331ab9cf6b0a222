import { mkdirSync } from 'node:fs';
import { app, dialog } from 'electron';
import { listBackups } from '../core/backup/backup-files';
import { restoreDatabaseFile } from '../core/backup/restore.service';
import type { Logger } from '../core/log';
import { openAppFolder } from './external-links';
import { classifyStartupError, dialogLanguage, restoreTexts, startupDialog } from './startup-error';

export interface StartupPaths {
  dbFile: string;
  backupDir: string;
  logFile: string;
}

const language = () => dialogLanguage(app.getPreferredSystemLanguages());

/** Tells the user how a restore went (after the startup dialog, or a restore staged from the app). */
export async function showRestoreOutcome(outcome: { failed: string } | { restoredFrom: string }): Promise<void> {
  const t = restoreTexts(language());
  if ('failed' in outcome) {
    await dialog.showMessageBox({ type: 'error', title: t.failedTitle, message: t.failed, detail: outcome.failed, noLink: true });
  } else {
    await dialog.showMessageBox({ type: 'info', title: t.doneTitle, message: t.done, detail: outcome.restoredFrom, noLink: true });
  }
}

/**
 * The user picks a backup in the backups folder; the core's restore verifies it, keeps the current
 * (unreadable) database as a copy, then swaps the files. Resolves true when the app should retry.
 */
async function pickAndRestore(paths: StartupPaths, log: Logger): Promise<boolean> {
  const picked = await dialog.showOpenDialog({
    title: restoreTexts(language()).pick,
    defaultPath: paths.backupDir,
    filters: [{ name: 'Zaplecze', extensions: ['db'] }],
    properties: ['openFile'],
  });
  const backupFile = picked.filePaths[0];
  if (picked.canceled || !backupFile) return false;
  try {
    const result = await restoreDatabaseFile({ dbFile: paths.dbFile, backupFile, backupDir: paths.backupDir });
    log.info(`Restored ${result.restoredFrom}; replaced database kept at ${result.replacedCopy ?? '(none)'}`);
    await showRestoreOutcome(result);
    return true;
  } catch (error) {
    log.error('Restore from the startup dialog failed', error);
    await showRestoreOutcome({ failed: (error as Error).message });
    return false;
  }
}

/**
 * Shown when the core cannot start (database from a newer version, unreadable file, missing native
 * module). Modal, before any window exists; nothing is overwritten unless the user restores a backup,
 * and then the replaced file is kept. Returns 'retry' after a successful restore, else 'quit'.
 */
export async function showStartupError(error: unknown, paths: StartupPaths, log: Logger): Promise<'retry' | 'quit'> {
  const problem = classifyStartupError(error);
  log.error(`Startup failed (${problem})`, error);
  // A newer version's database can also be swapped for an older backup (the restore refuses backups this
  // version cannot open, and keeps the replaced file), though installing the newer version is advised first.
  const canRestore = (problem === 'database_corrupt' || problem === 'database_from_future') && listBackups(paths.backupDir).length > 0;
  const content = startupDialog(problem, language(), { dbFile: paths.dbFile, canRestore });
  for (;;) {
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: content.title,
      message: content.message,
      detail: content.detail,
      buttons: content.buttons.map((button) => button.label),
      cancelId: content.buttons.length - 1,
      defaultId: 0,
      noLink: true,
    });
    const action = content.buttons[response]?.action ?? 'quit';
    try {
      if (action === 'quit') return 'quit';
      if (action === 'retry') return 'retry'; // a full disk, a read-only folder…: the owner fixed it, open again
      if (action === 'restore' && (await pickAndRestore(paths, log))) return 'retry';
      if (action === 'open-backups') {
        mkdirSync(paths.backupDir, { recursive: true });
        await openAppFolder(paths.backupDir);
      }
      if (action === 'open-log') await openAppFolder(paths.logFile);
    } catch (actionError) {
      log.error(`Startup dialog action ${action} failed`, actionError);
    }
    // Opening a folder leaves the choice open: the dialog comes back until the user quits or restores.
  }
}
