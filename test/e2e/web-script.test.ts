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
        const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child!.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
    });
    // The printed address carries the run's key; the browser keeps it as a cookie and the page never holds it.
    const opened = await fetch(url, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
    const page = await (await fetch(new URL('/', url), { headers: { cookie } })).text();
    expect(page).toContain('<div id="root">');
    const token = new URL(url).searchParams.get('token')!;
    expect(page).not.toContain(token);
    const info = await (await fetch(new URL('/api/app.info', url), { method: 'POST', headers: { cookie }, body: '{}' })).json();
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
