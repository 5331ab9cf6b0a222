import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { builtinModules, createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ensureBuilt } from './built-app';
import { builderConfigProblems, REQUIRED_FUSES } from './checks';

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, any>;

describe('electron-builder.yml', () => {
  it('keeps the fuses, asar, the unpacked native addon and the Electron build of better-sqlite3', () => {
    expect(builderConfigProblems(config)).toEqual([]);
    expect(config.electronFuses).toMatchObject(REQUIRED_FUSES);
    expect(config.appId).toBe('pl.zaplecze.app');
    expect(config.productName).toBe('Zaplecze');
  });

  it('is a valid electron-builder configuration (electron-builder\'s own schema check)', async () => {
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
    // …and that check is real: a misspelt fuse is refused.
    const misspelt = structuredClone(config);
    misspelt.electronFuses.runAsNod = false;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('ships everything the built main process requires, and nothing of the browser build', () => {
    ensureBuilt();
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    const excluded = ([config.files].flat() as string[]).filter((f) => f.startsWith('!node_modules/')).map((f) => f.slice('!node_modules/'.length).replace(/\/\*\*$/, ''));
    // index.js, the import worker and the chunks they share (out/main/chunks/, required as './chunks/…').
    const bundles = readdirSync('out/main', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(bundles).toContain('import-worker.js');
    const requires: string[] = [];
    for (const bundle of bundles) {
      for (const [, name] of readFileSync(join('out/main', bundle), 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)) {
        // Our own chunks: built beside the file that requires them (out/main/** is shipped).
        if (name!.startsWith('.')) expect(existsSync(join('out/main', dirname(bundle), name!)), `${name} required by ${bundle}`).toBe(true);
        else requires.push(name!);
      }
    }
    expect(requires).toContain('better-sqlite3');
    for (const name of new Set(requires)) {
      if (name.startsWith('node:') || builtinModules.includes(name) || name === 'electron') continue;
      const packageName = name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!;
      expect(pkg.dependencies, `${name} is required by out/main but is not a production dependency`).toHaveProperty([packageName]);
      expect(excluded.some((pattern) => pattern === packageName || pattern === `${packageName.split('/')[0]}`), `${packageName} is required by out/main but excluded in electron-builder.yml`).toBe(false);
    }
    expect(config.files).not.toContain('out/**');
    expect((config.files as string[]).some((f) => f.includes('out/web'))).toBe(false);
  });

  it('puts the binding where the main process looks for it in the packaged app', async () => {
    const { PACKAGED_NATIVE_BINDING } = await import('../../electron/main/desktop-paths');
    const native = (config.extraResources as Array<{ from: string; to: string }>).find((r) => r.to.endsWith('better_sqlite3.node'));
    expect(native?.to.replace(/\//g, '/')).toBe(PACKAGED_NATIVE_BINDING.replace(/\\/g, '/'));
    expect(native?.from).toBe('.electron-native/package/better_sqlite3.node');
  });
});

describe('builderConfigProblems can fail (deliberately bad configurations)', () => {
  const spoil = (change: (c: Record<string, any>) => void) => {
    const copy = structuredClone(config);
    change(copy);
    return builderConfigProblems(copy).join('\n');
  };
  it('reports runAsNode left on', () => expect(spoil((c) => (c.electronFuses.runAsNode = true))).toMatch(/runAsNode/));
  it('reports asar integrity off', () => expect(spoil((c) => (c.electronFuses.enableEmbeddedAsarIntegrityValidation = false))).toMatch(/Integrity/));
  it('reports NODE_OPTIONS allowed', () => expect(spoil((c) => delete c.electronFuses.enableNodeOptionsEnvironmentVariable)).toMatch(/NodeOptions/));
  it('reports missing fuses altogether', () => expect(spoil((c) => delete c.electronFuses)).toMatch(/onlyLoadAppFromAsar/));
  it('reports npmRebuild left to its default', () => expect(spoil((c) => delete c.npmRebuild)).toMatch(/npmRebuild/));
  it('reports asar off', () => expect(spoil((c) => (c.asar = false))).toMatch(/asar must be on/));
  it('reports the browser build (out/web) shipped', () => expect(spoil((c) => (c.files = ['out/**', 'package.json']))).toMatch(/out\/web/));
  it('reports the native addon packed inside the asar', () => expect(spoil((c) => (c.asarUnpack = []))).toMatch(/unpacked/));
});
