import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/contract/channels';
import { windowOptionsProblems } from '../../electron/main/window-security';
import { ensureBuilt } from './built-app';
import { createFakeElectron } from './support/fake-electron';

/**
 * The BUILT main process (out/main/index.js) started in plain Node with a fake `electron` module: the
 * lifecycle, protocol, guards and IPC loop run for real on the real core and SQLite file, so the wiring
 * between the tested pieces is tested too. What only the Electron binary can show (a real window,
 * real sandboxing) is in the opt-in suite, test/electron/.
 */
const MAIN = resolve('out/main/index.js');
const originalLoad = (Module as any)._load;
const tmp = mkdtempSync(join(tmpdir(), 'zaplecze-main-'));

beforeAll(() => ensureBuilt());
afterEach(() => {
  (Module as any)._load = originalLoad;
  delete createRequire(import.meta.url).cache[MAIN];
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Loads the main bundle against a fake electron; returns the fake to drive and inspect. */
function startMain(appData: string, answers: Parameters<typeof createFakeElectron>[1] = {}) {
  const fake = createFakeElectron(appData, answers);
  (Module as any)._load = function (request: string, ...rest: unknown[]) {
    if (request === 'electron') return fake.electron;
    return originalLoad.call(this, request, ...rest);
  };
  const saved = { data: process.env.ZAPLECZE_DATA_DIR, binding: process.env.ZAPLECZE_NATIVE_BINDING };
  delete process.env.ZAPLECZE_DATA_DIR;
  delete process.env.ZAPLECZE_NATIVE_BINDING;
  try {
    createRequire(import.meta.url)(MAIN);
  } finally {
    if (saved.data !== undefined) process.env.ZAPLECZE_DATA_DIR = saved.data;
    if (saved.binding !== undefined) process.env.ZAPLECZE_NATIVE_BINDING = saved.binding;
  }
  return fake;
}

async function until(condition: () => boolean, what: string, timeout = 45_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the built main process, on a fake electron', () => {
  const appData = join(tmp, 'first-start');
  let fake: ReturnType<typeof createFakeElectron>;
  const dataDir = join(appData, 'Zaplecze');

  beforeAll(async () => {
    mkdirSync(appData, { recursive: true });
    fake = startMain(appData);
    // Before 'ready': only what Electron accepts that early.
    expect(fake.calls).toEqual(['app.setPath:userData', 'app.enableSandbox', 'protocol.registerSchemesAsPrivileged', 'app.requestSingleInstanceLock']);
    fake.ready();
    await until(() => fake.windows.length > 0, 'the main window');
  });

  it('registers app:// as a secure standard scheme that does not bypass the CSP', () => {
    expect(fake.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false, allowServiceWorkers: false }) },
    ]);
  });

  it('creates the database and the log in <appData>/Zaplecze on first start', () => {
    expect(existsSync(join(dataDir, 'zaplecze.db'))).toBe(true);
    expect(readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8')).toMatch(/Starting Zaplecze/);
  });

  it('opens one window with secure options and loads app://zaplecze/index.html', () => {
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0]!;
    expect(windowOptionsProblems(window.options)).toEqual([]);
    expect(window.options.webPreferences.preload).toBe(resolve('out/preload/index.js'));
    expect(window.loadedUrl).toBe('app://zaplecze/index.html');
  });

  it('serves the built renderer through app:// with the CSP header, and refuses traversal', async () => {
    const handler = fake.protocolHandlers.get('app')!;
    const index = await handler(new Request('app://zaplecze/index.html'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await index.text()).toBe(readFileSync('out/renderer/index.html', 'utf8'));
    const escape = await handler({ method: 'GET', url: 'app://zaplecze/%2e%2e/main/index.js' } as Request);
    expect(escape.status).toBe(403);
  });

  it('denies permissions and cancels web requests in the app session', () => {
    const session = fake.defaultSession;
    let granted: boolean | null = null;
    session.permissionRequest!({ getURL: () => 'app://zaplecze/index.html' }, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(session.permissionCheck!(null, 'clipboard-read', 'app://zaplecze')).toBe(false);
    const decisions: boolean[] = [];
    for (const url of ['app://zaplecze/assets/x.js', 'https://evil.example/beacon', 'file:///etc/passwd']) {
      session.beforeRequest!({ url }, ({ cancel }) => decisions.push(cancel));
    }
    expect(decisions).toEqual([false, true, true]);
  });

  it('the print session may load only its own folder', () => {
    const print = fake.partitions.get('zaplecze-print')!;
    const decisions: boolean[] = [];
    for (const url of ['https://allegro.pl/logo.png', 'file:///etc/passwd', 'data:font/woff2;base64,AA']) {
      print.beforeRequest!({ url }, ({ cancel }) => decisions.push(cancel));
    }
    expect(decisions).toEqual([true, true, false]);
  });

  it('registers every contract channel once, answers our window through the real core, refuses others', async () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const window = fake.windows[0]!;
    const ours = { sender: { id: window.webContents.id, mainFrame: window.webContents.mainFrame }, senderFrame: window.webContents.mainFrame };
    const info = (await fake.ipcHandlers.get('app.info')!(ours, {})) as any;
    expect(info).toMatchObject({ ok: true, data: { databaseFile: join(dataDir, 'zaplecze.db'), isEmpty: true } });

    const foreignFrame = { url: 'https://evil.example/', parent: null };
    const foreign = { sender: { id: window.webContents.id, mainFrame: foreignFrame }, senderFrame: foreignFrame };
    expect(await fake.ipcHandlers.get('app.info')!(foreign, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const otherContents = { sender: { id: 999, mainFrame: window.webContents.mainFrame }, senderFrame: window.webContents.mainFrame };
    expect(await fake.ipcHandlers.get('shop.stats')!(otherContents, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('keeps one session per window: choosing a profile sticks to that window', async () => {
    const window = fake.windows[0]!;
    const ours = { sender: { id: window.webContents.id, mainFrame: window.webContents.mainFrame }, senderFrame: window.webContents.mainFrame };
    expect(await fake.ipcHandlers.get('shop.stats')!(ours, {})).toMatchObject({ ok: false, error: { code: 'no_profile' } });
    expect(await fake.ipcHandlers.get('session.choose')!(ours, { role: 'helper' })).toMatchObject({ ok: true });
    expect(await fake.ipcHandlers.get('session.get')!(ours, {})).toMatchObject({ ok: true, data: { role: 'helper' } });
    expect(await fake.ipcHandlers.get('settings.update')!(ours, { shopName: 'X' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await fake.ipcHandlers.get('session.choose')!(ours, 42)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('attaches the navigation guards to every webContents', () => {
    const listeners = new Map<string, (...args: any[]) => void>();
    let openHandler: ((d: { url: string }) => unknown) | null = null;
    fake.appEvents.emit('web-contents-created', {}, { on: (e: string, l: any) => listeners.set(e, l), setWindowOpenHandler: (h: any) => (openHandler = h) });
    expect([...listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
    let prevented = false;
    listeners.get('will-navigate')!({ url: 'https://evil.example/', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(openHandler!({ url: 'https://allegro.pl/oferta/1' })).toEqual({ action: 'deny' });
    expect(fake.calls).toContain('shell.openExternal:https://allegro.pl/oferta/1');
  });

  it('a restore chosen in the app swaps the database under a fresh core and reloads the window signed out', async () => {
    const window = fake.windows[0]!;
    const ours = { sender: { id: window.webContents.id, mainFrame: window.webContents.mainFrame }, senderFrame: window.webContents.mainFrame };
    const call = (channel: string, input: unknown) => fake.ipcHandlers.get(channel)!(ours, input) as Promise<any>;
    expect(await call('session.choose', { role: 'owner' })).toMatchObject({ ok: true });
    expect(await call('settings.update', { shopName: 'Przed kopią' })).toMatchObject({ ok: true });
    const backup = await call('backup.create', {});
    expect(backup).toMatchObject({ ok: true });
    expect(await call('settings.update', { shopName: 'Po kopii' })).toMatchObject({ ok: true, data: { shopName: 'Po kopii' } });

    const restore = await call('backup.restore', { name: backup.data.name });
    expect(restore).toMatchObject({ ok: true, data: { when: 'now' } });
    await until(() => window.webContents.reloads === 1, 'the window reload after the swap');
    expect(fake.messageBoxes.at(-1)).toMatchObject({ type: 'info', title: 'Przywrócono kopię zapasową' });
    // Signed out (the restored database may have other PINs), and the data is the backup's.
    expect(await call('session.get', {})).toMatchObject({ ok: true, data: { role: null } });
    expect(await call('session.choose', { role: 'owner' })).toMatchObject({ ok: true });
    expect(await call('settings.get', {})).toMatchObject({ ok: true, data: { shopName: 'Przed kopią' } });
  });

  it('imports in the worker built beside main (out/main/import-worker.js): progress reaches the window, the shop gets the orders', async () => {
    const window = fake.windows[0]!;
    const ours = { sender: { id: window.webContents.id, mainFrame: window.webContents.mainFrame }, senderFrame: window.webContents.mainFrame };
    const call = (channel: string, input: unknown) => fake.ipcHandlers.get(channel)!(ours, input) as Promise<any>;
    expect(await call('session.choose', { role: 'owner' })).toMatchObject({ ok: true });
    const contentBase64 = readFileSync(resolve('test/fixtures/allegro/orders-export.csv')).toString('base64');
    const preview = await call('import.preview', { name: 'orders-export.csv', contentBase64, token: 'imp_bundle_test_000000' });
    expect(preview, JSON.stringify(preview.error)).toMatchObject({ ok: true, data: { format: 'allegro-orders-csv' } });
    const commit = await call('import.commit', { token: preview.data.token, validRowsOnly: true });
    expect(commit).toMatchObject({ ok: true, data: { run: { status: 'committed' } } });
    expect(commit.data.run.inserted).toBeGreaterThan(10);
    expect(readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8')).toContain(`Import worker started (${resolve('out/main/import-worker.js')})`);
    const sent = window.webContents.sent as Array<[string, any]>;
    expect(sent.some(([channel, payload]) => channel === 'event:import.progress' && payload.token === 'imp_bundle_test_000000' && payload.phase === 'writing')).toBe(true);
  });

  it('closes the database on quit', async () => {
    fake.electron.app.quit();
    await until(() => fake.calls.filter((c) => c === 'app.quit').length >= 2, 'the second quit after closing');
  });
});

describe('the built main process when the database cannot be opened', () => {
  it('shows a Polish dialog, overwrites nothing, opens no window and quits', async () => {
    const appData = join(tmp, 'corrupt');
    const dataDir = join(appData, 'Zaplecze');
    mkdirSync(dataDir, { recursive: true });
    const garbage = 'this is not a database, but it is the owner\'s file'.repeat(100);
    writeFileSync(join(dataDir, 'zaplecze.db'), garbage);
    const fake = startMain(appData);
    fake.ready();
    await until(() => fake.calls.includes('app.quit'), 'quit');
    expect(fake.messageBoxes).toHaveLength(1);
    const box = fake.messageBoxes[0];
    expect(box.title).toBe('Zaplecze nie może się uruchomić');
    expect(box.message).toMatch(/Nie udało się odczytać bazy danych/);
    expect(box.buttons).toEqual(['Otwórz folder kopii zapasowych', 'Zamknij']);
    expect(fake.windows).toHaveLength(0);
    expect(readFileSync(join(dataDir, 'zaplecze.db'), 'utf8')).toBe(garbage);
  });

  it('"open the backups folder" opens it and asks again', async () => {
    const appData = join(tmp, 'corrupt-2');
    const dataDir = join(appData, 'Zaplecze');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'zaplecze.db'), 'garbage'.repeat(200));
    let asked = 0;
    const fake = startMain(appData, { messageBox: (options) => (asked++ === 0 ? 0 : options.buttons.length - 1) });
    fake.ready();
    await until(() => fake.calls.includes('app.quit'), 'quit');
    expect(fake.calls).toContain(`shell.openPath:${join(dataDir, 'backups')}`);
    expect(fake.messageBoxes).toHaveLength(2);
  });
});
