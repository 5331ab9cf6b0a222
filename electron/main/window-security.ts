import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * The rule every window's options must satisfy, as a pure function: window-factory.ts checks each window
 * against it before creating it, and test/security/window-options.test.ts checks the factory's actual
 * options (and shows the check failing on `sandbox: false` and friends).
 */
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
