#!/usr/bin/env node
/**
 * `npm start`: builds the app (electron-vite build), makes sure the Electron program and an Electron build
 * of better-sqlite3 exist (downloading / compiling them once, see electron-native.mjs), then starts
 * Electron with that build (ZAPLECZE_NATIVE_BINDING). node_modules/better-sqlite3 stays the Node build.
 *
 *   node scripts/start-desktop.mjs [--no-build] [--prepare-only] [--check] [-- <electron args>]
 *
 *   --no-build      skip electron-vite build (out/ is already fresh)
 *   --prepare-only  do everything except starting Electron (used by `npm run package`)
 *   --check         download and compile nothing; only report what is missing (exit 1 when anything is)
 *
 * Without internet (these development machines), it stops within seconds and says what is missing and
 * what works without it (the command line, `npm run web`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureElectronBinary, ensureElectronNative, missingMessage, ROOT } from './electron-native.mjs';

export function parseStartArgs(argv) {
  const options = { build: true, launch: true, check: false, electronArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      options.electronArgs = argv.slice(i + 1);
      break;
    }
    if (arg === '--no-build') options.build = false;
    else if (arg === '--prepare-only') options.launch = false;
    else if (arg === '--check') {
      options.check = true;
      options.build = false;
      options.launch = false;
    } else throw new Error(`Unknown option ${arg}. Usage: npm start [-- --no-build | --prepare-only | --check]`);
  }
  return options;
}

/** The environment Electron starts with: our binding, and never "run as Node" left over from a shell. */
export function electronEnv(env, binding) {
  const next = { ...env, ZAPLECZE_NATIVE_BINDING: binding };
  delete next.ELECTRON_RUN_AS_NODE;
  return next;
}

export async function prepareDesktop({ build = true, check = false } = {}) {
  if (build) {
    console.log('• Building main, preload and renderer (electron-vite build)…');
    const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (result.status !== 0) return { ok: false, problems: ['The build (electron-vite build) failed; see the errors above.'] };
  }
  // Both are tried even when the first fails, so one run lists everything that is missing.
  const [binary, native] = [await ensureElectronBinary({ check }), await ensureElectronNative({ check })];
  const problems = [binary, native].filter((r) => !r.ok).map((r) => r.problem);
  return problems.length ? { ok: false, problems } : { ok: true, electron: binary.file, binding: native.binding };
}

async function main() {
  const options = parseStartArgs(process.argv.slice(2));
  const prepared = await prepareDesktop(options);
  if (!prepared.ok) {
    console.error(missingMessage(prepared.problems));
    process.exit(1);
  }
  if (options.check || !options.launch) {
    console.log(`Ready: Electron ${prepared.electron}\n       better-sqlite3 for Electron ${prepared.binding}`);
    return;
  }
  console.log('• Starting Zaplecze…');
  const child = spawn(prepared.electron, [ROOT, ...options.electronArgs], { stdio: 'inherit', env: electronEnv(process.env, prepared.binding) });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
