/**
 * The Content-Security-Policy of the app's pages, sent as a header by the app:// protocol handler.
 * It is the same policy as the <meta> in renderer/index.html (a security test keeps the two equal):
 * the header protects even a page whose <meta> was lost, the meta protects the browser-harness build.
 * - only the app's own scripts: no inline scripts, no eval;
 * - style-src allows inline styles because MUI (emotion) injects <style> elements at run time;
 * - no plugins, no <base>, no forms posting anywhere, no frames.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');
