import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
import { type Harness, type HarnessOptions, startHarness } from '../../harness/harness';
import { browserAvailable, browserRequired, type LaunchedBrowser, launchBrowser, type LaunchOptions, SKIP_MESSAGE } from './browser';

export const RESULTS_DIR = resolve('test-results/e2e');

interface ConsoleEntry {
  type: string;
  text: string;
}

/** What a test file works with: the harness (core + server), the page, and the page's console. */
export interface E2EApp {
  readonly harness: Harness;
  readonly page: Page;
  /** Everything the page logged, for the failure report. */
  readonly console: ConsoleEntry[];
  /** Console errors this test expects (e.g. the CSP refusing an injected script); others fail the test. */
  allowConsoleError(pattern: RegExp): void;
  /** Opens the app fresh (a new page on the same harness and browser profile). */
  reopen(): Promise<Page>;
}

function safeName(name: string): string {
  return name.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 120) || 'test';
}

/**
 * `describeE2E('shell', (app) => { it(...) })`: one harness (real core on a temporary SQLite file) and one
 * fresh Chromium profile per file. Every test fails on a console error or an uncaught page exception;
 * a failing test leaves a screenshot and the console log in test-results/e2e/.
 * Without Chromium the suite is skipped with a message — or fails when ZAPLECZE_REQUIRE_BROWSER=1 (CI).
 */
export function describeE2E(name: string, body: (app: E2EApp) => void, options: { harness?: HarnessOptions; browser?: LaunchOptions } = {}): void {
  if (!browserAvailable) {
    if (browserRequired) {
      describe(name, () => {
        it('needs Chromium', () => {
          throw new Error(SKIP_MESSAGE);
        });
      });
    } else {
      describe.skip(`${name} — ${SKIP_MESSAGE}`, () => {
        it.skip('skipped', () => {});
      });
      console.warn(SKIP_MESSAGE);
    }
    return;
  }

  let harness: Harness;
  let browser: LaunchedBrowser;
  let page: Page;
  const consoleLog: ConsoleEntry[] = [];
  let problems: string[] = [];
  let allowed: RegExp[] = [];

  function watch(p: Page): void {
    p.setDefaultTimeout(15_000);
    p.on('console', (message) => {
      const entry = { type: message.type(), text: message.text() };
      consoleLog.push(entry);
      if (entry.type === 'error' && !allowed.some((re) => re.test(entry.text))) problems.push(`console error: ${entry.text}`);
    });
    p.on('pageerror', (error) => {
      consoleLog.push({ type: 'pageerror', text: error.stack ?? error.message });
      problems.push(`uncaught exception in the page: ${error.message}`);
    });
  }

  async function openPage(): Promise<Page> {
    const next = await browser.context.newPage();
    watch(next);
    await next.goto(harness.url);
    return next;
  }

  const app: E2EApp = {
    get harness() {
      return harness;
    },
    get page() {
      return page;
    },
    console: consoleLog,
    allowConsoleError(pattern) {
      allowed.push(pattern);
    },
    async reopen() {
      await page?.close().catch(() => {});
      page = await openPage();
      return page;
    },
  };

  describe(name, () => {
    beforeAll(async () => {
      harness = await startHarness({ logErrors: true, ...options.harness });
      browser = await launchBrowser(options.browser);
      // The persistent context opens with one blank page; close it so only our pages exist.
      for (const p of browser.context.pages()) await p.close();
      page = await openPage();
    });

    beforeEach(() => {
      problems = [];
      allowed = [];
    });

    afterEach(async ({ task }) => {
      const failed = task.result?.state === 'fail' || problems.length > 0 || harness.coreErrors.length > 0;
      const dir = join(RESULTS_DIR, safeName(`${name} ${task.name}`));
      rmSync(dir, { recursive: true, force: true }); // a report from an earlier run must not linger
      if (failed) {
        mkdirSync(dir, { recursive: true });
        await page.screenshot({ path: join(dir, 'screenshot.png'), fullPage: true }).catch(() => {});
        writeFileSync(join(dir, 'console.log'), consoleLog.map((e) => `[${e.type}] ${e.text}`).join('\n'));
        if (harness.coreErrors.length) writeFileSync(join(dir, 'core-errors.log'), harness.coreErrors.join('\n\n'));
      }
      const coreErrors = harness.coreErrors.splice(0);
      const pageProblems = problems;
      problems = [];
      if (pageProblems.length) throw new Error(`The page reported problems:\n${pageProblems.join('\n')}`);
      if (coreErrors.length) throw new Error(`The core logged unexpected errors:\n${coreErrors.join('\n')}`);
    });

    afterAll(async () => {
      await browser?.close();
      await harness?.close();
    });

    body(app);
  });
}
