/**
 * The command line as people and scripts use it: a real `node bin/zaplecze.cjs` process per call, on a
 * real database file, reading stdout, stderr and the exit code.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-core';
import { dataChecksum } from './demo-support';

const ROOT = resolve(__dirname, '../..');
const STATS_KEYS = ['products', 'offers', 'orders', 'orderLines', 'cancelledOrders', 'returns', 'returnedUnits', 'ledgerEntries', 'onHandUnits', 'reservedUnits', 'totalToPayGrosze'];

function zaplecze(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'zaplecze.cjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function checksumOf(file: string) {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return dataChecksum(db);
  } finally {
    db.close();
  }
}

let dir: ReturnType<typeof tempDir>;
let db: string;
let demoStats: Record<string, unknown>;

beforeAll(() => {
  dir = tempDir('zaplecze-cli-');
  db = join(dir.dir, 'sklep.db');
  const init = zaplecze('init', '--db', db, '--json');
  expect(init.code, init.stderr).toBe(0);
  const demo = zaplecze('demo', '--db', db, '--orders', '400', '--products', '40', '--seed', '5', '--json');
  expect(demo.code, demo.stderr).toBe(0);
  demoStats = JSON.parse(demo.stdout);
});
afterAll(() => dir?.dispose());

describe('zaplecze demo and stats', () => {
  it('init prints the schema it created as JSON', () => {
    const again = zaplecze('init', '--db', db, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ applied: [] });
  });

  it('demo fills the database and prints the stats object', () => {
    expect(demoStats.products).toBe(40);
    expect(demoStats.orders).toBe(400);
  });

  it('stats --json prints one JSON object with every documented key, all non-zero', () => {
    const stats = zaplecze('stats', '--json', '--db', db);
    expect(stats.code, stats.stderr).toBe(0);
    expect(stats.stderr).toBe('');
    expect(stats.stdout.trim().split('\n')).toHaveLength(1);
    const parsed = JSON.parse(stats.stdout) as Record<string, unknown>;
    for (const key of STATS_KEYS) expect(parsed, key).toHaveProperty(key);
    for (const key of STATS_KEYS.filter((k) => k !== 'totalToPayGrosze')) {
      expect(Number.isInteger(parsed[key]), key).toBe(true);
      expect(parsed[key] as number, key).toBeGreaterThan(0);
    }
    const totals = parsed.totalToPayGrosze as Record<string, number>;
    expect(Object.keys(totals)).toEqual(['PLN']);
    expect(Number.isInteger(totals.PLN)).toBe(true);
    expect(totals.PLN!).toBeGreaterThan(0);
    expect(parsed).toEqual(demoStats);
  });

  it('stats without --json prints a readable summary', () => {
    const stats = zaplecze('stats', '--db', db);
    expect(stats.code).toBe(0);
    expect(stats.stdout).toMatch(/Products:\s+40/);
    expect(stats.stdout).toMatch(/Orders:\s+400/);
    expect(stats.stdout).toMatch(/PLN/);
  });

  it('refuses a second demo on the same file: exit 1, a plain message on stderr, database unchanged', () => {
    const before = checksumOf(db);
    const again = zaplecze('demo', '--db', db);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/already has products or orders/);
    expect(again.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(checksumOf(db)).toEqual(before);
  });

  it('leaves an empty shop when a big demo is killed midway (one transaction), and a new demo then works', async () => {
    const file = join(dir.dir, 'przerwany.db');
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'zaplecze.cjs'), 'demo', '--db', file, '--orders', '300000', '--products', '3000'], { cwd: ROOT });
    let stderr = '';
    // Progress lines on stderr show the run is deep in its orders: kill it there, without warning.
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no progress within 90 s: ${stderr}`)), 90_000);
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/demo: orders [1-9]/.test(stderr)) {
          clearTimeout(timer);
          child.kill('SIGKILL');
          done();
        }
      });
    });
    await new Promise((done) => child.on('exit', done));
    expect(stderr).toMatch(/demo: orders \d{2},\d{3} \/ 300,000/);
    const db = new BetterSqlite3(file);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT (SELECT count(*) FROM products) + (SELECT count(*) FROM orders) + (SELECT count(*) FROM stock_ledger)').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
    const retry = zaplecze('demo', '--db', file, '--orders', '50', '--products', '10', '--json');
    expect(retry.code, retry.stderr).toBe(0);
    expect(JSON.parse(retry.stdout)).toMatchObject({ orders: 50, products: 10 });
  });

  it('fails clearly on a missing database and on wrong arguments', () => {
    const missing = zaplecze('stats', '--json', '--db', join(dir.dir, 'nie-ma.db'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No database at/);
    const badNumber = zaplecze('demo', '--db', join(dir.dir, 'x.db'), '--orders', 'dużo');
    expect(badNumber.code).toBe(2);
    expect(badNumber.stderr).toMatch(/--orders must be a whole number/);
    const unknown = zaplecze('demo', '--db', join(dir.dir, 'x.db'), '--colour', 'red');
    expect(unknown.code).toBe(2);
  });
});
