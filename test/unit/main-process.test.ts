import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../electron/core/errors';
import { CoreEvents } from '../../electron/core/events';
import { defaultDataDir } from '../../electron/core/paths';
import { desktopDataDir, desktopPaths, PACKAGED_NATIVE_BINDING, resolveNativeBinding } from '../../electron/main/desktop-paths';
import { forwardCoreEvents } from '../../electron/main/event-bridge';
import { safeFileName } from '../../electron/main/file-dialogs';
import { createFileLogger } from '../../electron/main/file-logger';
import { isPrintRequestAllowed, pdfOptions, printOptions } from '../../electron/main/print-options';
import { classifyStartupError, dialogLanguage, startupDialog } from '../../electron/main/startup-error';
import { WindowSessions } from '../../electron/main/window-sessions';
import { nativePaths } from '../../scripts/electron-native.mjs';

describe('the data folder', () => {
  // Electron's appData per platform (https://www.electronjs.org/docs/latest/api/app#appgetpathname).
  const cases: Array<[NodeJS.Platform, NodeJS.ProcessEnv, string]> = [
    ['linux', {}, join(homedir(), '.config')],
    ['linux', { XDG_CONFIG_HOME: '/data/cfg' }, '/data/cfg'],
    ['win32', { APPDATA: 'C:\\Users\\Ala\\AppData\\Roaming' }, 'C:\\Users\\Ala\\AppData\\Roaming'],
    ['darwin', {}, join(homedir(), 'Library', 'Application Support')],
  ];
  for (const [platform, env, appData] of cases) {
    it(`is the same for the app and the command line on ${platform}${Object.keys(env).length ? ` with ${Object.keys(env).join(', ')}` : ''}`, () => {
      expect(desktopDataDir(appData, env)).toBe(defaultDataDir(env, platform));
    });
  }

  it('follows ZAPLECZE_DATA_DIR like the command line does', () => {
    const env = { ZAPLECZE_DATA_DIR: '/tmp/zaplecze-e2e' };
    expect(desktopDataDir('/home/x/.config', env)).toBe(defaultDataDir(env, 'linux'));
  });

  it('holds the database, the log and the backups', () => {
    expect(desktopPaths('/d')).toEqual({ dbFile: join('/d', 'zaplecze.db'), logFile: join('/d', 'logs', 'main.log'), backupDir: join('/d', 'backups') });
  });
});

describe('which better-sqlite3 addon the app loads', () => {
  it('the one npm start built (ZAPLECZE_NATIVE_BINDING)', () => {
    expect(resolveNativeBinding({ env: { ZAPLECZE_NATIVE_BINDING: '/r/.electron-native/x.node' }, isPackaged: false, resourcesPath: '/res' })).toBe('/r/.electron-native/x.node');
  });
  it('the packaged extra resource — and in the packaged app never one named by the environment', () => {
    expect(resolveNativeBinding({ env: {}, isPackaged: true, resourcesPath: '/res', exists: () => true })).toBe(join('/res', PACKAGED_NATIVE_BINDING));
    expect(resolveNativeBinding({ env: { ZAPLECZE_NATIVE_BINDING: '/tmp/evil.node' }, isPackaged: true, resourcesPath: '/res', exists: () => true })).toBe(
      join('/res', PACKAGED_NATIVE_BINDING),
    );
  });
  it('the .electron-native build for the running Electron, in development (npm start made it earlier)', () => {
    const context = { env: {}, isPackaged: false, resourcesPath: '/res', appPath: '/repo', electronVersion: '45.4.1', platform: 'linux' as const, arch: 'x64' };
    const expected = join('/repo', '.electron-native', '45.4.1', 'linux-x64', 'better_sqlite3.node');
    expect(resolveNativeBinding({ ...context, exists: (file) => file === expected })).toBe(expected);
    expect(resolveNativeBinding({ ...context, exists: () => false })).toBeUndefined();
    // The same place scripts/electron-native.mjs builds it.
    expect(nativePaths({ root: '/repo', electronVersion: '45.4.1', platform: 'linux', arch: 'x64' }).binding).toBe(expected);
  });

  it("better-sqlite3's own lookup otherwise", () => {
    expect(resolveNativeBinding({ env: {}, isPackaged: true, resourcesPath: '/res', exists: () => false })).toBeUndefined();
    expect(resolveNativeBinding({ env: {}, isPackaged: false, resourcesPath: '/res' })).toBeUndefined();
  });
});

describe('startup problems', () => {
  it('classifies a database from a newer version and a damaged file', () => {
    expect(classifyStartupError(new DomainError('database_from_future', 'newer'))).toBe('database_from_future');
    expect(classifyStartupError(new DomainError('database_corrupt', 'The file is not a readable Zaplecze database'))).toBe('database_corrupt');
  });

  it('tells an addon for the wrong runtime from a damaged database (the core reports both as database_corrupt)', () => {
    const abi = new DomainError(
      'database_corrupt',
      "Cannot open the database file /x/zaplecze.db: The module 'better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 150.",
    );
    expect(classifyStartupError(abi)).toBe('native_module');
    expect(classifyStartupError(new Error('boom'))).toBe('unexpected');
  });

  it('speaks Polish unless the system prefers another language', () => {
    expect(dialogLanguage(['pl-PL'])).toBe('pl');
    expect(dialogLanguage([])).toBe('pl');
    expect(dialogLanguage(['en-GB', 'pl-PL'])).toBe('en');
  });

  it('offers, for a damaged database, restore (when backups exist), the backups folder and quit — never "overwrite"', () => {
    const pl = startupDialog('database_corrupt', 'pl', { dbFile: '/d/zaplecze.db', canRestore: true });
    expect(pl.buttons.map((b) => b.action)).toEqual(['restore', 'open-backups', 'quit']);
    expect(pl.buttons.map((b) => b.label)).toEqual(['Przywróć z kopii zapasowej…', 'Otwórz folder kopii zapasowych', 'Zamknij']);
    expect(pl.detail).toContain('Niczego nie nadpisano');
    expect(pl.detail).toContain('/d/zaplecze.db');
    expect(startupDialog('database_corrupt', 'en', { dbFile: '/d/zaplecze.db', canRestore: false }).buttons.map((b) => b.action)).toEqual(['open-backups', 'quit']);
  });

  it('explains a database from a newer version: install the newer app first, else restore an older backup', () => {
    const dialog = startupDialog('database_from_future', 'pl', { dbFile: '/d/zaplecze.db', canRestore: true });
    expect(dialog.message).toMatch(/nowszą wersję/);
    expect(dialog.detail).toMatch(/zainstaluj najnowszą wersję/);
    expect(dialog.detail).toContain('obecny plik bazy zostanie zachowany');
    expect(dialog.buttons.map((b) => b.action)).toEqual(['restore', 'open-backups', 'quit']);
    // No backups: nothing to restore from, the folder and quitting remain.
    expect(startupDialog('database_from_future', 'en', { dbFile: '/d/zaplecze.db', canRestore: false }).buttons.map((b) => b.action)).toEqual(['open-backups', 'quit']);
  });

  it('has the same buttons in both languages for every problem', () => {
    for (const problem of ['database_from_future', 'database_corrupt', 'native_module', 'unexpected'] as const) {
      const pl = startupDialog(problem, 'pl', { dbFile: 'f', canRestore: true });
      const en = startupDialog(problem, 'en', { dbFile: 'f', canRestore: true });
      expect(pl.buttons.map((b) => b.action)).toEqual(en.buttons.map((b) => b.action));
      expect(pl.buttons.at(-1)?.action).toBe('quit'); // Escape quits
    }
  });
});

describe('printing', () => {
  it('A4 for sheets, the label size in inches for PDFs and microns for the print dialog, no margins', () => {
    expect(pdfOptions({ format: 'A4' })).toMatchObject({ pageSize: 'A4', printBackground: true, margins: { top: 0, left: 0 } });
    const label = pdfOptions({ format: 'label', widthMm: 101.6, heightMm: 152.4 }).pageSize as { width: number; height: number };
    expect(label.width).toBeCloseTo(4, 9);
    expect(label.height).toBeCloseTo(6, 9);
    expect(printOptions({ format: 'label', widthMm: 100, heightMm: 150 })).toMatchObject({ silent: false, pageSize: { width: 100_000, height: 150_000 }, margins: { marginType: 'none' } });
  });

  it('refuses a label without a sensible size', () => {
    expect(() => pdfOptions({ format: 'label' })).toThrow(/width and height/);
    expect(() => pdfOptions({ format: 'label', widthMm: 0, heightMm: 150 })).toThrow();
    expect(() => printOptions({ format: 'label', widthMm: 5000, heightMm: 150 })).toThrow();
  });

  it('lets the print window load only its own document and data: URLs', () => {
    const root = join(tmpdir(), 'zaplecze-print-abc');
    expect(isPrintRequestAllowed(pathToFileURL(join(root, 'job1', 'document.html')).href, root)).toBe(true);
    expect(isPrintRequestAllowed('data:font/woff2;base64,AAAA', root)).toBe(true);
    expect(isPrintRequestAllowed('https://allegro.pl/logo.png', root)).toBe(false);
    expect(isPrintRequestAllowed(pathToFileURL('/etc/passwd').href, root)).toBe(false);
    expect(isPrintRequestAllowed(`${pathToFileURL(root).href}-other/x.html`, root)).toBe(false);
  });
});

describe('save dialog names', () => {
  const cases: Array<[string, 'pdf' | 'csv', string]> = [
    ['etykiety-2026-11-23.pdf', 'pdf', 'etykiety-2026-11-23.pdf'],
    ['raport', 'csv', 'raport.csv'],
    ['../../.bashrc', 'csv', 'bashrc.csv'],
    ['C:\\Windows\\system32\\x.pdf', 'pdf', 'x.pdf'],
    ['zamówienie: 12/34?.pdf', 'pdf', '34_.pdf'],
    ['', 'pdf', 'zaplecze.pdf'],
  ];
  for (const [suggested, kind, expected] of cases) it(`${JSON.stringify(suggested)} → ${expected}`, () => expect(safeFileName(suggested, kind)).toBe(expected));
});

describe('the main log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zaplecze-log-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes timestamped lines with the stack of unexpected errors to logs/main.log', () => {
    const file = join(dir, 'logs', 'main.log');
    const log = createFileLogger(file, () => new Date('2026-11-23T10:00:00.000Z'));
    log.info('Starting');
    log.error('Unexpected error in shop.stats', new Error('disk full'));
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^2026-11-23T10:00:00.000Z INFO Starting\n/);
    expect(text).toMatch(/ERROR Unexpected error in shop.stats\nError: disk full\n\s+at /);
  });
});

describe('core events reach the windows', () => {
  it('as event:<name>, skipping destroyed windows, until stopped', () => {
    const events = new CoreEvents();
    const sent: Array<[string, unknown]> = [];
    const alive = { isDestroyed: () => false, send: (channel: string, payload: unknown) => sent.push([channel, payload]) };
    const gone = { isDestroyed: () => true, send: () => sent.push(['gone', null]) };
    const stop = forwardCoreEvents(events, () => [alive, gone]);
    events.emit('data.changed', { areas: ['stock'] } as never);
    stop();
    events.emit('data.changed', { areas: ['orders'] } as never);
    expect(sent).toEqual([['event:data.changed', { areas: ['stock'] }]]);
  });
});

describe('window sessions', () => {
  it('one per window, trusted while open, signed out after a restore', () => {
    const windows = new WindowSessions();
    const session = windows.add(3);
    session.role = 'owner';
    expect(windows.trustedIds.has(3)).toBe(true);
    expect(windows.sessionFor(3)).toBe(session);
    expect(windows.sessionFor(4)).toBeNull();
    windows.resetSessions();
    expect(session.role).toBeNull();
    windows.remove(3);
    expect(windows.trustedIds.has(3)).toBe(false);
  });
});
