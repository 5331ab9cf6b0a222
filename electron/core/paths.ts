import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder where the desktop app keeps its data — the same place Electron's `app.getPath('userData')`
 * gives for an app named "Zaplecze", so the command line and the app find the same database.
 * ZAPLECZE_DATA_DIR overrides it (tests, portable installs).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.ZAPLECZE_DATA_DIR) return env.ZAPLECZE_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Zaplecze');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Zaplecze');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Zaplecze');
}

export const DATABASE_FILE_NAME = 'zaplecze.db';

export function defaultDatabaseFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(defaultDataDir(env), DATABASE_FILE_NAME);
}
