#!/usr/bin/env node
/**
 * `npm run package [-- <electron-builder args>]`: the installable app. Builds, makes sure the Electron
 * build of better-sqlite3 exists (as `npm start` does), puts it where electron-builder.yml's
 * extraResources expects it, and runs electron-builder. Needs internet (electron-builder downloads the
 * Electron zip for the target); on these offline machines it stops early with the same message as
 * `npm start`. electron-builder never rebuilds node_modules (npmRebuild: false), so the Node build of
 * better-sqlite3 is left alone.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensureElectronNative, missingMessage, nativePaths, readVersions, ROOT } from './electron-native.mjs';

const build = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const native = await ensureElectronNative();
if (!native.ok) {
  console.error(missingMessage([native.problem]));
  process.exit(1);
}
const { electronVersion } = readVersions();
const target = nativePaths({ root: ROOT, electronVersion, platform: process.platform, arch: process.arch }).packageBinding;
mkdirSync(dirname(target), { recursive: true });
copyFileSync(native.binding, target);

const builder = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'electron-builder', 'cli.js'), '--config', 'electron-builder.yml', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
});
process.exit(builder.status ?? 1);
