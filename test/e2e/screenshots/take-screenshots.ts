import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { call } from '../../../electron/core/dispatch';
import { startHarness } from '../../harness/harness';
import { browserAvailable, CHROMIUM, launchBrowser } from '../support/browser';

/** Extra views worth a picture beyond each screen's first view: open something, then shoot. */
export interface Scene {
  name: string;
  screen: string;
  /** Runs on the screen before the picture (click a row, open a dialog…). */
  prepare(page: Page): Promise<void>;
}

export interface ScreenshotOptions {
  outDir?: string;
  scenes?: Scene[];
  /** Log each file written. */
  log?: (line: string) => void;
}

/** Waits until no spinner or indeterminate bar is left and fonts are in. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !(globalThis as any).document.querySelector('.MuiCircularProgress-root, .MuiLinearProgress-indeterminate'), undefined, { timeout: 30_000 }).catch(() => {});
  await page.evaluate(() => (globalThis as any).document.fonts.ready);
  await page.waitForTimeout(400);
}

/**
 * Pictures of every screen of the demo shop, light and dark, into docs/screens/ (`npm run screenshots`).
 * The demo shop is generated fresh (same seed → same pictures), the clock is the real one.
 */
export async function takeScreenshots(options: ScreenshotOptions = {}): Promise<string[]> {
  if (!browserAvailable) throw new Error(`No Chromium at ${CHROMIUM} (apt-get install -y chromium).`);
  const outDir = resolve(options.outDir ?? 'docs/screens');
  const log = options.log ?? (() => {});
  mkdirSync(outDir, { recursive: true });
  for (const file of readdirSync(outDir)) if (file.endsWith('.png')) rmSync(join(outDir, file));

  const harness = await startHarness({ logErrors: true, printer: false });
  const written: string[] = [];
  try {
    await call(harness.core, 'shop.loadDemo', {});
    for (const mode of ['light', 'dark'] as const) {
      const browser = await launchBrowser({ colorScheme: mode, viewport: { width: 1366, height: 768 } });
      try {
        const page = browser.context.pages()[0] ?? (await browser.context.newPage());
        const shoot = async (name: string) => {
          await settle(page);
          const path = join(outDir, `${name}-${mode}.png`);
          await page.screenshot({ path });
          written.push(path);
          log(path);
        };
        // A new session per mode: the first one is still signed in as the owner.
        await page.goto(mode === 'light' ? harness.url : harness.newSessionUrl());
        await page.locator('[data-profile="owner"]').waitFor();
        await shoot('00-profile');
        await page.locator('[data-profile="owner"]').click();
        await page.getByRole('navigation').waitFor();
        const screens = await page.locator('nav [data-screen]').evaluateAll((links) => links.map((l) => l.getAttribute('data-screen') ?? ''));
        for (const [i, screen] of screens.entries()) {
          await page.locator(`nav [data-screen="${screen}"]`).click();
          await page.locator('main h1').first().waitFor();
          await shoot(`${String(i + 1).padStart(2, '0')}-${screen}`);
          for (const scene of options.scenes?.filter((s) => s.screen === screen) ?? []) {
            try {
              await scene.prepare(page);
              await shoot(`${String(i + 1).padStart(2, '0')}-${screen}-${scene.name}`);
            } catch (error) {
              // A scene that no longer fits its screen must not stop the other pictures; say so.
              log(`scene ${screen}/${scene.name} skipped: ${(error as Error).message.split('\n')[0]}`);
            }
            // Back to the screen's first view for the next scene.
            await page.keyboard.press('Escape');
            await page.evaluate((id) => ((globalThis as any).location.hash = `#/${id}`), screen);
            await page.locator('main h1').first().waitFor();
          }
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await harness.close();
  }
  return written;
}
