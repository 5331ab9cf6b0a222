import type { Core } from '../create-core';
import type { BackupFile } from './backup-files';
import { backupOnStartIfDue } from './backup.service';
import { checkShopOnStart, type ShopHealth } from './shop-health';

/**
 * What every app transport (the desktop app, the browser version) runs once it has opened a shop — at
 * start and again after a restore reopened it: the health check (quick, or full once a week), then the
 * day's automatic backup. A damaged shop gets no automatic backup (its copy would fail its check anyway
 * and must never count as one). Never throws; the outcome is for the log.
 */
export async function afterShopOpened(core: Core): Promise<{ health: ShopHealth; backup: BackupFile | null; error: unknown }> {
  const health = await checkShopOnStart(core);
  if (health.state === 'damaged') return { health, backup: null, error: null };
  try {
    return { health, backup: await backupOnStartIfDue(core), error: null };
  } catch (error) {
    return { health, backup: null, error };
  }
}
