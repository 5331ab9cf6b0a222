import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.map': 'application/json; charset=utf-8',
};

export function contentType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` a URL path names, or null when it is outside the root or missing.
 * Decodes percent-escapes once and refuses `..` after decoding, backslashes and NUL bytes.
 */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const absoluteRoot = resolve(root);
  const candidate = resolve(absoluteRoot, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  const rel = relative(absoluteRoot, candidate);
  if (rel.startsWith('..') || rel.split(sep).includes('..')) return null;
  if (!existsSync(candidate) || !statSync(candidate).isFile()) return null;
  return candidate;
}

/** The built page with the per-run token the HTTP transport reads (`<meta name="zaplecze-token">`). */
export function indexWithToken(root: string, token: string): string {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const meta = `<meta name="zaplecze-token" content="${token.replace(/[^A-Za-z0-9_-]/g, '')}" />`;
  if (!html.includes('<head>')) throw new Error('index.html has no <head>');
  return html.replace('<head>', `<head>\n    ${meta}`);
}

/** The page's own CSP (from its <meta>), sent as a header too so both must allow what the page does. */
export function cspOf(html: string): string | null {
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  return match ? match[1]! : null;
}
