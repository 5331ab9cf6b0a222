import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); playwright-core never downloads a browser here. */
export const CHROMIUM = process.env.ZAPLECZE_CHROMIUM ?? '/usr/bin/chromium';

export const browserAvailable = existsSync(CHROMIUM);
/** CI sets ZAPLECZE_REQUIRE_BROWSER=1: there a missing browser is a failure, not a skip. */
export const browserRequired = process.env.ZAPLECZE_REQUIRE_BROWSER === '1';

export const SKIP_MESSAGE = `End-to-end tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium). Set ZAPLECZE_REQUIRE_BROWSER=1 to make this a failure.`;

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
}

/**
 * A fresh Chromium profile per call (own localStorage, no state between test files). playwright-core
 * refuses `--user-data-dir` in args, hence launchPersistentContext with a new temporary folder.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'zaplecze-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    // Chromium's own widgets (date fields) stay in English here: Debian's chromium ships only en-US
    // (the Polish one is in the chromium-l10n package); the desktop app follows the system's language.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: options.viewport ?? { width: 1366, height: 860 },
    colorScheme: options.colorScheme ?? 'light',
    locale: 'pl-PL',
    timezoneId: 'Europe/Warsaw',
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
