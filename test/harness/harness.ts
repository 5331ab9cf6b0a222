import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EVENTS } from '../../shared/contract/channels';
import type { Result } from '../../shared/contract/envelope';
import { createCore, type Core } from '../../electron/core/create-core';
import { dispatch, type Session } from '../../electron/core/dispatch';
import type { Logger } from '../../electron/core/log';
import { createChromiumPrinter, type ChromiumPrinter } from '../../electron/core/print/chromium-printer';
import { downloadsSaveTarget, queuedOpenSource } from './harness-ports';
import { contentType, cspOf, indexWithToken, resolveStatic } from './static-files';

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
  /** http://127.0.0.1:<port>/ — opens the app with the run's token (the first session). */
  readonly url: string;
  readonly token: string;
  readonly core: Core;
  readonly dbFile: string;
  readonly downloadsDir: string;
  /** Errors the core logged (unexpected exceptions in handlers): tests assert this stays empty. */
  readonly coreErrors: string[];
  /** Files the next `import.pick` ("open dialog") returns; nothing queued = the user cancelled. */
  queueOpen(paths: string[]): void;
  /** A second person at another computer: a URL with its own token, hence its own profile. */
  newSessionUrl(): string;
  close(): Promise<void>;
}

/** 256 MB: a 200 MB import file arrives as base64 (4/3 of its size) inside JSON. */
const MAX_BODY_BYTES = 300 * 1024 * 1024;

function newToken(): string {
  return randomBytes(24).toString('base64url');
}

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
  const core = await createCore({
    dbFile,
    logger,
    validateOutput: options.validateOutput ?? true,
    ...(options.now ? { now: options.now } : {}),
    ports: { saveTarget: downloadsSaveTarget(downloadsDir), openSource },
  });
  // Print pages become PDFs in a headless Chromium (started on the first print job, not before).
  let printer: ChromiumPrinter | null = null;
  if (options.printer ?? true) core.ports.printer = printer = createChromiumPrinter();

  const token = newToken();
  const sessions = new Map<string, Session>([[token, { role: null }]]);
  const streams = new Set<ServerResponse>();
  const stopEvents = EVENTS.map((event) =>
    core.events.on(event, (payload) => {
      const line = `data: ${JSON.stringify({ event, payload })}\n\n`;
      for (const res of streams) res.write(line);
    }),
  );

  let origin = '';

  function sessionFor(tokenValue: string | null | undefined): Session | undefined {
    return tokenValue ? sessions.get(tokenValue) : undefined;
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const session = sessionFor(req.headers['x-zaplecze-token'] as string | undefined);
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
    const result = await dispatch(core, channel, input, session);
    sendJson(res, 200, result);
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (!sessionFor(url.searchParams.get('token'))) {
      res.writeHead(401).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    // A comment line opens the stream at once (EventSource fires `open`), and keeps proxies from timing out.
    res.write(': connected\n\n');
    streams.add(res);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(ping);
      streams.delete(res);
    });
  }

  function handleStatic(res: ServerResponse, url: URL): void {
    const path = url.pathname;
    if (path === '/' || path === '/index.html') {
      // A known token in ?session= opens that session's page (newSessionUrl); anything else gets the run's token.
      const requested = url.searchParams.get('session');
      const html = indexWithToken(webRoot, requested && sessions.has(requested) ? requested : token);
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        ...(csp ? { 'content-security-policy': csp } : {}),
      });
      res.end(html);
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

  const server: Server = createServer((req, res) => {
    // Only this host name: a page on another site that rebinds a DNS name to 127.0.0.1 is refused.
    if (req.headers.host !== new URL(origin).host) {
      res.writeHead(421).end();
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, decodeURIComponent(url.pathname.slice('/api/'.length))).catch((error: unknown) => {
        logger.error('Harness request failed', error);
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Something went wrong; details are in the log.' } });
      });
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
    handleStatic(res, url);
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  let closed = false;
  return {
    url: `${origin}/`,
    token,
    core,
    dbFile,
    downloadsDir,
    coreErrors,
    queueOpen: (paths) => openSource.queue(paths),
    newSessionUrl() {
      const next = newToken();
      sessions.set(next, { role: null });
      return `${origin}/?session=${next}`;
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
      await core.close();
      // The run folder holds only what this run made (the temporary database, default downloads);
      // a database or downloads folder given by the caller lives elsewhere and is kept.
      rmSync(runDir, { recursive: true, force: true });
    },
  };
}
