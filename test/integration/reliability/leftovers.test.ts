import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeOrdersCsv } from '../../../bench/generate/allegro-files';
import { loadDemoShop } from '../../../electron/core/demo/demo-shop';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../../electron/core/backup/backup.service';
import { createCore } from '../../../electron/core/create-core';
import { call } from '../../../electron/core/dispatch';
import { sourceFromBytes } from '../../../electron/core/import/source';
import { silentLogger } from '../../../electron/core/log';
import { tempCore } from '../../support/temp-core';
import { seedSmallShop } from './support/small-shop';

/**
 * Issue 12 point 8: a killed import left its staging database in the system's temp folder (2.1 GB after
 * four kills), killed backups left `.partial` and `-journal` files, a killed restore left
 * `zaplecze.db.restoring`. Here a real child process writes such files the way those jobs name them and is
 * killed with SIGKILL; the next start of the shop removes them and leaves everything else alone.
 */

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A child that writes `files` (paths may contain PID, replaced by its own pid), says so, and waits to be killed. */
function childWriting(files: string[]): Promise<{ child: ChildProcess; pid: number }> {
  const script = `
    const fs = require('node:fs'); const path = require('node:path');
    for (const f of ${JSON.stringify(files)}) {
      const p = f.split('PID').join(String(process.pid));
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, Buffer.alloc(64 * 1024, 1));
    }
    process.stdout.write('ready\\n');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  cleanups.push(() => child.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve({ child, pid: child.pid! }));
    child.once('exit', (code) => reject(new Error(`child ended early (${code})`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('leftovers of killed processes', () => {
  it('are removed when the shop is opened; live processes’ files and everything else stay', async () => {
    const t = await tempCore();
    cleanups.push(t.dispose);
    seedSmallShop(t.core.sqlite);
    const good = await createBackup(t.core, { label: 'auto' });
    await t.core.close();
    const dir = t.dir;
    const backups = join(dir, 'backups');
    const stamp = 'zaplecze-2026-12-01T08-00-00-000Z-auto.db';

    // A killed import (staging database + an uploaded file), a killed backup, a killed restore.
    const dead = await childWriting([
      join(dir, 'tmp', 'import-PID-a1b2c3', 'mxcp6n9b-c1f2988c3566.staging.db'),
      join(dir, 'tmp', 'import-PID-a1b2c3', 'mxcp6n9b-aaaaaaaaaaaa.upload'),
      join(backups, `${stamp}.PID.partial`),
      join(backups, `${stamp}.PID.partial-journal`),
      join(dir, 'zaplecze.db.restoring'),
      join(dir, 'zaplecze.db.restoring-wal'),
    ]);
    await killed(dead.child);
    // An import still running in another process: its files stay.
    const alive = await childWriting([join(dir, 'tmp', 'import-PID-d4e5f6', 'live.staging.db'), join(backups, 'zaplecze-2026-12-02T08-00-00-000Z-manual.db.PID.partial')]);
    // The owner's own files.
    writeFileSync(join(backups, 'moja-kopia.db'), 'mine');
    mkdirSync(join(dir, 'tmp', 'notatki'), { recursive: true });

    const before = readdirSync(dir).sort();
    expect(before).toContain('zaplecze.db.restoring');

    const core = await createCore({ dbFile: t.dbFile, logger: silentLogger });
    cleanups.push(() => core.close());

    expect(existsSync(join(dir, 'tmp', `import-${dead.pid}-a1b2c3`))).toBe(false);
    expect(existsSync(join(backups, `${stamp}.${dead.pid}.partial`))).toBe(false);
    expect(existsSync(join(backups, `${stamp}.${dead.pid}.partial-journal`))).toBe(false);
    expect(existsSync(join(dir, 'zaplecze.db.restoring'))).toBe(false);
    expect(existsSync(join(dir, 'zaplecze.db.restoring-wal'))).toBe(false);

    expect(existsSync(join(dir, 'tmp', `import-${alive.pid}-d4e5f6`, 'live.staging.db'))).toBe(true);
    expect(existsSync(join(backups, `zaplecze-2026-12-02T08-00-00-000Z-manual.db.${alive.pid}.partial`))).toBe(true);
    expect(existsSync(join(backups, 'moja-kopia.db'))).toBe(true);
    expect(existsSync(join(dir, 'tmp', 'notatki'))).toBe(true);
    expect(existsSync(good.file)).toBe(true);
    expect(core.sqlite.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(50);
  });

  it('keeps the import’s temporary files in tmp/ beside the shop, in a folder named with the process id', async () => {
    const t = await tempCore();
    cleanups.push(t.dispose);
    const upload = sourceFromBytes('zamowienia.csv', Buffer.from('a;b\n1;2\n'));
    expect(upload.path.startsWith(join(t.dir, 'tmp', `import-${process.pid}-`))).toBe(true);
  });

  it('a real import and a real backup killed with SIGKILL half-way: their files are gone after the next start', async () => {
    const source = await tempCore();
    cleanups.push(source.dispose);
    await loadDemoShop(source.core, { orders: 3000, seed: 7 });
    const csv = join(source.dir, 'zamowienia.csv');
    writeOrdersCsv(source.core.sqlite, csv);

    const t = await tempCore();
    cleanups.push(t.dispose);
    seedSmallShop(t.core.sqlite, { orders: 400 });
    await t.core.close();

    // The import: killed as soon as its staging database exists in tmp/ beside the shop.
    const importer = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'support/import-child.ts'), '--db', t.dbFile, csv], { stdio: ['ignore', 'pipe', 'pipe'] });
    cleanups.push(() => importer.kill('SIGKILL'));
    const staging = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        let folder: string | undefined;
        let file: string | undefined;
        try {
          folder = readdirSync(join(t.dir, 'tmp')).find((n) => n.startsWith(`import-${importer.pid}-`));
          file = folder && readdirSync(join(t.dir, 'tmp', folder)).find((n) => n.endsWith('.staging.db'));
        } catch {
          return; // not there yet
        }
        if (file) {
          clearInterval(timer);
          importer.kill('SIGKILL');
          resolve(join(t.dir, 'tmp', folder!, file));
        }
      }, 5);
      importer.once('exit', () => {
        clearInterval(timer);
        reject(new Error('the import finished before its staging file was seen'));
      });
    });
    await new Promise((r) => (importer.exitCode === null && importer.signalCode === null ? importer.once('exit', r) : r(null)));
    expect(existsSync(staging)).toBe(true);

    // The backup: killed half-way through its copy.
    const backup = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'support/backup-child.ts'), '--db', t.dbFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    cleanups.push(() => backup.kill('SIGKILL'));
    await new Promise<void>((resolve, reject) => {
      backup.stdout!.on('data', (d: Buffer) => d.toString().includes('READY') && resolve());
      backup.once('exit', (code) => reject(new Error(`backup child ended (${code})`)));
    });
    await killed(backup);
    const partials = readdirSync(join(t.dir, 'backups')).filter((n) => n.includes(`.${backup.pid}.partial`));
    expect(partials.length).toBeGreaterThan(0);

    const core = await createCore({ dbFile: t.dbFile, logger: silentLogger });
    cleanups.push(() => core.close());
    expect(existsSync(dirname(staging))).toBe(false);
    expect(readdirSync(join(t.dir, 'backups')).filter((n) => n.includes('.partial'))).toEqual([]);
    expect(core.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
  }, 120_000);

  it('a rejected preview frees its upload and staging database at once; its errors can still be shown and recorded', async () => {
    const t = await tempCore();
    cleanups.push(t.dispose);
    const filesIn = (folder: string): string[] =>
      existsSync(folder) ? readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : [];
    const tmp = join(t.dir, 'tmp');
    const fixtures = join(__dirname, '../../fixtures/allegro');
    const b64 = (name: string) => readFileSync(join(fixtures, name)).toString('base64');

    // A file that can be imported keeps its files until it is imported or discarded.
    const ready = await call(t.core, 'import.preview', { name: 'zamowienia.json', contentBase64: b64('checkout-forms.page-1.json') });
    expect(ready.status).toBe('ready');
    const kept = filesIn(tmp);
    expect(kept.some((n) => n.endsWith('.upload'))).toBe(true);
    expect(kept.some((n) => n.endsWith('.staging.db'))).toBe(true);

    // A truncated JSON is read (its orders staged) and then refused: nothing of it stays on disk.
    const rejected = await call(t.core, 'import.preview', { name: 'ucięty.json', contentBase64: b64('hostile/checkout-forms.truncated.json') });
    expect(rejected.status).toBe('rejected');
    expect(rejected.problems.map((p) => p.code)).toContain('json_truncated');
    expect(filesIn(tmp).sort()).toEqual(kept.sort());

    // What the screen shows and the command line records still works from the kept preview.
    const { run } = await call(t.core, 'import.commit', { token: rejected.token });
    expect(run).toMatchObject({ status: 'rejected', file: 'ucięty.json' });
    await call(t.core, 'import.discard', { token: ready.token });
    expect(filesIn(tmp)).toEqual([]);
  });
});

