import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { mainWindowOptions, printWindowOptions, windowOptionsProblems } from './window-options';

/**
 * The only module that creates windows. Each window's options come from window-options.ts and are
 * checked once more here: a window with insecure options is never created, whatever changed upstream.
 */
function create(options: BrowserWindowConstructorOptions): BrowserWindow {
  const problems = windowOptionsProblems(options);
  if (problems.length > 0) throw new Error(`Refusing to open an insecure window: ${problems.join('; ')}`);
  return new BrowserWindow(options);
}

export function createMainWindow(preloadPath: string, devTools: boolean): BrowserWindow {
  const window = create(mainWindowOptions(preloadPath, devTools));
  window.once('ready-to-show', () => window.show());
  return window;
}

export function createPrintWindow(partition: string): BrowserWindow {
  return create(printWindowOptions(partition));
}
