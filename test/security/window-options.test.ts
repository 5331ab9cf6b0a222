import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { windowOptionsProblems } from '../../electron/main/window-security';

/** What `new BrowserWindow(...)` received: the factory's real options, captured without the Electron binary. */
const created: BrowserWindowConstructorOptions[] = [];

vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: BrowserWindowConstructorOptions) {
      created.push(options);
    }
    once() {}
  },
}));

const { createMainWindow, createPrintWindow } = await import('../../electron/main/window-factory');

beforeEach(() => {
  created.length = 0;
});

describe('window options: the one window factory', () => {
  // The rule itself (every hardened key present with its secure value) lives once, in window-security.ts,
  // and is shown failing below; here it is applied to what the factory really passed to BrowserWindow.
  it('creates the app window with isolation, sandbox, no Node, no webview and the app preload', () => {
    createMainWindow('/app/out/preload/index.js', false);
    const options = created[0]!;
    expect(windowOptionsProblems(options)).toEqual([]);
    expect(options.webPreferences?.preload).toBe('/app/out/preload/index.js');
    expect(options.webPreferences?.devTools).toBe(false);
    expect(options.webPreferences?.enableBlinkFeatures).toBeUndefined();
  });

  it('turns the developer tools on only when asked (while developing)', () => {
    createMainWindow('/app/out/preload/index.js', true);
    expect(created[0]?.webPreferences?.devTools).toBe(true);
    expect(windowOptionsProblems(created[0]!)).toEqual([]);
  });

  it('creates the print window sandboxed, without JavaScript and without a preload', () => {
    createPrintWindow('zaplecze-print');
    const options = created[0]!;
    expect(windowOptionsProblems(options)).toEqual([]);
    expect(options.webPreferences).toMatchObject({ javascript: false, partition: 'zaplecze-print', devTools: false });
    expect(options.webPreferences?.preload).toBeUndefined();
  });

  it('hardens the print window exactly as the app window, apart from its own choices', () => {
    createMainWindow('/app/out/preload/index.js', false);
    createPrintWindow('zaplecze-print');
    const { preload: _preload, safeDialogs: _safeDialogs, ...main } = created[0]!.webPreferences!;
    const { partition: _partition, javascript: _javascript, ...print } = created[1]!.webPreferences!;
    expect(print).toEqual(main);
  });

  it('is the only module in electron/ that constructs a BrowserWindow (or a BrowserView / WebContentsView)', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && /new\s+(BrowserWindow|BrowserView|WebContentsView)\s*\(/.test(readFileSync(path, 'utf8'))) offenders.push(path);
      }
    };
    walk('electron');
    expect(offenders.map((p) => p.replace(/\\/g, '/'))).toEqual(['electron/main/window-factory.ts']);
  });
});

describe('windowOptionsProblems can fail (deliberately insecure options)', () => {
  const secure = (): BrowserWindowConstructorOptions => {
    createMainWindow('/app/out/preload/index.js', true);
    return structuredClone(created.at(-1)!);
  };
  const cases: Array<[string, (o: BrowserWindowConstructorOptions) => void, RegExp]> = [
    ['sandbox: false', (o) => (o.webPreferences!.sandbox = false), /sandbox/],
    ['contextIsolation: false', (o) => (o.webPreferences!.contextIsolation = false), /contextIsolation/],
    ['nodeIntegration: true', (o) => (o.webPreferences!.nodeIntegration = true), /nodeIntegration must be false/],
    ['nodeIntegrationInWorker: true', (o) => (o.webPreferences!.nodeIntegrationInWorker = true), /nodeIntegrationInWorker/],
    ['webviewTag: true', (o) => (o.webPreferences!.webviewTag = true), /webview/],
    ['webSecurity: false', (o) => (o.webPreferences!.webSecurity = false), /webSecurity/],
    ['allowRunningInsecureContent: true', (o) => (o.webPreferences!.allowRunningInsecureContent = true), /allowRunningInsecureContent/],
    ['experimentalFeatures: true', (o) => (o.webPreferences!.experimentalFeatures = true), /experimentalFeatures/],
    ['sandbox left to the default', (o) => delete o.webPreferences!.sandbox, /sandbox/],
    ['a foreign preload script', (o) => (o.webPreferences!.preload = '/tmp/evil.js'), /preload/],
    ['enableBlinkFeatures set', (o) => (o.webPreferences!.enableBlinkFeatures = 'CSSPseudoHas'), /enableBlinkFeatures/],
    ['no webPreferences at all', (o) => delete o.webPreferences, /webPreferences are missing/],
  ];
  for (const [what, spoil, expected] of cases) {
    it(`reports ${what}`, () => {
      const options = secure();
      spoil(options);
      const problems = windowOptionsProblems(options);
      expect(problems.join('\n')).toMatch(expected);
    });
  }

  it('and the factory refuses to build such a window (checked at run time, not only in tests)', async () => {
    const security = await import('../../electron/main/window-security');
    const spy = vi.spyOn(security, 'windowOptionsProblems').mockReturnValue(['sandbox must be true']);
    try {
      expect(() => createMainWindow('/app/out/preload/index.js', false)).toThrow(/insecure window: sandbox must be true/);
    } finally {
      spy.mockRestore();
    }
  });
});
