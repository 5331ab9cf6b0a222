import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EVENTS } from '../../shared/contract/channels';
import type { Result } from '../../shared/contract/envelope';
import { applyPendingRestore, reopenWithPendingRestore, whenRestoreStaged } from '../../electron/core/backup/restore.service';
import { afterShopOpened } from '../../electron/core/backup/shop-start';
import { createCore, type Core } from '../../electron/core/create-core';
import { type HeldLock, holdShopForApp } from '../../electron/core/db/shop-lock';
import { dispatch, type Session } from '../../electron/core/dispatch';
import type { Logger } from '../../electron/core/log';
import { createChromiumPrinter, type ChromiumPrinter } from '../../electron/core/print/chromium-printer';
import { downloadsSaveTarget, queuedOpenSource } from './harness-ports';
import { contentType, cspOf, resolveStatic } from './static-files';

export interface HarnessOptions {
  /** The SQLite file; default: a fresh one in a temporary folder (deleted on close). */
  dbFile?: string;
  /** The built browser renderer (`npm run build:web`). Default: $ZAPLECZE_WEB_ROOT, else out/web. */
  webRoot?: string;
  /** Default 0 = a free port chosen by the system. */
  port?: number;
  /** Where "saved" files go; default: `downloads/` in the run's temporary folder. */
  downloadsDir?: string;
  /** Pin the core's clock (tests). */
  now?: () => Date;
  /** Check every answer against the contract's output schemas (default true: tests catch drift). */
  validateOutput?: boolean;
  /** Print the core's errors to stderr (default true). They are collected in `coreErrors` either way. */
  logErrors?: boolean;
  /** Wire the Chromium printer (electron/core/print/chromium-printer.ts); default true. */
  printer?: boolean;
}

export interface Harness {
  /**
   * http://127.0.0.1:<port>/?token=<run token> — the address printed on the console: opening it sets the
   * run's session as an HttpOnly, SameSite=Strict cookie and redirects to `/` (the first session).
   */
  readonly url: string;
  /** http://127.0.0.1:<port> — without a token (a browser without the cookie gets a "use the printed address" page). */
  readonly origin: string;
  /** The run's token; scripts may also send it as the `x-zaplecze-token` header. */
  readonly token: string;
  readonly core: Core;
  readonly dbFile: string;
  readonly downloadsDir: string;
  /** Errors the core logged (unexpected exceptions in handlers): tests assert this stays empty. */
  readonly coreErrors: string[];
  /** Files the next `import.pick` ("open dialog") returns; nothing queued = the user cancelled. */
  queueOpen(paths: string[]): void;
  /** A second person at another computer: a URL with its own token (`?token=`), hence its own profile. */
  newSessionUrl(): string;
  close(): Promise<void>;
}

/** 256 MB: a 200 MB import file arrives as base64 (4/3 of its size) inside JSON. */
const MAX_BODY_BYTES = 300 * 1024 * 1024;

function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Browsers share cookies between the ports of one host: the cookie's name carries the port. */
function cookieName(port: number): string {
  return `zaplecze_session_${port}`;
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** What a browser without the session cookie sees at `/`: never the app's key. */
const NO_SESSION_PAGE = `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Zaplecze</title></head><body style="font-family:sans-serif;max-width:40em;margin:4em auto">
<h1>Zaplecze</h1>
<p>Otwórz adres wypisany w oknie, w którym uruchomiono Zaplecze (zawiera klucz tego uruchomienia: <code>?token=…</code>).</p>
<p lang="en">Open the address printed where Zaplecze was started (it carries this run's key: <code>?token=…</code>).</p>
</body></html>`;

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(Object.assign(new Error('body too large'), { tooLarge: true }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The browser test harness: the real core (createCore) on a SQLite file, the built renderer, and the
 * contract over HTTP on 127.0.0.1 through the SAME `dispatch` the Electron IPC loop uses — so browser
 * tests exercise the real validation, access rules and SQL. One Session per token, like one per window
 * in the app. Core events reach the page over Server-Sent Events.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const runDir = mkdtempSync(join(tmpdir(), 'zaplecze-harness-'));
  const dbFile = resolve(options.dbFile ?? join(runDir, 'zaplecze.db'));
  // ZAPLECZE_WEB_ROOT lets parallel developers test their own build without rebuilding each other's out/web.
  const webRoot = resolve(options.webRoot ?? process.env.ZAPLECZE_WEB_ROOT ?? 'out/web');
  let builtIndex: string;
  try {
    builtIndex = readFileSync(join(webRoot, 'index.html'), 'utf8');
  } catch {
    rmSync(runDir, { recursive: true, force: true });
    throw new Error(`No built renderer in ${webRoot}: run \`npm run build:web\` first.`);
  }
  const csp = cspOf(builtIndex);

  const coreErrors: string[] = [];
  const logErrors = options.logErrors ?? true;
  const logger: Logger = {
    info: () => {},
    error: (message, error) => {
      const text = `${message}${error ? `: ${error instanceof Error ? (error.stack ?? error.message) : JSON.stringify(error)}` : ''}`;
      coreErrors.push(text);
      if (logErrors) process.stderr.write(`[core] ${text}\n`);
    },
  };

  const downloadsDir = resolve(options.downloadsDir ?? join(runDir, 'downloads'));
  const openSource = queuedOpenSource();
  // The harness is an app like the desktop one: one app per shop (a second one is refused, naming this
  // one), and a restore from the command line refuses while it runs (electron/core/db/shop-lock.ts).
  let appLock: HeldLock;
  let core: Core;
  try {
    appLock = holdShopForApp(dbFile, 'web');
  } catch (error) {
    rmSync(runDir, { recursive: true, force: true });
    throw error;
  }
  const saveTarget = downloadsSaveTarget(downloadsDir);
  const openCore = () =>
    createCore({
      dbFile,
      logger,
      validateOutput: options.validateOutput ?? true,
      ...(options.now ? { now: options.now } : {}),
      ports: { saveTarget, openSource },
    });
  try {
    // A restore chosen in an earlier run that could not swap (or was stopped meanwhile) happens now,
    // before the shop is opened — as the desktop app does at its start.
    const pending = await applyPendingRestore(dbFile);
    if (pending && 'failed' in pending) logger.info(`The restore chosen earlier was not done: ${pending.failed}`);
    core = await openCore();
  } catch (error) {
    appLock.release();
    rmSync(runDir, { recursive: true, force: true });
    throw error;
  }
  // Print pages become PDFs in a headless Chromium (started on the first print job, not before).
  let printer: ChromiumPrinter | null = null;
  if (options.printer ?? true) core.ports.printer = printer = createChromiumPrinter();

  const token = newToken();
  const sessions = new Map<string, Session>([[token, { role: null }]]);
  const streams = new Set<ServerResponse>();
  const forwardEvents = (from: Core) =>
    EVENTS.map((event) =>
      from.events.on(event, (payload) => {
        const line = `data: ${JSON.stringify({ event, payload })}\n\n`;
        for (const res of streams) res.write(line);
      }),
    );
  let stopEvents = forwardEvents(core);

  // Like the desktop app: after opening the shop, its health check and the day's automatic backup; and a
  // restore chosen in the page is applied at once — close the core, swap the file (the replaced shop is
  // kept as a before-restore backup), open a fresh core; every session signs in again.
  let swapping: Promise<void> | null = null;
  let startJobs: Promise<unknown> = Promise.resolve();
  function afterOpen(opened: Core): void {
    whenRestoreStaged(opened, () => {
      swapping = swapForRestore(opened).finally(() => {
        swapping = null;
      });
    });
    startJobs = afterShopOpened(opened).then(({ error }) => {
      if (error) logger.error('Automatic backup failed', error);
    });
  }
  async function swapForRestore(current: Core): Promise<void> {
    await startJobs; // never close the shop under a backup that is being written
    stopEvents.forEach((stop) => stop());
    try {
      const { core: fresh, restore } = await reopenWithPendingRestore(current, openCore);
      if (restore && 'failed' in restore) logger.info(`The restore was not done: ${restore.failed}`);
      core = fresh;
    } catch (error) {
      logger.error('Reopening the shop after a restore failed', error);
      core = await openCore();
    }
    if (printer) core.ports.printer = printer;
    stopEvents = forwardEvents(core);
    for (const session of sessions.values()) session.role = null;
    afterOpen(core);
  }
  afterOpen(core);

  let origin = '';
  let port = 0;

  function sessionFor(tokenValue: string | null | undefined): Session | undefined {
    return tokenValue ? sessions.get(tokenValue) : undefined;
  }

  /** The caller's session: the `x-zaplecze-token` header (scripts, tests) or the session cookie (the page). */
  function sessionOf(req: IncomingMessage): Session | undefined {
    const header = req.headers['x-zaplecze-token'];
    return sessionFor(typeof header === 'string' ? header : undefined) ?? sessionFor(cookieValue(req, cookieName(port)));
  }

  /**
   * Calls and events only from the app's own page (or from a script, which sends no Origin): another
   * site's page — even a no-cors fetch, which cannot read the answer but could still act — is refused.
   */
  function fromOwnOrigin(req: IncomingMessage): boolean {
    const from = req.headers.origin;
    if (from !== undefined && from !== origin) return false;
    const site = req.headers['sec-fetch-site'];
    return site === undefined || site === 'same-origin' || site === 'none';
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const session = sessionOf(req);
    if (!session) {
      sendJson(res, 401, { ok: false, error: { code: 'forbidden', message: 'Missing or wrong harness token.' } });
      return;
    }
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch (error) {
      const tooLarge = (error as { tooLarge?: boolean }).tooLarge;
      sendJson(res, tooLarge ? 413 : 400, { ok: false, error: { code: 'invalid_input', message: tooLarge ? 'Request too large.' : 'The request body is not JSON.' } });
      return;
    }
    while (swapping) await swapping; // a restore is replacing the shop: answer from the new one
    const result = await dispatch(core, channel, input, session);
    sendJson(res, 200, result);
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (!fromOwnOrigin(req) || !(sessionFor(url.searchParams.get('token')) ?? sessionOf(req))) {
      res.writeHead(401).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    // A comment line opens the stream at once (EventSource fires `open`), and keeps proxies from timing out.
    res.on('error', () => streams.delete(res)); // a closed tab must not end the process
    res.write(': connected\n\n');
    streams.add(res);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(ping);
      streams.delete(res);
    });
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const path = url.pathname;
    if (path === '/' || path === '/index.html') {
      // The printed address carries the token once: it becomes an HttpOnly cookie (scripts in the page
      // cannot read it, other sites' requests do not carry it) and the address bar loses it.
      const offered = url.searchParams.get('token') ?? url.searchParams.get('session');
      if (offered !== null && sessions.has(offered)) {
        res.writeHead(303, {
          location: '/',
          'set-cookie': `${cookieName(port)}=${offered}; HttpOnly; SameSite=Strict; Path=/`,
          'cache-control': 'no-store',
        });
        res.end();
        return;
      }
      if (offered !== null || !sessionFor(cookieValue(req, cookieName(port)))) {
        res.writeHead(401, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
        res.end(NO_SESSION_PAGE);
        return;
      }
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        ...(csp ? { 'content-security-policy': csp } : {}),
      });
      res.end(readFileSync(join(webRoot, 'index.html')));
      return;
    }
    const file = resolveStatic(webRoot, path);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': contentType(file), 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' });
    res.end(readFileSync(file));
  }

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only this host name: a page on another site that rebinds a DNS name to 127.0.0.1 is refused.
    if (req.headers.host !== new URL(origin).host) {
      res.writeHead(421).end();
      return;
    }
    // `//`, `*` or an absolute URL in the request line is not a path of ours (new URL('//', base) throws).
    const rawPath = req.url ?? '/';
    if (!rawPath.startsWith('/') || rawPath.startsWith('//')) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request');
      return;
    }
    const url = new URL(`${origin}${rawPath}`);
    if (url.pathname.startsWith('/api/')) {
      if (!fromOwnOrigin(req)) {
        sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: 'Calls are accepted only from the app\'s own page.' } });
        return;
      }
      let channel: string;
      try {
        channel = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        sendJson(res, 400, { ok: false, error: { code: 'unknown_channel', message: 'There is no call with that name.' } });
        return;
      }
      await handleApi(req, res, channel);
      return;
    }
    if (url.pathname === '/events') {
      handleEvents(req, res, url);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    handleStatic(req, res, url);
  }

  // Everything a request does runs inside this catch: one malformed request answers 400/500, never ends the process.
  const server: Server = createServer((req, res) => {
    req.on('error', () => res.destroy());
    res.on('error', () => {});
    handleRequest(req, res).catch((error: unknown) => {
      logger.error('Harness request failed', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Something went wrong; details are in the log.' } });
      else res.destroy();
    });
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  let closed = false;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    get core() {
      return core; // a restore replaces it
    },
    dbFile,
    downloadsDir,
    coreErrors,
    queueOpen: (paths) => openSource.queue(paths),
    newSessionUrl() {
      const next = newToken();
      sessions.set(next, { role: null });
      return `${origin}/?token=${next}`;
    },
    async close() {
      if (closed) return;
      closed = true;
      stopEvents.forEach((stop) => stop());
      for (const res of streams) res.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await printer?.close();
      while (swapping) await swapping;
      await startJobs;
      await core.close();
      appLock.release();
      // The run folder holds only what this run made (the temporary database, default downloads);
      // a database or downloads folder given by the caller lives elsewhere and is kept.
      rmSync(runDir, { recursive: true, force: true });
    },
  };
}
