import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * The options of every window Zaplecze opens, as plain objects so a unit test can inspect them without
 * the Electron binary. window-factory.ts is the only place that turns them into windows.
 *
 * The security-relevant preferences are literal values, never computed, so a reader (and the static scan)
 * sees them at a glance. `devTools` is the only switch: on while developing, off in the packaged app.
 */
export function mainWindowOptions(preloadPath: string, devTools: boolean): BrowserWindowConstructorOptions {
  return {
    title: 'Zaplecze',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false, // shown on 'ready-to-show', so the user never sees a blank white frame
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools,
    },
  };
}

/**
 * The hidden window that renders print documents (packing slips, labels, reports) to PDF or the
 * system print dialog. Print documents are static HTML: JavaScript is off, there is no preload (so it
 * cannot call IPC even if it tried), and it runs in its own session partition whose network access
 * the printer module cuts to the one document it loads.
 */
export function printWindowOptions(partition: string): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 800,
    height: 1100,
    webPreferences: {
      partition,
      javascript: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    },
  };
}

/** What must hold for every window; the factory refuses to create a window that breaks any of it. */
const REQUIRED: Array<[keyof WebPreferences, unknown, string]> = [
  ['contextIsolation', true, 'contextIsolation must be true (the page must not share JavaScript objects with the preload)'],
  ['sandbox', true, 'sandbox must be true (the renderer must run in the OS sandbox)'],
  ['nodeIntegration', false, 'nodeIntegration must be false (no Node.js in the page)'],
  ['nodeIntegrationInWorker', false, 'nodeIntegrationInWorker must be false (no Node.js in web workers)'],
  ['nodeIntegrationInSubFrames', false, 'nodeIntegrationInSubFrames must be false'],
  ['webSecurity', true, 'webSecurity must be true (same-origin policy on)'],
  ['allowRunningInsecureContent', false, 'allowRunningInsecureContent must be false'],
  ['webviewTag', false, 'webviewTag must be false (no <webview>)'],
  ['experimentalFeatures', false, 'experimentalFeatures must be false'],
];

/**
 * The problems of a window's options, in plain words; an empty list means secure. Every key must be
 * present with its secure value — relying on Electron's defaults is not enough, because defaults have
 * changed between versions.
 */
export function windowOptionsProblems(options: BrowserWindowConstructorOptions): string[] {
  const prefs = options.webPreferences;
  if (!prefs) return ['webPreferences are missing'];
  const problems: string[] = [];
  for (const [key, expected, message] of REQUIRED) {
    if (prefs[key] !== expected) problems.push(message);
  }
  if (prefs.enableBlinkFeatures) problems.push('enableBlinkFeatures must not be set');
  if (prefs.additionalArguments?.length) problems.push('additionalArguments must not be set');
  if (prefs.preload !== undefined && !/[\\/]preload[\\/]index\.js$/.test(prefs.preload)) {
    problems.push(`preload must be the app's own out/preload/index.js, not ${prefs.preload}`);
  }
  return problems;
}
