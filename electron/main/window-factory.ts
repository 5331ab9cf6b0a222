import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';
import { windowOptionsProblems } from './window-security';

/**
 * The only module that creates windows. The security-relevant preferences are literal values written
 * right here, at the one `new BrowserWindow` call (openWindow), so a reader and the static scan
 * (electronegativity reads this file) see them at a glance; `devTools` is the only switch (on while
 * developing, off when packaged). Each window is checked once more against windowOptionsProblems before it is created.
 */

function secure(options: BrowserWindowConstructorOptions): BrowserWindowConstructorOptions {
  const problems = windowOptionsProblems(options);
  if (problems.length > 0) throw new Error(`Refusing to open an insecure window: ${problems.join('; ')}`);
  return options;
}

/** What a window may choose for itself: size and frame, and the few preferences that differ per window. */
type WindowChoices = Omit<BrowserWindowConstructorOptions, 'webPreferences'>;
type PreferenceChoices = Pick<WebPreferences, 'preload' | 'partition' | 'javascript' | 'safeDialogs' | 'devTools'>;

/**
 * Every window of the app is built here, with one set of hardened preferences. They come after the
 * window's own choices, so no caller can loosen them.
 */
function openWindow(options: WindowChoices, preferences: PreferenceChoices): BrowserWindow {
  return new BrowserWindow(
    secure({
      ...options,
      webPreferences: {
        ...preferences,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        // Middle-click would otherwise ask for a new window (refused anyway by setWindowOpenHandler).
        disableBlinkFeatures: 'Auxclick',
        navigateOnDragDrop: false,
        spellcheck: false,
      },
    }),
  );
}

/** The app window. `preload` is out/preload/index.js. */
export function createMainWindow(preload: string, devTools: boolean): BrowserWindow {
  const window = openWindow(
    {
      title: 'Zaplecze',
      width: 1280,
      height: 820,
      minWidth: 960,
      minHeight: 600,
      show: false, // shown on 'ready-to-show', so the user never sees a blank white frame
      autoHideMenuBar: true,
    },
    { preload, safeDialogs: true, devTools },
  );
  window.once('ready-to-show', () => window.show());
  return window;
}

/**
 * The hidden window that renders print documents (packing slips, labels, reports) to PDF or the system
 * print dialog. Print documents are static HTML: JavaScript is off, there is no preload (it could not
 * call IPC even if it tried), and it runs in its own session partition whose requests index.ts limits to
 * the print folder.
 */
export function createPrintWindow(partition: string): BrowserWindow {
  return openWindow({ show: false, width: 800, height: 1100 }, { partition, javascript: false, devTools: false });
}
