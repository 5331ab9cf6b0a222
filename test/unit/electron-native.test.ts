import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  addonAbi,
  assertOutsideNodePackage,
  buildCommands,
  buildToolEnv,
  electronExecutable,
  expectedBuild,
  failureReason,
  isCachedBuildUsable,
  isInsideNodePackage,
  missingMessage,
  nativePaths,
  readVersions,
} from '../../scripts/electron-native.mjs';
import { electronEnv, parseStartArgs } from '../../scripts/start-desktop.mjs';

const root = resolve('/repo');
const target = { root, electronVersion: '45.4.1', platform: 'linux', arch: 'x64' };

describe('where the Electron build of better-sqlite3 lives', () => {
  const paths = nativePaths(target);

  it('is a folder per Electron version, platform and architecture, outside node_modules', () => {
    expect(paths.binding).toBe(join(root, '.electron-native', '45.4.1', 'linux-x64', 'better_sqlite3.node'));
    expect(paths.marker).toBe(join(root, '.electron-native', '45.4.1', 'linux-x64', 'build-info.json'));
    expect(paths.nodeBuild).toBe(join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
  });

  it('never points any file it writes into the Node build', () => {
    for (const file of [paths.binding, paths.marker, paths.workDir, paths.log, paths.packageBinding]) {
      expect(isInsideNodePackage(file, paths.nodePackageDir), file).toBe(false);
      expect(() => assertOutsideNodePackage(file, paths.nodePackageDir)).not.toThrow();
    }
  });

  it('refuses to write into node_modules/better-sqlite3 (the Node build)', () => {
    expect(() => assertOutsideNodePackage(paths.nodeBuild, paths.nodePackageDir)).toThrow(/Refusing to write/);
    expect(() => assertOutsideNodePackage(join(paths.nodePackageDir, 'build'), paths.nodePackageDir)).toThrow();
    expect(() => assertOutsideNodePackage(paths.nodePackageDir, paths.nodePackageDir)).toThrow();
    // A sibling whose name merely starts the same is not inside.
    expect(isInsideNodePackage(join(root, 'node_modules', 'better-sqlite3-extra', 'x.node'), paths.nodePackageDir)).toBe(false);
  });
});

describe('is the cached build for this Electron?', () => {
  const expected = expectedBuild({ electronVersion: '45.4.1', abi: 150, betterSqlite3Version: '12.11.1', platform: 'linux', arch: 'x64' });
  const marker = { ...expected, builtWith: 'node-gyp', builtAt: '2026-11-23T10:00:00Z' };

  it('yes, when the marker matches and the binding is not empty', () => expect(isCachedBuildUsable(marker, expected, 2_000_000)).toBe(true));
  const stale: Array<[string, unknown, number]> = [
    ['no marker', null, 2_000_000],
    ['an empty binding', marker, 0],
    ['another Electron version', { ...marker, electronVersion: '44.0.0' }, 2_000_000],
    ['another ABI', { ...marker, abi: '140' }, 2_000_000],
    ['an upgraded better-sqlite3', { ...marker, betterSqlite3Version: '12.10.0' }, 2_000_000],
    ['another architecture', { ...marker, arch: 'arm64' }, 2_000_000],
    ['another platform', { ...marker, platform: 'win32' }, 2_000_000],
    ['a marker that is not an object', 'built', 2_000_000],
  ];
  for (const [what, m, size] of stale) it(`no, with ${what}`, () => expect(isCachedBuildUsable(m, expected, size)).toBe(false));
});

describe('the addon ABI check', () => {
  it('reads NODE_MODULE_VERSION from the registration symbol', () => {
    expect(addonAbi(Buffer.from('\0\0node_register_module_v150\0'))).toBe('150');
    expect(addonAbi(Buffer.from('nothing here'))).toBeNull();
  });

  it('reads the real Node build in node_modules as Node\'s ABI — the mislabelled-binary case it guards against', () => {
    const nodeBuild = readFileSync('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(addonAbi(nodeBuild)).toBe(process.versions.modules);
    expect(addonAbi(nodeBuild)).not.toBe(readVersions().abi); // Electron 45's ABI is not Node 20's
  });
});

describe('the build tools\' environment', () => {
  it('drops npm\'s nodedir (which would compile against Node\'s headers) and run-as-node', () => {
    const env = buildToolEnv({ PATH: '/usr/bin', npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', npm_config_target: '20.0.0', ELECTRON_RUN_AS_NODE: '1', HOME: '/root' });
    expect(env).toEqual({ PATH: '/usr/bin', HOME: '/root' });
  });

  it('builds for Electron explicitly: runtime, target, headers URL', () => {
    const [prebuild, gyp] = buildCommands(target);
    expect(prebuild!.args).toEqual(expect.arrayContaining(['--runtime=electron', '--target=45.4.1', '--arch=x64', '--platform=linux']));
    expect(gyp!.args).toEqual(expect.arrayContaining(['rebuild', '--release', '--runtime=electron', '--target=45.4.1', '--dist-url=https://electronjs.org/headers']));
  });

  it('names the reason of a failure in plain words', () => {
    expect(failureReason('prebuild-install warn install getaddrinfo ENOTFOUND github.com')).toMatch(/no network/);
    expect(failureReason('TypeError: fetch failed\n    at undici')).toMatch(/no network/);
    expect(failureReason('gyp ERR! stack Error: ... related to network connectivity.')).toMatch(/no network/);
    expect(failureReason('prebuild-install warn install No prebuilt binaries found (target=45.4.1 runtime=electron) 404 Not Found')).toMatch(/404/);
    expect(failureReason("gyp ERR! find Python Python is not set from command line or npm configuration\ngyp ERR! find Python You need to install the latest version of Python.")).toMatch(/Python/);
    expect(failureReason('gyp ERR! stack Error: `make` failed with exit code: 2')).toMatch(/make.*failed/);
  });
});

describe('the Electron executable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zaplecze-electron-pkg-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is missing without path.txt and dist/', () => {
    expect(electronExecutable(dir, {}, 'linux')).toEqual({ file: join(dir, 'dist', 'electron'), installed: false });
  });

  it('is found where path.txt says, after the download', () => {
    writeFileSync(join(dir, 'path.txt'), 'electron');
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
    expect(electronExecutable(dir, {}, 'linux')).toEqual({ file: join(dir, 'dist', 'electron'), installed: true });
  });

  it('is missing in this checkout when node_modules/electron/dist is absent (these machines)', () => {
    const real = electronExecutable(resolve('node_modules/electron'));
    let distExists = true;
    try {
      statSync(resolve('node_modules/electron/dist'));
    } catch {
      distExists = false;
    }
    expect(real.installed).toBe(distExists);
  });
});

describe('npm start', () => {
  it('parses its options', () => {
    expect(parseStartArgs([])).toEqual({ build: true, launch: true, check: false, electronArgs: [] });
    expect(parseStartArgs(['--no-build', '--', '--inspect'])).toEqual({ build: false, launch: true, check: false, electronArgs: ['--inspect'] });
    expect(parseStartArgs(['--check'])).toMatchObject({ check: true, build: false, launch: false });
    expect(() => parseStartArgs(['--bogus'])).toThrow(/Unknown option/);
  });

  it('starts Electron with the binding and never as plain Node', () => {
    expect(electronEnv({ PATH: '/bin', ELECTRON_RUN_AS_NODE: '1' }, '/x/better_sqlite3.node')).toEqual({ PATH: '/bin', ZAPLECZE_NATIVE_BINDING: '/x/better_sqlite3.node' });
  });

  it('says what is missing and what works without it', () => {
    const text = missingMessage(['The Electron 45.4.1 program is not installed.']);
    expect(text).toContain('✗ The Electron 45.4.1 program is not installed.');
    expect(text).toMatch(/github\.com/);
    expect(text).toMatch(/electronjs\.org/);
    expect(text).toContain('npx zaplecze');
    expect(text).toContain('npm run web');
  });

  it('`--check` reports, without downloading, whether this machine can start the app — and leaves the Node build alone', () => {
    const nodeBuild = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    const before = statSync(nodeBuild).mtimeMs;
    const result = spawnSync(process.execPath, ['scripts/start-desktop.mjs', '--check'], { encoding: 'utf8', timeout: 30_000 });
    const binaryInstalled = electronExecutable(resolve('node_modules/electron')).installed;
    if (!binaryInstalled) {
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/Electron 45\.\d+\.\d+ program is not installed/);
      expect(result.stderr).toContain('npm run web');
    }
    expect(statSync(nodeBuild).mtimeMs).toBe(before);
  });
});
