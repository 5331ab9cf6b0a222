/**
 * better-sqlite3 for Electron, without touching the Node build.
 *
 * node_modules/better-sqlite3/build holds the addon compiled for Node (tests, the command line,
 * benchmarks). Electron has its own ABI (NODE_MODULE_VERSION), so the desktop app needs a second copy,
 * compiled for Electron, kept apart in .electron-native/<electron version>/<platform>-<arch>/ and handed
 * to better-sqlite3 through its `nativeBinding` option (ZAPLECZE_NATIVE_BINDING, read by the main process).
 * It is made by copying the package's sources to a work folder and running, there, prebuild-install for
 * Electron (a prebuilt download from GitHub) or else node-gyp against Electron's headers (from
 * electronjs.org). Both need the internet once; afterwards the cached copy is reused.
 *
 * The decisions (paths, "is the cached build for this Electron", "is this path the Node build") are pure
 * functions, unit-tested in test/unit/electron-native.test.ts; the rest runs them.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

// ——— Pure decisions ———

/** Where everything lives, for one Electron version, platform and architecture. */
export function nativePaths({ root, electronVersion, platform, arch }) {
  const cacheDir = join(root, '.electron-native', electronVersion, `${platform}-${arch}`);
  return {
    cacheDir,
    binding: join(cacheDir, 'better_sqlite3.node'),
    marker: join(cacheDir, 'build-info.json'),
    log: join(cacheDir, 'build.log'),
    workDir: join(cacheDir, 'work', 'better-sqlite3'),
    /** The packaged app's copy (electron-builder.yml extraResources reads it from here). */
    packageBinding: join(root, '.electron-native', 'package', 'better_sqlite3.node'),
    /** The Node build, which must never be written. */
    nodePackageDir: join(root, 'node_modules', 'better-sqlite3'),
    nodeBuild: join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
  };
}

/** What the marker beside a build records, and what a usable build must match exactly. */
export function expectedBuild({ electronVersion, abi, betterSqlite3Version, platform, arch }) {
  return { electronVersion, abi: String(abi), betterSqlite3Version, platform, arch };
}

/**
 * Whether the cached build can be used as it is: the binding exists and is not empty, and its marker
 * says it was made for this Electron version and ABI, this better-sqlite3 version, platform and arch.
 * Anything else (no marker, another Electron, an upgraded better-sqlite3) means build again.
 */
export function isCachedBuildUsable(marker, expected, bindingSize) {
  if (!marker || typeof marker !== 'object' || !(bindingSize > 0)) return false;
  return Object.entries(expected).every(([key, value]) => String(marker[key]) === String(value));
}

/** True when `file` is inside node_modules/better-sqlite3 — the Node build, which the Electron build must never replace. */
export function isInsideNodePackage(file, nodePackageDir) {
  const rel = relative(resolve(nodePackageDir), resolve(file));
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

/** Throws before anything would write into the Node build's package. */
export function assertOutsideNodePackage(file, nodePackageDir) {
  if (isInsideNodePackage(file, nodePackageDir)) {
    throw new Error(`Refusing to write ${file}: it is inside ${nodePackageDir}, the better-sqlite3 build for Node (tests, CLI).`);
  }
}

/**
 * The NODE_MODULE_VERSION an addon was compiled for, read from its registration symbol
 * (`node_register_module_v<abi>`), or null. This is what catches the classic mistake of a Node-ABI
 * binary mislabelled as an Electron build.
 */
export function addonAbi(bytes) {
  const match = /node_register_module_v(\d+)/.exec(Buffer.from(bytes).toString('latin1'));
  return match ? match[1] : null;
}

/**
 * The environment for the build tools: npm exports its config as npm_config_* (this machine's npmrc sets
 * nodedir=/usr), and node-gyp would then compile against Node's headers while told it builds for Electron
 * — a Node-ABI addon in the Electron folder. Those keys are removed; the runtime, target and headers URL
 * are given explicitly on the command line instead.
 */
export function buildToolEnv(env) {
  const clean = {};
  for (const [key, value] of Object.entries(env)) {
    const lower = key.toLowerCase();
    if (
      lower === 'npm_config_nodedir' ||
      lower === 'npm_config_target' ||
      lower === 'npm_config_runtime' ||
      lower === 'npm_config_disturl' ||
      lower === 'npm_config_dist_url' ||
      lower === 'npm_config_build_from_source' ||
      lower === 'nodedir' ||
      lower === 'electron_run_as_node'
    ) {
      continue;
    }
    clean[key] = value;
  }
  return clean;
}

/** The two ways to get the addon for Electron, in order of preference, as [command args, what it needs]. */
export function buildCommands({ root, electronVersion, platform, arch }) {
  return [
    {
      name: 'prebuild-install',
      needs: `a prebuilt better-sqlite3 for Electron ${electronVersion} from github.com`,
      args: [join(root, 'node_modules', 'prebuild-install', 'bin.js'), '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, `--platform=${platform}`, '--tag-prefix=v', '--verbose'],
      timeoutMs: 120_000,
    },
    {
      name: 'node-gyp',
      needs: `Electron ${electronVersion}'s C++ headers from electronjs.org and a C++ toolchain (python3, make, g++)`,
      args: [join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'), 'rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers'],
      timeoutMs: 15 * 60_000,
    },
  ];
}

/**
 * One plain reason from a failed tool's output, for the summary (the full output is in the log):
 * no network, not published for this version, or a missing compiler — else the first error line.
 */
export function failureReason(output) {
  const text = String(output ?? '');
  if (/ENOTFOUND|EAI_AGAIN|getaddrinfo/.test(text)) return 'no network (the download host could not be reached)';
  if (/fetch failed|network connectivity|ECONNREFUSED|ECONNRESET|ETIMEDOUT|socket hang up|self[- ]signed certificate/i.test(text)) return 'no network (the download failed)';
  if (/\b404\b|Not Found/.test(text)) return 'not published for this version (404)';
  if (/find any Python|Python is not set|python3?: not found/i.test(text)) return 'Python 3 is missing (needed to compile)';
  if (/make: not found|not find "make"|gmake/i.test(text)) return '`make` is missing (needed to compile)';
  if (/g\+\+: not found|c\+\+: not found|No C\+\+ compiler|Visual Studio/i.test(text)) return 'no C++ compiler (needed to compile)';
  const line = text.split('\n').map((l) => l.replace(/^(gyp ERR!|prebuild-install (warn|err!?))\s*(stack\s*)?/i, '').trim()).find((l) => /error|failed|not ok/i.test(l));
  return line ? line.slice(0, 200) : 'failed';
}

/** Where Electron's own package says its executable is, and whether it is there. */
export function electronExecutable(electronPackageDir, env = process.env, platform = process.platform) {
  let relativePath;
  try {
    relativePath = readFileSync(join(electronPackageDir, 'path.txt'), 'utf8').trim();
  } catch {
    relativePath = platform === 'win32' ? 'electron.exe' : platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
  }
  const file = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relativePath) : join(electronPackageDir, 'dist', relativePath);
  return { file, installed: existsSync(file) && existsSync(join(electronPackageDir, 'path.txt')) };
}

/** The message when something is missing: what, why, what it takes, and what works without it. */
export function missingMessage(problems) {
  const lines = ['', 'Zaplecze (desktop) cannot start on this machine yet:'];
  for (const problem of problems) lines.push(`  ✗ ${problem}`);
  lines.push(
    '',
    'What `npm start` needs, once, on a machine with internet access:',
    '  - the Electron program (~100 MB from github.com; cached in ~/.cache/electron),',
    '  - better-sqlite3 built for Electron: a prebuilt copy from github.com or, failing that, Electron\'s',
    '    headers from electronjs.org plus python3, make and a C++ compiler.',
    'Both are kept (node_modules/electron/dist, .electron-native/); afterwards `npm start` works offline.',
    '',
    'Without Electron, these work now:',
    '  - the command line:       npx zaplecze --help',
    '  - the app in a browser:   npm run web',
    '',
  );
  return lines.join('\n');
}

// ——— Doing it ———

export function readVersions(root = ROOT) {
  const electronDir = join(root, 'node_modules', 'electron');
  const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  const abi = readFileSync(join(electronDir, 'abi_version'), 'utf8').trim();
  const betterSqlite3Version = JSON.parse(readFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')).version;
  return { electronDir, electronVersion, abi, betterSqlite3Version };
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Runs a command, appending its output to a log; resolves { ok, tail } where tail is the plain reason of a failure. */
export function runLogged(command, args, { cwd, env, logFile, timeoutMs }) {
  return new Promise((resolvePromise) => {
    mkdirSync(dirname(logFile), { recursive: true });
    const chunks = [];
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => chunks.push(d));
    child.on('error', (error) => chunks.push(Buffer.from(String(error))));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const output = Buffer.concat(chunks).toString('utf8');
      writeFileSync(logFile, `$ ${[command, ...args].join(' ')}\n${output}\n(exit ${code ?? signal})\n\n`, { flag: 'a' });
      resolvePromise({ ok: code === 0, tail: signal ? `stopped after ${Math.round(timeoutMs / 1000)} s` : failureReason(output) });
    });
  });
}

/** Makes sure the Electron executable exists, downloading it (electron's own install.js) when missing. */
export async function ensureElectronBinary({ root = ROOT, check = false, env = process.env } = {}) {
  const { electronDir, electronVersion } = readVersions(root);
  let exe = electronExecutable(electronDir, env);
  if (exe.installed) return { ok: true, file: exe.file };
  if (check) return { ok: false, problem: `The Electron ${electronVersion} program is not installed (node_modules/electron/dist is missing).` };
  console.log(`• Downloading Electron ${electronVersion} (node_modules/electron/install.js)…`);
  const logFile = join(root, '.electron-native', 'electron-download.log');
  const result = await runLogged(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, env, logFile, timeoutMs: 10 * 60_000 });
  exe = electronExecutable(electronDir, env);
  if (result.ok && exe.installed) return { ok: true, file: exe.file };
  return {
    ok: false,
    problem: `The Electron ${electronVersion} program is not installed and could not be downloaded from github.com: ${result.tail || 'no output'}. Log: ${relative(root, logFile)}`,
  };
}

/**
 * Makes sure .electron-native holds better-sqlite3 built for this Electron; returns its path.
 * Never writes inside node_modules/better-sqlite3 (asserted), and checks the Node build is unchanged.
 */
export async function ensureElectronNative({ root = ROOT, check = false, env = process.env, platform = process.platform, arch = process.arch } = {}) {
  const { electronVersion, abi, betterSqlite3Version } = readVersions(root);
  const paths = nativePaths({ root, electronVersion, platform, arch });
  const expected = expectedBuild({ electronVersion, abi, betterSqlite3Version, platform, arch });
  const size = existsSync(paths.binding) ? statSync(paths.binding).size : 0;
  if (isCachedBuildUsable(readJson(paths.marker), expected, size)) return { ok: true, binding: paths.binding };
  const what = `better-sqlite3 ${betterSqlite3Version} for Electron ${electronVersion} (ABI ${abi})`;
  if (check) return { ok: false, problem: `${what} is not built yet (${relative(root, paths.binding)}).` };

  for (const target of [paths.binding, paths.workDir, paths.marker]) assertOutsideNodePackage(target, paths.nodePackageDir);
  const nodeBuildBefore = existsSync(paths.nodeBuild) ? statSync(paths.nodeBuild).mtimeMs : null;

  console.log(`• Building ${what} in ${relative(root, paths.cacheDir)}…`);
  rmSync(paths.workDir, { recursive: true, force: true });
  mkdirSync(paths.workDir, { recursive: true });
  // The package's sources only: its build/ is the Node build and stays where it is.
  cpSync(paths.nodePackageDir, paths.workDir, {
    recursive: true,
    filter: (src) => {
      const rel = relative(paths.nodePackageDir, src);
      return !(rel === 'build' || rel.startsWith(`build${sep}`) || rel.startsWith(`node_modules`));
    },
  });
  rmSync(paths.log, { force: true });
  const toolEnv = buildToolEnv(env);
  const attempts = [];
  for (const command of buildCommands({ root, electronVersion, platform, arch })) {
    const result = await runLogged(process.execPath, command.args, { cwd: paths.workDir, env: toolEnv, logFile: paths.log, timeoutMs: command.timeoutMs });
    const built = join(paths.workDir, 'build', 'Release', 'better_sqlite3.node');
    if (result.ok && existsSync(built)) {
      const builtAbi = addonAbi(readFileSync(built));
      if (builtAbi !== String(abi)) {
        attempts.push(`${command.name} produced an addon for ABI ${builtAbi ?? 'unknown'}, not Electron's ${abi}`);
        continue;
      }
      mkdirSync(paths.cacheDir, { recursive: true });
      cpSync(built, `${paths.binding}.partial`);
      renameSync(`${paths.binding}.partial`, paths.binding);
      writeFileSync(paths.marker, JSON.stringify({ ...expected, builtWith: command.name, builtAt: new Date().toISOString() }, null, 2));
      rmSync(join(paths.cacheDir, 'work'), { recursive: true, force: true });
      checkNodeBuildUnchanged(paths.nodeBuild, nodeBuildBefore);
      console.log(`  done (${command.name}).`);
      return { ok: true, binding: paths.binding };
    }
    attempts.push(`${command.name} needs ${command.needs} — ${result.tail || 'failed'}`);
  }
  rmSync(join(paths.cacheDir, 'work'), { recursive: true, force: true });
  checkNodeBuildUnchanged(paths.nodeBuild, nodeBuildBefore);
  return { ok: false, problem: `${what} could not be built.\n      ${attempts.join('.\n      ')}.\n      Log: ${relative(root, paths.log)}` };
}

function checkNodeBuildUnchanged(nodeBuild, mtimeBefore) {
  const after = existsSync(nodeBuild) ? statSync(nodeBuild).mtimeMs : null;
  if (after !== mtimeBefore) throw new Error(`${nodeBuild} changed while building for Electron — this must never happen; run \`npm rebuild better-sqlite3\` to restore the Node build.`);
}
