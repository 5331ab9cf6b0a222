#!/usr/bin/env node
// `npm run screenshots`: pictures of every screen (demo shop, light and dark) into docs/screens/.
// Needs Chromium (/usr/bin/chromium) and the browser build (built here when missing).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
if (!existsSync(join(root, 'out/web/index.html')) || process.argv.includes('--rebuild')) {
  const built = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.web.config.mts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(1);
}
const { takeScreenshots } = await tsImport('../test/e2e/screenshots/take-screenshots.ts', import.meta.url);
const { SCENES } = await tsImport('../test/e2e/screenshots/scenes.ts', import.meta.url);
try {
  const files = await takeScreenshots({ scenes: SCENES, log: (line) => console.log(line) });
  console.log(`${files.length} screenshots in docs/screens/`);
  process.exit(0);
} catch (error) {
  console.error(`Screenshots failed: ${error && error.message ? error.message : String(error)}`);
  process.exit(1);
}
