import { readFile, realpath } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { APP_CSP } from './csp';

/**
 * The `app://zaplecze/` protocol: maps a URL path to a file inside the built renderer folder
 * (out/renderer) and refuses everything else. The resolver is a pure function, table-tested with
 * traversal attempts (test/security/app-protocol.test.ts); the handler adds the CSP header.
 */

export type AssetResolution = { ok: true; file: string; mime: string } | { ok: false; status: 400 | 403 | 404; reason: string };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

const deny = (status: 400 | 403 | 404, reason: string): AssetResolution => ({ ok: false, status, reason });

/**
 * Resolves `app://zaplecze/<path>` to a file under `rootDir`.
 *
 * The raw path is checked segment by segment BEFORE anything normalises it: WHATWG URL parsing would
 * quietly turn `/a/%2e%2e/b` into `/b`, and Chromium's canonicaliser has its own rules, so the resolver
 * refuses rather than repairs. Refused: other schemes and hosts, ports, credentials, `.` / `..` segments
 * (plain or percent-encoded), encoded slashes or backslashes, backslashes, NUL, `:` (Windows drive
 * letters and alternate data streams), empty segments (`//etc/passwd`), malformed escapes.
 * Query strings and fragments are ignored. `/` means index.html.
 */
export function resolveAppAsset(rawUrl: string, rootDir: string): AssetResolution {
  const prefix = `${APP_SCHEME}://${APP_HOST}`;
  if (typeof rawUrl !== 'string' || !rawUrl.toLowerCase().startsWith(prefix)) return deny(403, 'not the app origin');
  let rest = rawUrl.slice(prefix.length);
  // What follows the host must be the path (or nothing): `app://zaplecze.evil/`, `app://zaplecze:99/`,
  // `app://zaplecze@evil/` all fail here.
  if (rest !== '' && !/^[/?#]/.test(rest)) return deny(403, 'not the app origin');
  rest = rest.replace(/[?#].*$/s, '');
  if (rest === '' || rest === '/') rest = '/index.html';
  if (rest.includes('\\') || hasControlCharacter(rest)) return deny(400, 'backslash or control character in the path');

  const segments = rest.slice(1).split('/');
  const decoded: string[] = [];
  for (const segment of segments) {
    let value: string;
    try {
      value = decodeURIComponent(segment);
    } catch {
      return deny(400, 'malformed percent-encoding');
    }
    if (value === '') return deny(400, 'empty path segment');
    if (value === '.' || value === '..') return deny(403, 'dot segment');
    if (/[/\\:]/.test(value)) return deny(403, 'encoded separator or colon in a path segment');
    if (hasControlCharacter(value)) return deny(400, 'control character in the path');
    decoded.push(value);
  }

  const root = resolve(rootDir);
  const file = resolve(join(root, ...decoded));
  // Belt and braces: whatever the checks above missed, the result must still be inside the root.
  if (!file.startsWith(root + sep)) return deny(403, 'outside the app folder');
  const mime = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
  return { ok: true, file, mime };
}

/** Headers sent with every app page and asset. */
export function appResponseHeaders(mime: string): Record<string, string> {
  return {
    'Content-Type': mime,
    'Content-Security-Policy': APP_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

/**
 * The handler for `protocol.handle('app', …)`. Plain `Request` → `Response`, so it is tested in Node.
 * A symlink inside the folder that points outside it is refused too (realpath check).
 */
export function createAppProtocolHandler(rootDir: string, log?: (message: string) => void): (request: Request) => Promise<Response> {
  const rootReal = realpath(resolve(rootDir)).catch(() => resolve(rootDir));
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const resolution = resolveAppAsset(request.url, rootDir);
    if (!resolution.ok) {
      log?.(`app:// refused ${request.url.slice(0, 200)}: ${resolution.reason}`);
      return new Response(null, { status: resolution.status });
    }
    try {
      // Inside an asar archive realpath may be unsupported: the lexical check above already holds there.
      const [real, root] = await Promise.all([realpath(resolution.file).catch(() => resolution.file), rootReal]);
      if (!real.startsWith(root + sep)) {
        log?.(`app:// refused ${request.url.slice(0, 200)}: resolves outside the app folder`);
        return new Response(null, { status: 403 });
      }
      const body = await readFile(real);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: appResponseHeaders(resolution.mime) });
    } catch {
      return new Response(null, { status: 404 });
    }
  };
}
