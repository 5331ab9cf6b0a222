import { isAppUrl } from './app-origin';
import { navigationDecision, windowOpenDecision } from './navigation-policy';

/** The parts of Electron's WebContents the guards use (structural, so tests drive them with a fake). */
export interface GuardableContents {
  on(event: string, listener: (...args: any[]) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

interface PreventableEvent {
  url?: string;
  preventDefault(): void;
}

/**
 * Attached to EVERY webContents the app creates (from app 'web-contents-created'), so no window, print
 * window or unexpected frame escapes them:
 * - will-navigate / will-redirect: only the app's own pages; a safe web link goes to the system
 *   browser through `openExternal` (the one door, external-links.ts), anything else is refused;
 * - will-frame-navigate: frames may only show the app's own pages (the CSP forbids frames anyway);
 * - window.open / target=_blank: never a new app window; safe web links go to the system browser;
 * - <webview>: refused (webviewTag is off too; this catches it if that ever changed).
 */
export function attachGuards(
  contents: GuardableContents,
  openExternal: (url: string) => void,
  log: (message: string) => void,
): void {
  const onNavigate = (kind: string) => (event: PreventableEvent, legacyUrl?: string) => {
    const url = event.url ?? legacyUrl ?? '';
    const decision = navigationDecision(url);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-external' && kind === 'will-navigate') openExternal(url);
    else log(`${kind} refused: ${url.slice(0, 200)}`);
  };
  contents.on('will-navigate', onNavigate('will-navigate'));
  contents.on('will-redirect', onNavigate('will-redirect'));
  contents.on('will-frame-navigate', (event: PreventableEvent & { isMainFrame?: boolean }) => {
    if (event.isMainFrame) return; // the main frame is judged by will-navigate above
    const url = event.url ?? '';
    if (!isAppUrl(url)) {
      event.preventDefault();
      log(`frame navigation refused: ${url.slice(0, 200)}`);
    }
  });
  contents.on('will-attach-webview', (event: PreventableEvent) => {
    event.preventDefault();
    log('<webview> refused');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (windowOpenDecision(url) === 'open-external') openExternal(url);
    else log(`window.open refused: ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
}
