/**
 * Orders at risk (issue 17 point 2), on a shop built so every answer is known: a Wednesday in December
 * (Warsaw UTC+1), a packer measured at 5 parcels a working day who already sent 3 today, 5 units of a
 * product for two orders of 3, an order on hold, an unpaid one due tomorrow, a late one.
 */
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../electron/core/create-core';
import { call } from '../../../electron/core/dispatch';
import { computeAtRisk, rowAt, type AtRiskListing } from '../../../electron/core/results/at-risk/at-risk.query';
import { main } from '../../../electron/cli/main';
import { insertOrder, insertProduct, receive } from '../orders/order-fixtures';
import { tempCore, type TempCore } from '../../support/temp-core';

const NOW = new Date('2026-12-09T09:00:00.000Z'); // Wednesday 10:00 in Warsaw
const END_TODAY = '2026-12-09T22:59:59.000Z';
const END_TOMORROW = '2026-12-10T22:59:59.000Z';
const END_YESTERDAY = '2026-12-08T22:59:59.000Z';

const cleanups: TempCore[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!.dispose();
});

/** Working days before 9 December 2026, newest first (no holidays in between). */
const PAST_WORKING_DAYS = ['2026-12-08', '2026-12-07', '2026-12-04', '2026-12-03', '2026-12-02', '2026-12-01', '2026-11-30', '2026-11-27', '2026-11-26', '2026-11-25'];

async function shop() {
  const t = await tempCore({ now: () => NOW });
  cleanups.push(t);
  const core = t.core;
  const kettle = insertProduct(core, { sku: 'CZAJ-1', name: 'Czajnik' });
  const mug = insertProduct(core, { sku: 'KUB-1', name: 'Kubek' });
  receive(core, kettle, 5);
  receive(core, mug, 100);
  const bought = (h: number) => new Date(Date.parse('2026-12-07T08:00:00.000Z') + h * 60_000).toISOString();
  // Capacity: 5 parcels on each of 10 past working days, 3 already today.
  const history = insertOrder(core, { boughtAt: bought(0), status: 'delivered', lines: [{ productId: mug, quantity: 1 }] });
  const ship = core.sqlite.prepare('INSERT INTO shipments (order_id, tracking_number, dispatched_at, created_at) VALUES (?, ?, ?, ?)');
  let n = 0;
  for (const day of PAST_WORKING_DAYS) for (let i = 0; i < 5; i++) ship.run(history, `T${n++}`, `${day}T10:0${i}:00.000Z`, `${day}T10:00:00.000Z`);
  for (let i = 0; i < 3; i++) ship.run(history, `T${n++}`, `2026-12-09T08:0${i}:00.000Z`, '2026-12-09T08:00:00.000Z');
  // An undone shipment does not count.
  core.sqlite.prepare("INSERT INTO shipments (order_id, tracking_number, dispatched_at, created_at, cancelled_at) VALUES (?, 'X', '2026-12-09T08:30:00.000Z', '2026-12-09T08:30:00.000Z', '2026-12-09T08:40:00.000Z')").run(history);

  const late = insertOrder(core, { boughtAt: bought(1), status: 'to_pick', dispatchBy: END_YESTERDAY, lines: [{ productId: mug, quantity: 1 }] });
  const first = insertOrder(core, { boughtAt: bought(2), status: 'to_pick', dispatchBy: END_TODAY, lines: [{ productId: kettle, quantity: 3 }] });
  const queued1 = insertOrder(core, { boughtAt: bought(3), status: 'to_pick', dispatchBy: END_TODAY, lines: [{ productId: mug, quantity: 2 }] });
  const queued2 = insertOrder(core, { boughtAt: bought(4), status: 'packed', dispatchBy: END_TODAY, lines: [{ productId: mug, quantity: 1 }] });
  core.sqlite.prepare('UPDATE order_lines SET packed_quantity = quantity WHERE order_id = ?').run(queued2);
  const short = insertOrder(core, { boughtAt: bought(5), status: 'to_pick', dispatchBy: END_TOMORROW, lines: [{ productId: kettle, quantity: 3 }] });
  const unpaid = insertOrder(core, { boughtAt: bought(6), status: 'new', paidAt: null, dispatchBy: END_TOMORROW, lines: [{ productId: mug, quantity: 1 }] });
  const fine = insertOrder(core, { boughtAt: bought(7), status: 'new', dispatchBy: END_TOMORROW, lines: [{ productId: mug, quantity: 1 }] });
  const unpaidLater = insertOrder(core, { boughtAt: bought(8), status: 'new', paidAt: null, dispatchBy: '2026-12-16T22:59:59.000Z', lines: [{ productId: mug, quantity: 1 }] });
  const held = insertOrder(core, { boughtAt: bought(9), status: 'on_hold', dispatchBy: '2026-12-14T22:59:59.000Z', lines: [{ productId: mug, quantity: 1 }] });
  const cod = insertOrder(core, { boughtAt: bought(10), status: 'new', paymentType: 'CASH_ON_DELIVERY', paidAt: null, dispatchBy: END_TOMORROW, lines: [{ productId: mug, quantity: 1 }] });
  insertOrder(core, { boughtAt: bought(11), status: 'shipped', dispatchBy: END_YESTERDAY, lines: [{ productId: mug, quantity: 1 }] });
  return { t, core, kettle, ids: { late, first, queued1, queued2, short, unpaid, fine, unpaidLater, held, cod } };
}

describe('orders at risk', () => {
  it('lists each order that will miss its promise, with why and what can be done', async () => {
    const { core, kettle, ids } = await shop();
    const result = await call(core, 'planning.atRisk', {});
    expect(result.capacityPerDay).toBe(5);
    expect(result.capacityMeasuredDays).toBe(10);
    expect(result.shippedToday).toBe(3);
    const byId = new Map(result.rows.map((r) => [r.orderId, r]));
    // Late first, then by deadline: the one today behind the queue, tomorrow's short and unpaid, the held one.
    // queued2 is packed already: it waits only for the courier, takes no place in the queue, is not listed.
    expect(result.rows.map((r) => r.orderId)).toEqual([ids.late, ids.queued1, ids.short, ids.unpaid, ids.held]);
    expect(result.counts).toEqual({ late: 1, no_stock: 1, unpaid: 1, queue: 1, on_hold: 1 });
    expect(byId.get(ids.late)).toMatchObject({ late: true, reasons: [], actions: ['pack_first', 'contact_buyer'], workingDaysLeft: 0 });
    // The queue: late (1), first (2) fit the 2 parcels left today; queued1 (3) does not.
    expect(byId.get(ids.queued1)).toMatchObject({ reasons: ['queue'], queuePosition: 3, slotsBeforeDeadline: 2, actions: ['pack_first'] });
    // 5 kettles: 3 to the order due today, 2 left for the one due tomorrow that needs 3.
    expect(byId.get(ids.short)).toMatchObject({ reasons: ['no_stock'], missing: [{ productId: kettle, sku: 'CZAJ-1', name: 'Czajnik', units: 1 }], actions: ['receive_goods', 'contact_buyer'] });
    expect(byId.get(ids.unpaid)).toMatchObject({ reasons: ['unpaid'], payment: 'unpaid', actions: ['contact_buyer'], workingDaysLeft: 2 });
    expect(byId.get(ids.held)).toMatchObject({ reasons: ['on_hold'], actions: ['release_hold'] });
    for (const notListed of [ids.first, ids.queued2, ids.fine, ids.unpaidLater, ids.cod]) expect(byId.has(notListed)).toBe(false);
    // Tomorrow's ready orders (fine, cod) fit: 2 today + 5 tomorrow. To pack: late, first, queued1, fine, cod;
    // "Do spakowania": late, first, queued1, short; paid or COD "Nowe": fine, cod; packed: queued2.
    expect(result.queueLength).toBe(5);
    expect(result).toMatchObject({ queueToPick: 4, queueNew: 2, packedWaiting: 1 });
  });

  it('keeps a late order listed until it is shipped, and a receipt takes an order off for lack of stock', async () => {
    const { core, kettle, ids } = await shop();
    receive(core, kettle, 1);
    let result = await call(core, 'planning.atRisk', {});
    expect(result.rows.some((r) => r.orderId === ids.short)).toBe(false);
    expect(result.rows[0]!.orderId).toBe(ids.late);
    core.sqlite.prepare("UPDATE orders SET status = 'shipped' WHERE id = ?").run(ids.late);
    result = await call(core, 'planning.atRisk', { reason: 'late' });
    expect(result.total).toBe(0);
  });

  it('without measured packing days says so and judges no queue', async () => {
    const { core } = await shop();
    core.sqlite.prepare('DELETE FROM shipments').run();
    const result = await call(core, 'planning.atRisk', {});
    expect(result.capacityPerDay).toBeNull();
    expect(result.counts.queue).toBe(0);
  });

  it('zaplecze at-risk --json prints the same rows, keys and values, as planning.atRisk on the same shop', async () => {
    const { t, core, ids } = await shop();
    const viaDispatch = await call(core, 'planning.atRisk', { limit: 5000 });
    const out: string[] = [];
    // The CLI opens the file itself with the system clock: the clock is set to the shop's "now" (Date only,
    // timers stay real) so both judge the same moment.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    let code: number;
    try {
      code = await main(['at-risk', '--db', t.dbFile, '--json'], { out: (s) => out.push(s), err: () => {} });
    } finally {
      vi.useRealTimers();
    }
    expect(code).toBe(0);
    const parsed = JSON.parse(out.join('\n')) as typeof viaDispatch;
    // By construction (first test): five orders, late first; the CLI must list the same.
    expect(viaDispatch.rows.map((r) => r.orderId)).toEqual([ids.late, ids.queued1, ids.short, ids.unpaid, ids.held]);
    expect(parsed.rows).toHaveLength(viaDispatch.rows.length);
    parsed.rows.forEach((row, i) => {
      expect(Object.keys(row).sort()).toEqual(Object.keys(viaDispatch.rows[i]!).sort());
      expect(row).toStrictEqual(viaDispatch.rows[i]);
    });
    const { rows: _cliRows, ...cliRest } = parsed;
    const { rows: _rows, ...rest } = viaDispatch;
    expect(cliRest).toStrictEqual(rest);
  });

  it('kept up to date from the change log, answers as a list computed from scratch after every kind of write', async () => {
    const { t, core, kettle, ids } = await shop();
    const mug = core.sqlite.prepare("SELECT id FROM products WHERE sku = 'KUB-1'").pluck().get() as number;
    const plain = (l: AtRiskListing) => ({ rows: l.orders.map((_, i) => rowAt(l, i)), summary: { ...l.summary, computedAt: '' } });
    // A new connection has nothing kept: it reads every open order, as the first open of the app does.
    const fromScratch = () => {
      const fresh = new BetterSqlite3(t.dbFile, { readonly: true });
      try {
        return plain(computeAtRisk({ sqlite: fresh, now: () => NOW } as unknown as Core, NOW));
      } finally {
        fresh.close();
      }
    };
    const kept = () => plain(computeAtRisk(core, NOW));
    expect(kept()).toEqual(fromScratch());
    let added = 0;
    const writes: Array<[string, () => void]> = [
      ['goods received', () => receive(core, kettle, 1)],
      ['a new order', () => void (added = insertOrder(core, { boughtAt: '2026-12-08T07:00:00.000Z', status: 'to_pick', dispatchBy: END_TODAY, lines: [{ productId: kettle, quantity: 4 }] }))],
      ['an order paid', () => core.sqlite.prepare("UPDATE orders SET paid_at = '2026-12-09T08:00:00.000Z' WHERE id = ?").run(ids.unpaid)],
      // Units in a box are set aside before the queue's order: the later order packed, the new one is short.
      ['a line packed', () => core.sqlite.prepare('UPDATE order_lines SET packed_quantity = 3 WHERE order_id = ?').run(ids.short)],
      ['an order shipped', () => core.sqlite.prepare("UPDATE orders SET status = 'shipped' WHERE id = ?").run(ids.queued1)],
      ['a hold released', () => core.sqlite.prepare("UPDATE orders SET status = 'to_pick' WHERE id = ?").run(ids.held)],
      ['a line added', () => core.sqlite.prepare("INSERT INTO order_lines (order_id, product_id, offer_id, name, quantity, unit_price_grosze) SELECT ?, ?, 'X', 'Kubek', 2, 100").run(ids.fine, mug)],
      ['an order deleted', () => core.sqlite.prepare('DELETE FROM orders WHERE id = ?').run(ids.cod)],
      ['a past shipment undone', () => core.sqlite.prepare("UPDATE shipments SET cancelled_at = '2026-12-09T08:50:00.000Z' WHERE dispatched_at LIKE '2026-12-08%'").run()],
      ['a parcel today', () => core.sqlite.prepare("INSERT INTO shipments (order_id, tracking_number, dispatched_at, created_at) VALUES (?, 'NEW', '2026-12-09T08:55:00.000Z', '2026-12-09T08:55:00.000Z')").run(ids.late)],
      ['a product renamed', () => core.sqlite.prepare("UPDATE products SET name = 'Czajnik stalowy' WHERE id = ?").run(kettle)],
      ['the handling time changed', () => core.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('handlingTimeDays', '3') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run()],
      ['an order without a stored promise', () => core.sqlite.prepare('UPDATE orders SET dispatch_by = NULL WHERE id = ?').run(ids.short)],
    ];
    for (const [what, write] of writes) {
      write();
      expect(kept(), what).toEqual(fromScratch());
    }
    // The writes did change the answer (the comparison above is not between two empty lists).
    expect(kept().rows.length).toBeGreaterThan(0);
    expect(kept().rows.some((r) => r.orderId === added && r.reasons.includes('no_stock'))).toBe(true);
  });
});
