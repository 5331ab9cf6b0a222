import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
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
  it('reports the native addon packed inside the asar', () => expect(spoil((c) => (c.asarUnpack = []))).toMatch(/unpacked/));
});
