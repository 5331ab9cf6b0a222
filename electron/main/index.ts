/**
 * The Electron main process: lifecycle and wiring only. Domain work goes through the core's `dispatch`;
 * security decisions live in pure modules beside this one (window-options, navigation-policy,
 * app-protocol, ipc-sender), each with table tests in test/security/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { app, type BrowserWindow, dialog, ipcMain, protocol, session, type Session as ElectronSession } from 'electron';
import { CHANNELS } from '../../shared/contract/channels';
import { applyPendingRestore, closeCoreFully, reopenWithPendingRestore, whenRestoreStaged } from '../core/backup/restore.service';
import { afterShopOpened } from '../core/backup/shop-start';
import { type Core, type CoreOptions, createCore } from '../core/create-core';
import { setProcessNativeBinding } from '../core/db/connection';
import { type HeldLock, holdShopForApp } from '../core/db/shop-lock';
import { dispatch } from '../core/dispatch';
import type { CorePorts } from '../core/ports';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-origin';
import { createAppProtocolHandler } from './app-protocol';
import { desktopDataDir, desktopPaths, resolveNativeBinding } from './desktop-paths';
import { createElectronPrinter } from './electron-printer';
import { forwardCoreEvents } from './event-bridge';
import { openExternalLink } from './external-links';
import { createOpenSource, createSaveTarget } from './file-dialogs';
import { createFileLogger } from './file-logger';
import { registerIpcHandlers } from './ipc-loop';
import { isPermissionGranted, isRendererRequestAllowed } from './navigation-policy';
import { isPrintRequestAllowed } from './print-options';
import { showRestoreOutcome, showStartupError } from './startup-dialog';
import { attachGuards } from './web-contents-guards';
import { createMainWindow, createPrintWindow } from './window-factory';
import { WindowSessions } from './window-sessions';

// --- Before 'ready': things Electron only accepts this early. -------------------------------------
const dataDir = desktopDataDir(app.getPath('appData'), process.env);
app.setPath('userData', dataDir);
app.enableSandbox(); // every renderer sandboxed, whatever a window's options say
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

const paths = desktopPaths(dataDir);
const log = createFileLogger(paths.logFile, undefined, !app.isPackaged);
const PRELOAD = join(__dirname, '../preload/index.js');
const RENDERER_DIR = join(__dirname, '../renderer');
const PRINT_PARTITION = 'zaplecze-print';

const windows = new WindowSessions();
let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;
let ports: CorePorts = {};
let stopForwarding: (() => void) | null = null;
let printRoot: string | null = null;
/** The shop's app lock (one app per shop), held for the whole run. */
let appLock: HeldLock | null = null;

// Every webContents — app window, print windows, DevTools, anything unexpected — gets the guards.
app.on('web-contents-created', (_event, contents) => {
  attachGuards(contents, (url) => openExternalLink(url, log.info), log.info);
});

function denyPermissions(target: ElectronSession): void {
  target.setPermissionRequestHandler((contents, permission, callback) => callback(isPermissionGranted(permission, contents.getURL())));
  target.setPermissionCheckHandler((_contents, permission, origin) => isPermissionGranted(permission, origin));
  target.setDevicePermissionHandler(() => false);
}

function configureSessions(): string {
  const appSession = session.defaultSession;
  denyPermissions(appSession);
  appSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRendererRequestAllowed(details.url);
    if (!allowed) log.info(`request refused: ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
  appSession.protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_DIR, log.info));

  const root = mkdtempSync(join(tmpdir(), 'zaplecze-print-'));
  const printSession = session.fromPartition(PRINT_PARTITION);
  denyPermissions(printSession);
  printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isPrintRequestAllowed(details.url, root) }));
  return root;
}

function coreOptions(): CoreOptions {
  const nativeBinding = resolveNativeBinding({
    env: process.env,
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    electronVersion: process.versions.electron,
  });
  return { dbFile: paths.dbFile, backupDir: paths.backupDir, logger: log, ...(nativeBinding ? { nativeBinding } : {}) };
}

/**
 * Opens the database: first puts in place a restore staged in the previous run, then creates the core;
 * on a startup problem asks the user (never overwriting anything). Null when the user chose to quit.
 */
async function openCore(): Promise<Core | null> {
  const options = coreOptions();
  log.info(`Starting Zaplecze ${app.getVersion()} (Electron ${process.versions.electron}); database ${paths.dbFile}; native binding ${options.nativeBinding ?? '(default)'}`);
  for (;;) {
    try {
      const pending = await applyPendingRestore(paths.dbFile, { backupDir: paths.backupDir });
      if (pending) await showRestoreOutcome(pending);
      return await createCore(options);
    } catch (error) {
      const choice = await showStartupError(error, paths, log);
      if (choice === 'quit') return null;
    }
  }
}

/** Makes `next` the core the IPC loop talks to: ports, event forwarding, the restore hook. */
function adopt(next: Core): void {
  core = next;
  next.ports = ports;
  stopForwarding?.();
  stopForwarding = forwardCoreEvents(next.events, () => (mainWindow && !mainWindow.isDestroyed() ? [mainWindow.webContents] : []));
  whenRestoreStaged(next, () => void swapForRestore(next));
}

/**
 * A restore chosen in the app (backup.restore): close the core, put the backup in place, open a fresh
 * core, and reload the window with nobody signed in (the restored database may have other PINs).
 */
async function swapForRestore(current: Core): Promise<void> {
  if (core !== current) return;
  core = null; // calls arriving meanwhile get a "try again" answer
  stopForwarding?.();
  stopForwarding = null;
  try {
    const { core: fresh, restore } = await reopenWithPendingRestore(current, () => createCore(coreOptions()));
    adopt(fresh);
    windows.resetSessions();
    mainWindow?.webContents.reload();
    runAfterOpen(fresh); // the restored shop is checked, and gets its day's backup if it has none
    if (restore) await showRestoreOutcome(restore);
  } catch (error) {
    log.error('Reopening the database after a restore failed', error);
    const choice = await showStartupError(error, paths, log);
    const reopened = choice === 'retry' ? await openCore() : null;
    if (!reopened) {
      app.quit();
      return;
    }
    adopt(reopened);
    windows.resetSessions();
    mainWindow?.webContents.reload();
  }
}

function runAfterOpen(opened: Core): void {
  afterShopOpened(opened).then(
    ({ health, backup, error }) => {
      if (backup) log.info(`Automatic backup ${backup.file}`);
      if (error) log.error('Automatic backup failed', error);
      if (health.state === 'damaged') log.error('The shop database is damaged; the Backups screen offers the newest verified backup');
    },
    (error: unknown) => log.error('The checks after opening the shop failed', error),
  );
}

function openMainWindow(): void {
  const window = createMainWindow(PRELOAD, !app.isPackaged);
  const id = window.webContents.id;
  windows.add(id);
  window.on('closed', () => {
    windows.remove(id);
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => log.error('Could not load the app page', error));
}

async function start(): Promise<void> {
  printRoot = configureSessions();
  const root = printRoot;
  const dialogDeps = { dialog, window: () => mainWindow, defaultFolder: () => app.getPath('documents') };
  ports = {
    printer: createElectronPrinter({ createPrintWindow: () => createPrintWindow(PRINT_PARTITION), printRoot: root }),
    saveTarget: createSaveTarget(dialogDeps),
    openSource: createOpenSource(dialogDeps),
  };
  // One app per shop: a second Zaplecze (desktop or browser version) on the same file is refused here,
  // and a restore from the command line refuses while this one runs (core/db/shop-lock.ts).
  const binding = coreOptions().nativeBinding;
  if (binding) setProcessNativeBinding(binding); // the lock files are opened with the Electron build too
  try {
    appLock = holdShopForApp(paths.dbFile, 'desktop'); // kept referenced: held until the process ends
  } catch (error) {
    log.error('The shop is already open elsewhere', error);
    dialog.showErrorBox(
      'Zaplecze',
      `Sklep jest już otwarty w innym oknie Zaplecza. Zamknij je i uruchom program ponownie.\nThe shop is already open in another Zaplecze window.\n\n${(error as Error).message}`,
    );
    app.quit();
    return;
  }
  const opened = await openCore();
  if (!opened) {
    app.quit();
    return;
  }
  adopt(opened);
  registerIpcHandlers({
    ipcMain,
    channels: CHANNELS,
    dispatch: async (channel, input, windowSession) =>
      core
        ? dispatch(core, channel, input, windowSession)
        : { ok: false, error: { code: 'internal', message: 'The database is being reopened; try again in a moment.' } },
    trustedWebContentsIds: windows.trustedIds,
    sessionFor: (id) => windows.sessionFor(id),
    log,
  });
  openMainWindow();
  // After the window is up: the shop's health check (off the main thread), then at most one automatic
  // backup a day, in steps (the online backup API).
  const started = core;
  if (started) runAfterOpen(started);
}

if (!app.requestSingleInstanceLock()) {
  // Another Zaplecze already has this data folder open: it gets focus (below), this one leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (core && !mainWindow) openMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    if (printRoot) rmSync(printRoot, { recursive: true, force: true });
    printRoot = null;
    if (!core) return;
    // Close the database cleanly (WAL checkpoint) before the process ends.
    event.preventDefault();
    const closing = core;
    core = null;
    closeCoreFully(closing)
      .catch((error: unknown) => log.error('Closing the database failed', error))
      .finally(() => {
        appLock?.release();
        appLock = null;
        app.quit();
      });
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('Startup failed', error);
      dialog.showErrorBox('Zaplecze', `Zaplecze could not start. Details: ${paths.logFile}`);
      app.exit(1);
    });
}
