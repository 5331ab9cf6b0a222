import { shell } from 'electron';
import { isSafeExternalUrl } from './navigation-policy';

/**
 * The one door to the system browser: every web link leaves the app through here, and only when
 * isSafeExternalUrl (https, allow-listed host) says so. No other module calls shell.openExternal.
 */
export function openExternalLink(url: string, log: (message: string) => void): void {
  if (!isSafeExternalUrl(url)) {
    log(`external link refused: ${url.slice(0, 200)}`);
    return;
  }
  shell.openExternal(url).catch((error: unknown) => log(`could not open ${url.slice(0, 200)}: ${String(error)}`));
}

/** Opens one of the app's own folders (backups, logs) in the system file manager. */
export async function openAppFolder(path: string): Promise<void> {
  const problem = await shell.openPath(path);
  if (problem) throw new Error(problem);
}
