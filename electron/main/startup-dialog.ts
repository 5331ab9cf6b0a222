import { mkdirSync } from 'node:fs';
import { app, dialog } from 'electron';
import type { Logger } from '../core/log';
import { openAppFolder } from './external-links';
import { classifyStartupError, dialogLanguage, startupDialog } from './startup-error';

export interface StartupRecovery {
  dbFile: string;
  backupDir: string;
  logFile: string;
  /**
   * Restores a backup the user picks, without overwriting anything on failure; resolves true when the
   * app should try starting again. Absent while the backup service is not wired (no button is shown).
   */
  restore?: () => Promise<boolean>;
}

/**
 * Shown when the core cannot start (database from a newer version, unreadable file, missing native
 * module). Modal, before any window exists. Returns 'retry' when a restore succeeded, else 'quit'.
 */
export async function showStartupError(error: unknown, recovery: StartupRecovery, log: Logger): Promise<'retry' | 'quit'> {
  const problem = classifyStartupError(error);
  log.error(`Startup failed (${problem})`, error);
  const language = dialogLanguage(app.getPreferredSystemLanguages());
  const content = startupDialog(problem, language, { dbFile: recovery.dbFile, canRestore: recovery.restore !== undefined });
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
      if (action === 'restore' && recovery.restore && (await recovery.restore())) return 'retry';
      if (action === 'open-backups') {
        mkdirSync(recovery.backupDir, { recursive: true });
        await openAppFolder(recovery.backupDir);
      }
      if (action === 'open-log') await openAppFolder(recovery.logFile);
    } catch (actionError) {
      log.error(`Startup dialog action ${action} failed`, actionError);
    }
    // Opening a folder leaves the dialog's choice open: show it again until the user quits.
  }
}
