import type { Core } from '../create-core';
import type { BackupFile } from './backup-files';
import { backupOnStartIfDue, checkUnrecordedBackups } from './backup.service';
import { checkShopOnStart, type ShopHealth } from './shop-health';

/** How often a shop that stays open is checked again (quick; the full check when its week is up). */
const RECHECK_MS = 6 * 60 * 60 * 1000;

/**
 * What every app transport (the desktop app, the browser version) runs once it has opened a shop — at
 * start and again after a restore reopened it: the health check (quick, or full once a week), then the
 * day's automatic backup. A damaged shop gets no automatic backup (its copy would fail its check anyway
 * and must never count as one). An app left running for days is checked again every few hours, so the
 * weekly full check still happens; the timer ends with the core. Never throws; the outcome is for the log.
 */
export async function afterShopOpened(
  core: Core,
  options: { recheckEveryMs?: number } = {},
): Promise<{ health: ShopHealth; backup: BackupFile | null; error: unknown }> {
  const health = await checkShopOnStart(core);
  let checking = false;
  const timer = setInterval(() => {
    if (!core.sqlite.open) {
      clearInterval(timer);
      return;
    }
    if (checking) return; // one check at a time
    checking = true;
    checkShopOnStart(core)
      .catch(() => undefined)
      .finally(() => {
        checking = false;
      });
  }, options.recheckEveryMs ?? RECHECK_MS);
  timer.unref(); // never keeps a process alive
  if (health.state === 'damaged') {
    // What to offer: the newest copy that passes its check (older versions' copies have no record yet).
    await checkUnrecordedBackups(core, { untilOneGood: true }).catch(() => undefined);
    return { health, backup: null, error: null };
  }
  try {
    return { health, backup: await backupOnStartIfDue(core), error: null };
  } catch (error) {
    return { health, backup: null, error };
  }
}
