import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE_NAME } from '../core/paths';

/**
 * Where the desktop app keeps its data: Electron's appData folder + "Zaplecze" — exactly what
 * core/paths.ts defaultDataDir() computes for the command line, so both find the same database
 * (a test checks the two agree on every platform). package.json's `name` is lower-case, so main sets
 * userData explicitly instead of relying on Electron deriving it from the package name.
 * ZAPLECZE_DATA_DIR overrides it (the opt-in Electron tests, portable installs), as for the CLI.
 */
export function desktopDataDir(appDataDir: string, env: NodeJS.ProcessEnv): string {
  return env.ZAPLECZE_DATA_DIR || join(appDataDir, 'Zaplecze');
}

export function desktopPaths(dataDir: string): { dbFile: string; logFile: string; backupDir: string } {
  return {
    dbFile: join(dataDir, DATABASE_FILE_NAME),
    logFile: join(dataDir, 'logs', 'main.log'),
    // The same default as createCore (backups/ beside the database), spelled out so the startup
    // error dialog can open it even when the core could not be created.
    backupDir: join(dataDir, 'backups'),
  };
}

export interface NativeBindingContext {
  env: NodeJS.ProcessEnv;
  isPackaged: boolean;
  resourcesPath: string;
  /** The app folder (app.getAppPath()) and the running Electron's version, for the development build. */
  appPath?: string;
  electronVersion?: string;
  platform?: NodeJS.Platform;
  arch?: string;
  exists?: (file: string) => boolean;
}

/** Where electron-builder.yml puts the Electron build of better-sqlite3 inside the packaged app. */
export const PACKAGED_NATIVE_BINDING = join('native', 'better_sqlite3.node');

/**
 * Which better-sqlite3 addon main loads. node_modules holds the Node build (tests, CLI); Electron needs
 * one compiled for its own ABI, which lives elsewhere and is passed through better-sqlite3's
 * `nativeBinding` option:
 * - in the packaged app, only resources/native/better_sqlite3.node (extraResources in electron-builder.yml);
 * - ZAPLECZE_NATIVE_BINDING, set by `npm start` (scripts/start-desktop.mjs) to its .electron-native build;
 * - in development, the build `npm start` keeps for this Electron in .electron-native/ (so starting
 *   Electron by hand after one `npm start` works too);
 * - otherwise undefined: better-sqlite3's own lookup, which fails with a clear ABI message that the
 *   startup error dialog explains.
 */
export function resolveNativeBinding(context: NativeBindingContext): string | undefined {
  const exists = context.exists ?? existsSync;
  if (context.isPackaged) {
    // Never from the environment here: an installed, fused app must not load whatever native code a
    // variable points at (the fuses close NODE_OPTIONS and run-as-node for the same reason).
    const packaged = join(context.resourcesPath, PACKAGED_NATIVE_BINDING);
    return exists(packaged) ? packaged : undefined;
  }
  const fromEnv = context.env.ZAPLECZE_NATIVE_BINDING;
  if (fromEnv) return fromEnv;
  if (context.appPath && context.electronVersion) {
    const platformArch = `${context.platform ?? process.platform}-${context.arch ?? process.arch}`;
    const development = join(context.appPath, '.electron-native', context.electronVersion, platformArch, 'better_sqlite3.node');
    if (exists(development)) return development;
  }
  return undefined;
}
