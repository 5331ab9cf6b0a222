import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempCore, tempCore } from '../../support/temp-core';
import { buildKnownShop, ResultsShop } from './shop-builder';

const ROOT = resolve(__dirname, '../../..');

function zaplecze(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'zaplecze.cjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The keys README documents for `zaplecze results --json`: scripts rely on them. */
const TOP_KEYS = ['period', 'previousPeriod', 'computedAt', 'current', 'previous', 'lateOrders', 'lateOrdersTruncated', 'daily', 'returnsByProduct', 'returnsByReason', 'returnsByPacker', 'complaintsByProduct', 'complaintsByDemand', 'complaintsByPacker', 'packing', 'stockoutsByProduct', 'handlingTime'];
const NUMBER_KEYS = ['dueOrders', 'onTime', 'late', 'onTimeRate', 'notYetDue', 'shippedOrders', 'shippedUnits', 'perfect', 'perfectRate', 'failures', 'cycle', 'returnedOrders', 'returnedUnits', 'returnRate', 'complaints', 'complaintsUpheld', 'complaintRate', 'stockoutDays', 'stockoutProducts', 'campaignStockoutDays', 'campaignProductDays', 'campaignStockoutRate', 'ordersWaitedForStock', 'packedOrders', 'packedUnits', 'wrongScans', 'wrongScansPer100Units'];

let shop: TempCore;
beforeAll(async () => {
  shop = await tempCore();
  buildKnownShop(new ResultsShop(shop.core));
  await shop.core.close();
});
afterAll(() => shop?.dispose());

describe('zaplecze results', () => {
  it('--json prints one object with the documented keys and the numbers of the built shop', () => {
    const run = zaplecze('results', '--db', shop.dbFile, '--from', '2026-10-19', '--to', '2026-11-01', '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out).sort()).toEqual([...TOP_KEYS].sort());
    expect(Object.keys(out.current).sort()).toEqual([...NUMBER_KEYS].sort());
    expect(out.period).toEqual({ from: '2026-10-19', to: '2026-11-01' });
    expect(out.previousPeriod).toEqual({ from: '2026-10-05', to: '2026-10-18' });
    // The real clock is long past every deadline of the shop: the two orders due 31 Oct, never shipped, are late too.
    expect(out.current).toMatchObject({ dueOrders: 102, onTime: 93, late: 9, notYetDue: 0, shippedOrders: 99, perfect: 87 });
    expect(out.current.failures).toEqual({ late: 6, damaged: 3, wrongItem: 2, incomplete: 1, complaintUpheld: 1 });
    expect(out.previous.dueOrders).toBe(0);
    expect(Object.keys(out.handlingTime).sort()).toEqual(['byHour', 'byWeekday', 'currentDays', 'cutoffHour', 'distribution', 'options', 'orders', 'recommendedDays', 'windowFrom', 'windowTo']);
  });

  it('prints a short summary without --json and refuses a period the wrong way round', () => {
    const text = zaplecze('results', '--db', shop.dbFile, '--from', '2026-10-19', '--to', '2026-11-01');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('On-time dispatch:');
    const reversed = zaplecze('results', '--db', shop.dbFile, '--from', '2026-11-01', '--to', '2026-10-01', '--json');
    expect(reversed.code).toBe(2);
    const notADay = zaplecze('results', '--db', shop.dbFile, '--from', '2026-02-30', '--to', '2026-03-01');
    expect(notADay.code).toBe(2);
  });
});
