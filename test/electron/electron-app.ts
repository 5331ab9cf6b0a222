import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { electronExecutable, nativePaths, readVersions } from '../../scripts/electron-native.mjs';

const ROOT = resolve('.');

/**
 * Why the real-Electron suite cannot run here, or null when it can. It is opt-in (it starts the real app,
 * a few seconds per launch) and needs what `npm start` prepares: the Electron program and better-sqlite3
 * built for Electron (`npm start -- --prepare-only` makes both on a machine with internet).
 */
export function whyElectronSuiteSkips(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.ZAPLECZE_ELECTRON_TESTS !== '1') return 'opt-in: set ZAPLECZE_ELECTRON_TESTS=1 to run the real Electron app';
  const { electronDir, electronVersion } = readVersions(ROOT);
  if (!electronExecutable(electronDir, env).installed) {
    return `no Electron ${electronVersion} binary (node_modules/electron/dist is missing; these machines cannot download it from github.com — run \`npm start -- --prepare-only\` where there is internet)`;
  }
  if (!existsSync(electronBinding())) return `no better-sqlite3 build for Electron ${electronVersion} in .electron-native/ (run \`npm start -- --prepare-only\`)`;
  if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) return 'the app is not built (run `npm run build`)';
  return null;
}

function electronBinding(): string {
  return nativePaths({ root: ROOT, electronVersion: readVersions(ROOT).electronVersion, platform: process.platform, arch: process.arch }).binding;
}

/** The app's environment: ours plus the test's, and never "run as Node" left over from a shell. */
function launchEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
  return { ...env, ...extra };
}

export interface RunningApp {
  app: ElectronApplication;
  page: Page;
  dataDir: string;
}

/**
 * `describe` for the real app: launches it once on a fresh data folder (ZAPLECZE_DATA_DIR), gives the
 * tests its first window, closes it afterwards. Skipped, with the reason in the suite's name, where it
 * cannot run.
 */
export function describeElectron(name: string, body: (running: RunningApp) => void): void {
  const skip = whyElectronSuiteSkips();
  if (skip) {
    console.info(`[${name}] skipped: ${skip}`);
    describe.skip(`${name} — skipped: ${skip}`, () => body({} as RunningApp));
    return;
  }
  describe(name, () => {
    const running = {} as RunningApp;
    beforeAll(async () => {
      running.dataDir = mkdtempSync(join(tmpdir(), 'zaplecze-electron-'));
      const { electronDir } = readVersions(ROOT);
      running.app = await _electron.launch({
        executablePath: electronExecutable(electronDir).file,
        args: [ROOT, ...(process.platform === 'linux' && process.env.CI ? ['--no-sandbox'] : [])],
        env: launchEnv({ ZAPLECZE_DATA_DIR: running.dataDir, ZAPLECZE_NATIVE_BINDING: electronBinding() }),
        timeout: 60_000,
      });
      running.page = await running.app.firstWindow();
      await running.page.waitForLoadState('domcontentloaded');
    }, 90_000);
    afterAll(async () => {
      await running.app?.close().catch(() => {});
      if (running.dataDir) rmSync(running.dataDir, { recursive: true, force: true });
    });
    body(running);
  });
}
