import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../electron/main/app-protocol';
import { browserAvailable, browserRequired, launchBrowser, type LaunchedBrowser, SKIP_MESSAGE } from '../e2e/support/browser';
import { ensureBuilt } from './built-app';

// Code inside page.evaluate runs in the browser; the Node type-check has no DOM types.
declare const window: any;
declare const document: any;

/**
 * The desktop build's pages (out/renderer) served by the app:// protocol handler itself — bridged to
 * http://127.0.0.1 because Chromium cannot open app:// outside Electron — in real Chromium: an injected
 * inline script and an inline event handler do not run. (eval is not tried here: code Playwright
 * evaluates comes through the DevTools protocol, which CSP does not govern.) Once with the page as built, once with its <meta> CSP removed, to
 * show the handler's header alone is enough.
 */
function serve(root: string, options: { dropCspHeader?: boolean } = {}): Promise<{ server: Server; url: string }> {
  const handler = createAppProtocolHandler(root);
  const server = createServer(async (req, res) => {
    const response = await handler(new Request(`app://zaplecze${req.url ?? '/'}`, { method: req.method ?? 'GET' }));
    const headers = Object.fromEntries(response.headers);
    if (options.dropCspHeader) delete headers['content-security-policy'];
    res.writeHead(response.status, headers);
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

const runs = browserAvailable || browserRequired;
if (!runs) console.info(`[csp-browser] ${SKIP_MESSAGE}`);

describe.runIf(runs)('CSP in real Chromium (desktop build through the app:// handler)', () => {
  let browser: LaunchedBrowser;
  let noMeta: string;
  const servers: Server[] = [];

  beforeAll(async () => {
    ensureBuilt();
    noMeta = mkdtempSync(join(tmpdir(), 'zaplecze-nometa-'));
    cpSync('out/renderer', noMeta, { recursive: true });
    const html = readFileSync(join(noMeta, 'index.html'), 'utf8');
    const stripped = html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/is, '');
    if (stripped === html) throw new Error('the built index.html has no CSP <meta> to strip');
    writeFileSync(join(noMeta, 'index.html'), stripped);
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    for (const server of servers) server.close();
    if (noMeta) rmSync(noMeta, { recursive: true, force: true });
  });

  /** Injects an inline script and an inline handler into the page; reports which of them ran. */
  async function injectInto(url: string): Promise<{ inline: boolean; handler: boolean; violations: number; header: string | undefined }> {
    const page = await browser.context.newPage();
    let violations = 0;
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations++;
    });
    const response = await page.goto(`${url}/index.html`);
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = true';
      document.body.appendChild(script);
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="data:," onerror="window.__handler = true">';
      document.body.appendChild(holder);
      await new Promise((r) => setTimeout(r, 200));
      return { inline: window.__inline === true, handler: window.__handler === true };
    });
    await page.close();
    return { ...ran, violations, header: response?.headers()['content-security-policy'] };
  }

  it('the check can fail: with neither the <meta> nor the header, the injected script does run', async () => {
    const { server, url } = await serve(noMeta, { dropCspHeader: true });
    servers.push(server);
    expect(await injectInto(url)).toMatchObject({ inline: true, handler: true, header: undefined });
  });

  for (const [what, root] of [
    ['the built page', () => 'out/renderer'],
    ['the page with its <meta> CSP removed (header only)', () => noMeta],
  ] as const) {
    it(`${what}: an injected inline script and an inline event handler do not run`, async () => {
      const { server, url } = await serve(root());
      servers.push(server);
      const result = await injectInto(url);
      expect(result.header).toMatch(/script-src 'self'/);
      expect(result).toMatchObject({ inline: false, handler: false });
      expect(result.violations).toBeGreaterThan(0);
    });
  }
});
