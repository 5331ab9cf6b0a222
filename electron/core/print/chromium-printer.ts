import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import type { PageSize, Printer } from '../ports';

export interface ChromiumPrinter extends Printer {
  /** Closes the browser and deletes its profile folder. */
  close(): Promise<void>;
}

/** Flags that keep a headless Chromium quiet and offline (see TOOLCHAIN.md). */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The Printer port for plain Node — tests, the command line and the browser harness — backed by a
 * headless Chromium through playwright-core, so documents are rendered by the same engine as Electron's
 * printToPDF. The browser starts on first use and is reused (starting it costs about a second); each job
 * gets a fresh page. Like the app's print window, pages run without JavaScript and every network request
 * is refused: templates are self-contained (inline CSS, data: fonts, inline SVG barcodes).
 * There is no print dialog outside the desktop app, so `printHtml` is absent.
 */
export function createChromiumPrinter(options: { executablePath?: string } = {}): ChromiumPrinter {
  const executablePath = options.executablePath ?? process.env.ZAPLECZE_CHROMIUM ?? '/usr/bin/chromium';
  let profileDir: string | null = null;
  let starting: Promise<BrowserContext> | null = null;

  function context(): Promise<BrowserContext> {
    if (!starting) {
      profileDir = mkdtempSync(join(tmpdir(), 'zaplecze-print-'));
      starting = chromium
        .launchPersistentContext(profileDir, { executablePath, headless: true, args: ARGS, javaScriptEnabled: false, offline: true })
        .then(async (ctx) => {
          await ctx.route('**/*', (route) => route.abort());
          return ctx;
        });
      starting.catch(() => {
        starting = null;
      });
    }
    return starting;
  }

  return {
    async htmlToPdf(html: string, size: PageSize): Promise<Uint8Array> {
      const ctx = await context();
      const page = await ctx.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        // Web fonts load asynchronously even from data: URLs; printing before they are ready would fall
        // back to a system font (and lose ą, ł on machines without one). evaluate() works with page
        // scripts disabled: it runs through the debugging protocol, not the page.
        await page.evaluate('document.fonts.ready.then(() => true)');
        const pdf = await page.pdf(
          size.format === 'A4'
            ? { format: 'A4', printBackground: true, margin: { top: '0', right: '0', bottom: '0', left: '0' } }
            : { width: `${size.widthMm ?? 100}mm`, height: `${size.heightMm ?? 150}mm`, printBackground: true, margin: { top: '0', right: '0', bottom: '0', left: '0' } },
        );
        return new Uint8Array(pdf);
      } finally {
        await page.close();
      }
    },
    async close() {
      const pending = starting;
      starting = null;
      if (pending) await (await pending.catch(() => null))?.close();
      if (profileDir) rmSync(profileDir, { recursive: true, force: true });
      profileDir = null;
    },
  };
}
