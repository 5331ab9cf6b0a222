/**
 * The app's own origin. The renderer is served from `app://zaplecze/` (see app-protocol.ts) rather than
 * `file://`, so that it has a real origin of its own: navigation, IPC and CSP decisions can then compare
 * against one exact origin instead of "any local file".
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'zaplecze';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges for `protocol.registerSchemesAsPrivileged`: `standard` gives the scheme real origins and
 * relative URL resolution, `secure` makes it a secure context, `supportFetchAPI` lets module scripts
 * load. Deliberately NOT `bypassCSP` (the CSP must apply) and not `allowServiceWorkers`.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: false,
  bypassCSP: false,
  allowServiceWorkers: false,
  stream: false,
} as const;

/** Parses a URL, or null when it is not one. */
export function parseUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 8192) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * True only for `app://zaplecze/...` exactly: no other host, no port, no user name or password
 * (`app://evil@zaplecze/` would otherwise read as ours to a careless prefix check).
 * WHATWG URL gives non-special schemes an opaque `origin` ("null"), so the parts are compared one by one.
 */
export function isAppUrl(raw: unknown): boolean {
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname.toLowerCase() === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}
