import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** `npm run web` as a person on a machine without Electron would use it: start, open, stop. */
describe('npm run web', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zaplecze-web-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the app on 127.0.0.1 over a persistent database given with --db, and stops on SIGTERM', async () => {
    const dbFile = join(dir, 'sklep.db');
    child = spawn(process.execPath, ['scripts/web.mjs', '--db', dbFile, '--port', '0', '--no-build'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 90_000);
      child!.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child!.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
    });
    const page = await (await fetch(url)).text();
    expect(page).toContain('<meta name="zaplecze-token"');
    const token = /name="zaplecze-token" content="([^"]+)"/.exec(page)![1]!;
    const info = await (await fetch(new URL('/api/app.info', url), { method: 'POST', headers: { 'x-zaplecze-token': token }, body: '{}' })).json();
    expect(info).toMatchObject({ ok: true, data: { databaseFile: dbFile, isEmpty: true } });
    expect(existsSync(dbFile)).toBe(true);

    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    child = undefined;
  }, 120_000);

  it('refuses an unknown option with the usage and exit code 2', async () => {
    const run = spawn(process.execPath, ['scripts/web.mjs', '--bogus'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    run.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => run.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain('Usage: npm run web');
  });
});
