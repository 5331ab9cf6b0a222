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
import { type Core, createCore } from '../core/create-core';
import { dispatch } from '../core/dispatch';
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
import { showStartupError } from './startup-dialog';
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
let printRoot: string | null = null;

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

/** Opens the database; on a startup problem asks the user (never overwriting anything). */
async function openCore(): Promise<Core | null> {
  const nativeBinding = resolveNativeBinding({ env: process.env, isPackaged: app.isPackaged, resourcesPath: process.resourcesPath });
  log.info(`Starting Zaplecze ${app.getVersion()} (Electron ${process.versions.electron}); database ${paths.dbFile}; native binding ${nativeBinding ?? '(default)'}`);
  for (;;) {
    try {
      return await createCore({ dbFile: paths.dbFile, backupDir: paths.backupDir, logger: log, ...(nativeBinding ? { nativeBinding } : {}) });
    } catch (error) {
      // TODO(backup): pass `restore` once electron/core/backup/ offers a restore service.
      const choice = await showStartupError(error, { dbFile: paths.dbFile, backupDir: paths.backupDir, logFile: paths.logFile }, log);
      if (choice === 'quit') return null;
    }
  }
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
  const opened = await openCore();
  if (!opened) {
    app.quit();
    return;
  }
  core = opened;
  const root = printRoot;
  const dialogDeps = { dialog, window: () => mainWindow, defaultFolder: () => app.getPath('documents') };
  core.ports = {
    printer: createElectronPrinter({ createPrintWindow: () => createPrintWindow(PRINT_PARTITION), printRoot: root }),
    saveTarget: createSaveTarget(dialogDeps),
    openSource: createOpenSource(dialogDeps),
  };
  const ready = core;
  registerIpcHandlers({
    ipcMain,
    channels: CHANNELS,
    dispatch: (channel, input, windowSession) => dispatch(ready, channel, input, windowSession),
    trustedWebContentsIds: windows.trustedIds,
    sessionFor: (id) => windows.sessionFor(id),
    log,
  });
  forwardCoreEvents(ready.events, () => (mainWindow && !mainWindow.isDestroyed() ? [mainWindow.webContents] : []));
  openMainWindow();
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
    closing
      .close()
      .catch((error: unknown) => log.error('Closing the database failed', error))
      .finally(() => app.quit());
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
