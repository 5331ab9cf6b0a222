import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import type { PageSize, Printer } from '../ports';
import { type PrintDocumentParts, splitPrintDocument } from './print-document';
import { embeddedFontCss } from './print-fonts';

export interface ChromiumPrinter extends Printer {
  /** Closes the browser and deletes its profile folder. */
  close(): Promise<void>;
}

/** Flags that keep a headless Chromium quiet and offline (see TOOLCHAIN.md). */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Idle pages kept open between jobs: one serves the usual one-at-a-time printing; more would only hold memory. */
const KEEP_IDLE = 1;

/** Marks the style element that holds the embedded fonts in a warm page. */
const FONTS_ATTR = 'data-zaplecze-print-fonts';

/** A blank document holding only the print fonts, loaded once into a warm page. */
function fontShell(fontCss: string): string {
  return `<!doctype html>\n<html><head><meta charset="utf-8"><style ${FONTS_ATTR}>\n${fontCss}\n</style></head><body></body></html>`;
}

/**
 * Runs in the page through the debugging protocol (page scripts stay off): every node but the fonts'
 * style is replaced by the job's head and body, then a layout is forced so the faces the text needs
 * start loading, and the answer waits for them.
 */
const SWAP = `([lang, head, body, attr]) => {
  const doc = document;
  for (const node of [...doc.head.childNodes]) if (!(node.nodeType === 1 && node.hasAttribute(attr))) node.remove();
  doc.head.insertAdjacentHTML('beforeend', head);
  doc.documentElement.lang = lang;
  doc.body.innerHTML = body;
  void doc.body.offsetHeight;
  return doc.fonts.ready.then(() => true);
}`;

/**
 * The Printer port for plain Node — tests, the command line and the browser harness — backed by a
 * headless Chromium through playwright-core, so documents are rendered by the same engine as Electron's
 * printToPDF. The browser starts on first use and is reused (starting it costs about a second).
 * A page is kept warm between jobs: opening a new one cost about 85 ms of a 30-order pick list's
 * 300–400 ms, closing it 15 ms more, and a renderer that has laid out a page before lays out the next
 * one faster (issue 16). The fonts are decoded once per page as well: a document made by printDocument
 * (every document the app prints) goes into a warm page that holds its fonts already, its head and body
 * replacing the last job's around them (parsing and decoding 190 kB of fonts per job was a quarter or
 * more of what was left); any other HTML replaces the page's document whole. Jobs that overlap each get
 * their own page. Like the app's print window, pages run without JavaScript and every network request
 * is refused: templates are self-contained (inline CSS, data: fonts, inline SVG barcodes). There is no
 * print dialog outside the desktop app, so `printHtml` is absent.
 */
export function createChromiumPrinter(options: { executablePath?: string } = {}): ChromiumPrinter {
  const executablePath = options.executablePath ?? process.env.ZAPLECZE_CHROMIUM ?? '/usr/bin/chromium';
  let profileDir: string | null = null;
  let starting: Promise<BrowserContext> | null = null;
  /** Warm pages of the current browser, ready for the next job. */
  let idle: Page[] = [];
  /** Pages whose document is the font shell (plus the last job's head and body). */
  const shelled = new WeakSet<Page>();
  let fontCss: string | null = null;

  /** The print fonts' CSS, or null where they are missing (plain HTML still prints then). */
  function printFonts(): string | null {
    try {
      return (fontCss ??= embeddedFontCss());
    } catch {
      return null;
    }
  }

  /** Loads the job into the page: around the kept fonts when it can, else as a whole new document. */
  async function load(page: Page, html: string): Promise<void> {
    const fonts = html.startsWith('<!doctype html>\n<html lang=') ? printFonts() : null;
    const parts: PrintDocumentParts | null = fonts === null ? null : splitPrintDocument(html, fonts);
    if (!fonts || !parts) {
      shelled.delete(page);
      await page.setContent(html, { waitUntil: 'load' });
      // Web fonts load asynchronously even from data: URLs; printing before they are ready would fall
      // back to a system font (and lose ą, ł on machines without one). evaluate() works with page
      // scripts disabled: it runs through the debugging protocol, not the page.
      await page.evaluate('document.fonts.ready.then(() => true)');
      return;
    }
    if (!shelled.has(page)) {
      await page.setContent(fontShell(fonts), { waitUntil: 'load' });
      // All four faces at once, so no later job waits for one its text needs first.
      await page.evaluate('Promise.all([...document.fonts].map((face) => face.load())).then(() => true)');
      shelled.add(page);
    }
    await page.evaluate(`(${SWAP})(${JSON.stringify([parts.lang, parts.head, parts.body, FONTS_ATTR])})`);
  }

  function context(): Promise<BrowserContext> {
    if (!starting) {
      profileDir = mkdtempSync(join(tmpdir(), 'zaplecze-print-'));
      idle = [];
      starting = chromium
        .launchPersistentContext(profileDir, { executablePath, headless: true, args: ARGS, javaScriptEnabled: false, offline: true })
        .then(async (ctx) => {
          await ctx.route('**/*', (route) => route.abort());
          // A persistent context opens with one blank page: the first warm page.
          idle = ctx.pages().slice(0, KEEP_IDLE);
          for (const extra of ctx.pages().slice(KEEP_IDLE)) await extra.close();
          return ctx;
        });
      starting.catch(() => {
        starting = null;
      });
    }
    return starting;
  }

  async function takePage(ctx: BrowserContext): Promise<Page> {
    for (let page = idle.pop(); page; page = idle.pop()) if (!page.isClosed()) return page;
    return ctx.newPage();
  }

  /**
   * After a job the page waits for the next one as it is: the next setContent replaces its document whole.
   * Blanking it at once would compete for the CPU with whatever runs next and leave no warm page for a
   * job that comes right after; the last document stays in memory until then (or until close()).
   */
  function release(page: Page, pool: Page[]): void {
    // The browser may have been closed or restarted meanwhile: keep pages of the current one only.
    if (pool === idle && idle.length < KEEP_IDLE && !page.isClosed()) idle.push(page);
    else void page.close().catch(() => undefined);
  }

  return {
    async htmlToPdf(html: string, size: PageSize): Promise<Uint8Array> {
      const ctx = await context();
      const pool = idle;
      const page = await takePage(ctx);
      let ok = false;
      try {
        await load(page, html);
        const pdf = await page.pdf(
          size.format === 'A4'
            ? { format: 'A4', printBackground: true, margin: { top: '0', right: '0', bottom: '0', left: '0' } }
            : { width: `${size.widthMm ?? 100}mm`, height: `${size.heightMm ?? 150}mm`, printBackground: true, margin: { top: '0', right: '0', bottom: '0', left: '0' } },
        );
        ok = true;
        return new Uint8Array(pdf);
      } finally {
        // A page that failed mid-job is not trusted with the next one.
        if (ok) release(page, pool);
        else await page.close().catch(() => undefined);
      }
    },
    async close() {
      const pending = starting;
      starting = null;
      idle = [];
      if (pending) await (await pending.catch(() => null))?.close();
      if (profileDir) rmSync(profileDir, { recursive: true, force: true });
      profileDir = null;
    },
  };
}
