/**
 * Issue 12, point 7: a database path in a folder that does not exist. Commands that only read refuse
 * instead of making an empty shop; `init`, `import` and the browser version (`npm run web`) say they are
 * creating a new shop, and where.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-core';
import { jsonOf, ROOT, zaplecze } from './support/processes';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function folder(): string {
  const d = tempDir('zaplecze-missing-');
  cleanups.push(d.dispose);
  return d.dir;
}

describe('a shop in a folder that does not exist', () => {
  it('stats, backup and export refuse (folder_missing, JSON too) and create nothing', async () => {
    const missing = join(folder(), 'nie-ma', 'takiego');
    const dbFile = join(missing, 'sklep.db');
    const out = join(folder(), 'wynik.csv');
    for (const args of [
      ['stats', '--json'],
      ['backup', '--json'],
      ['export', 'stock-valuation', '--date', '2026-11-30', '--out', out, '--json'],
    ]) {
      const ran = await zaplecze([...args, '--db', dbFile]);
      expect(ran.code, `${args[0]}: ${ran.stderr}`).toBe(1);
      expect(jsonOf(ran), args[0]).toMatchObject({ error: { code: 'folder_missing' } });
      expect(ran.stderr).toContain(dbFile);
      expect(ran.stderr).toMatch(/does not exist/);
      expect(existsSync(missing), args[0]).toBe(false);
    }
  });

  it('init says it creates a new shop and where; the second init does not', async () => {
    const dbFile = join(folder(), 'nowy', 'folder', 'sklep.db');
    const first = await zaplecze(['init', '--db', dbFile]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Utworzono nowy sklep: ${dbFile}`);
    const again = await zaplecze(['init', '--db', dbFile, '--json']);
    expect(jsonOf(again)).toMatchObject({ created: false, database: dbFile });
    const plain = await zaplecze(['init', '--db', dbFile]);
    expect(plain.stdout).not.toContain('Utworzono nowy sklep');
  });

  it('an import into a new path says on stderr that it creates a shop there (stdout stays one JSON object)', async () => {
    const dbFile = join(folder(), 'nowy', 'sklep.db');
    const ran = await zaplecze(['import', join(__dirname, '../../fixtures/allegro/orders-export.csv'), '--db', dbFile, '--json']);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toContain(`Creating a new shop: ${dbFile}`);
    expect(jsonOf(ran)).toMatchObject({ files: [{ status: 'imported' }] });
  });

  it('npm run web says it is creating a new, empty shop and where', async () => {
    const dir = folder();
    const webRoot = join(dir, 'web');
    mkdirSync(webRoot);
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Zaplecze</title>');
    const dbFile = join(dir, 'nowy', 'sklep.db');
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'web.mjs'), '--db', dbFile, '--no-build'], {
      cwd: ROOT,
      env: { ...process.env, ZAPLECZE_WEB_ROOT: webRoot },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((done) => child.on('exit', () => done()));
    cleanups.push(async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    });
    const stdout = await new Promise<string>((done, fail) => {
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
        // The lines come in chunks: wait for the last one of the start-up message, not the first.
        if (text.includes('saved files go')) done(text);
      });
      child.on('exit', (code) => fail(new Error(`web.mjs exited (${code}): ${text}`)));
    });
    expect(stdout).toContain(`There is no shop at ${dbFile} yet: creating a new, empty shop there (and its folder).`);
    expect(stdout).toMatch(/Utworzono nowy sklep/);
  });
});
